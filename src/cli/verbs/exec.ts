/** `docker exec`: a command in a running container; its exit code is the CLI's. */
import { CliError, type Handler } from '../framework/types';
import { DaemonError } from '../daemon-api';
import { bool, daemonMessage, daemonOf, list, str } from './common';
import { statusFor } from './run';

export const execRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const [container, ...cmd] = args;
  const tty = bool(flags, 'tty');
  const interactive = bool(flags, 'interactive');
  const run = d.containerExec(container, {
    cmd,
    env: list(flags, 'env'),
    workdir: str(flags, 'workdir') || undefined,
    user: str(flags, 'user') || undefined,
    tty,
    stdin: interactive || tty ? ctx.io.stdin : undefined,
    onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
  });
  if (bool(flags, 'detach')) {
    run.catch(() => {});
    return 0;
  }
  try {
    return await run;
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    // Start-time failures of the process come back as the runtime's text (no daemon prefix).
    if (e.message.startsWith('OCI runtime exec failed')) throw new CliError(e.message, statusFor(e.message) === 125 ? 126 : statusFor(e.message));
    throw new CliError(daemonMessage(e), 1);
  }
};
