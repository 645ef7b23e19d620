/** `docker container exec`: Execute a command in a running container (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, list, str } from '../shared/common';
import { execCommand, type ExecOptions } from '../shared/exec';
import { statusFor } from './common';
import FLAGS from './flags.json';

export const execRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const [container, ...cmd] = args;
  const tty = bool(flags, 'tty');
  const interactive = bool(flags, 'interactive');
  const opts: ExecOptions = {
    cmd,
    env: list(flags, 'env'),
    workdir: str(flags, 'workdir') || undefined,
    user: str(flags, 'user') || undefined,
    tty,
    stdin: interactive || tty ? ctx.io.stdin : undefined,
    onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
  };
  try {
    return await execCommand(d, container, opts, bool(flags, 'detach'));
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    // Start-time failures of the process come back as the runtime's text (no daemon prefix).
    if (e.message.startsWith('OCI runtime exec failed')) throw new CliError(e.message, statusFor(e.message) === 125 ? 126 : statusFor(e.message));
    if (e.message.startsWith('unable to find user')) throw new CliError(e.message, 126);
    throw new CliError(daemonMessage(e), 1);
  }
};

export const spec = verb({
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]', short: 'Execute a command in a running container',
  args: { kind: 'min', n: 2 }, interspersed: false,
  flags: [...FLAGS.exec],
  run: execRun
});
