/** `docker container attach`: Attach local standard input, output, and error streams to a running container (flags and help as Docker 28.5 prints them). */
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf, str } from '../shared/common';
import FLAGS from './flags.json';
import { proxySignals } from './sig-proxy';

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

export const spec = verb({
  use: 'attach [OPTIONS] CONTAINER', short: 'Attach local standard input, output, and error streams to a running container',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.attach],
  run: attachRun
});
