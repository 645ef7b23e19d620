/** `docker exec`: a command in a running container; its exit code is the CLI's. */
import { CliError, type Handler } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import { bool, daemonMessage, daemonOf, list, str } from './common';
import { statusFor } from './run';
import { proxySignals } from './sig-proxy';

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

/**
 * `docker attach` (cli/command/container/attach.go): the running container's output on this
 * terminal. Standard input goes to the container only when it was created with `-i` (OpenStdin);
 * otherwise the terminal keeps its lines for the shell, as the real client never reads them.
 * Without a container terminal the client proxies its signals (`--sig-proxy`), so Ctrl-C reaches
 * PID 1. The detach keys end attach with the escape "error" the CLI prints (exit 1); the
 * container's exit status becomes attach's.
 */
export const attachRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const name = args[0];
  let info: Record<string, unknown>;
  try {
    info = await d.containerInspect(name);
  } catch (e) {
    throw new CliError(daemonMessage(e), 1);
  }
  const state = info.State as { Running: boolean; Paused: boolean; Restarting?: boolean };
  const config = info.Config as { OpenStdin?: boolean; Tty?: boolean };
  if (!state.Running) throw new CliError('You cannot attach to a stopped container, start it first', 1);
  if (state.Paused) throw new CliError('You cannot attach to a paused container, unpause it first', 1);
  if (state.Restarting) throw new CliError('You cannot attach to a restarting container, wait until it is running', 1);
  const noStdin = bool(flags, 'no-stdin');
  // In.CheckTty: a terminal container wants a terminal on this side too.
  if (!noStdin && config.Tty && !ctx.io.stdinIsTTY) throw new CliError('the input device is not a TTY', 1);
  const id = String(info.Id ?? name);
  const a = await d.containerAttach(id, {
    stdin: !noStdin && config.OpenStdin ? ctx.io.stdin : undefined,
    detachKeys: str(flags, 'detach-keys') || undefined,
    onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
    nudgeSize: Boolean(config.Tty) && ctx.io.stdoutIsTTY,
  });
  let letGo: () => void = () => {};
  const released = new Promise<'released'>((r) => (letGo = () => r('released')));
  const unproxy = bool(flags, 'sig-proxy') && !config.Tty ? proxySignals(ctx, d, id, letGo) : () => {};
  try {
    const exited = d.containerWait(id).then((r) => r.StatusCode);
    const detached = a.detached ? a.detached.then(() => 'detached' as const) : new Promise<never>(() => {});
    const r = await Promise.race([exited, detached, released]);
    if (r === 'released') return 0;
    if (r === 'detached') throw new CliError('read escape sequence', 1);
    // let the last output through before the prompt comes back
    await a.drain?.();
    return r;
  } finally {
    a.detach();
    unproxy();
  }
};
