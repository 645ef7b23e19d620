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
    if (e.message.startsWith('unable to find user')) throw new CliError(e.message, 126);
    throw new CliError(daemonMessage(e), 1);
  }
};

/** `docker attach`: the running container's streams on this terminal (Ctrl-P Ctrl-Q detaches). */
export const attachRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const name = args[0];
  let info: Record<string, unknown>;
  try {
    info = await d.containerInspect(name);
  } catch (e) {
    throw new CliError(daemonMessage(e), 1);
  }
  const state = info.State as { Running: boolean; Paused: boolean };
  if (!state.Running) throw new CliError('You cannot attach to a stopped container, start it first', 1);
  if (state.Paused) throw new CliError('You cannot attach to a paused container, unpause it first', 1);
  const a = await d.containerAttach(name, {
    stdin: bool(flags, 'no-stdin') ? undefined : ctx.io.stdin,
    detachKeys: str(flags, 'detach-keys') || undefined,
    onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
  });
  const exited = d.containerWait(name).then((r) => r.StatusCode);
  const detached = a.detached ? a.detached.then(() => -1) : new Promise<number>(() => {});
  const code = await Promise.race([exited, detached]);
  a.detach();
  // Detaching ends attach quietly (the CLI ignores the escape "error").
  return code === -1 ? 0 : code;
};
