/**
 * What the container verbs share (cli/command/container): stop and kill sent to several containers at once,
 * `--timeout`, and the create-with-pull / attach-and-wait steps of `run`, `create` and `start`.
 * Failures of run/create/start print `docker: <error>` and map to 125/126/127 (cli-errors.md §1).
 */
import { platformError } from '../../../lib/platform';
import { type DaemonApi, DaemonError } from '../../../api/daemon';
import { familiarize, parseReference } from '../../../lib/reference';
import { CliError, type FlagValues, type Handler, type RunContext } from '../../framework/types';
import { daemonMessage, str } from '../shared/common';
import { pullImage } from '../shared/pull-image';
import { createBody } from './create-body';
import { proxySignals } from './sig-proxy';

/**
 * docker-cli's parallelOperation (stop, kill): every container's request is sent at once, and the
 * results are reported in argument order, so `docker stop a b` of two containers that ignore
 * SIGTERM takes one grace period, not two.
 */
export async function inParallel(ctx: Parameters<Handler>[0], args: string[], fn: (name: string) => Promise<unknown>): Promise<number> {
  const results = args.map((name) => fn(name).then(() => undefined, (e: unknown) => e));
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const e = await results[i];
    if (e === undefined) await ctx.io.stdout.write(args[i] + '\n');
    else if (e instanceof DaemonError) errors.push(daemonMessage(e));
    else throw e;
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
}

/** `-t, --timeout` and `-s, --signal` of stop and restart: the container's own (or the daemon's) unless given. */
export function stopOptions(ctx: RunContext, flags: FlagValues): { timeout?: number; signal?: string } {
  return { timeout: ctx.changed.has('timeout') ? Number(flags.timeout) : undefined, signal: str(flags, 'signal') || undefined };
}

/** Status code for a run/create/start failure, from the error text (toStatusError). */
export function statusFor(msg: string): number {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg)) return 127;
  if (/permission denied|is a directory/.test(msg)) return 126;
  return 125;
}

export function runError(cmd: string, msg: string, status = statusFor(msg)): CliError {
  return new CliError(`docker: ${msg}\n\nRun 'docker ${cmd} --help' for more information`, status);
}

/** Create, pulling the image first when the daemon does not have it (create.go's createContainer). */
export async function createWithPull(ctx: RunContext, d: DaemonApi, body: ReturnType<typeof createBody>, cmd: string, quiet: boolean): Promise<string> {
  const image = String(body.config.Image);
  try {
    parseReference(image);
  } catch (e) {
    throw runError(cmd, (e as Error).message, 125);
  }
  const badPlatform = body.platform ? platformError(body.platform) : undefined;
  if (badPlatform) throw cmd === 'run' ? runError(cmd, `error parsing specified platform: ${badPlatform}`, 125) : new CliError(`error parsing specified platform: ${badPlatform}`, 1);
  try {
    return (await d.containerCreate(body)).Id;
  } catch (e) {
    if (!(e instanceof DaemonError) || !/^No such image/.test(e.message)) throw runError(cmd, daemonMessage(e));
  }
  const ref = familiarize(image);
  await ctx.io.stderr.write(`Unable to find image '${ref}' locally\n`);
  try {
    await pullImage(d, image, (s) => ctx.io.stderr.write(s), { quiet });
    return (await d.containerCreate(body)).Id;
  } catch (e) {
    throw runError(cmd, daemonMessage(e));
  }
}

export async function attachAndWait(ctx: RunContext, d: DaemonApi, id: string, opts: { stdin: boolean; detachKeys?: string; start: () => Promise<void>; sigProxy?: boolean }): Promise<number> {
  const a = await d.containerAttach(id, {
    stdin: opts.stdin ? ctx.io.stdin : undefined,
    onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
    detachKeys: opts.detachKeys,
  });
  try {
    await opts.start();
  } catch (e) {
    a.detach();
    throw e;
  }
  const waited = d.containerWait(id).then((r) => ({ kind: 'exit' as const, code: r.StatusCode }));
  const detached = a.detached ? a.detached.then(() => ({ kind: 'detach' as const, code: 0 })) : new Promise<never>(() => {});
  // Without a linked terminal the client proxies the signals it gets (Ctrl-C is SIGINT) to the
  // container (sig-proxy.ts); with one, Ctrl-C travels as a key to the container's terminal.
  let letGo: () => void = () => {};
  const released = new Promise<{ kind: 'detach'; code: number }>((r) => (letGo = () => r({ kind: 'detach', code: 0 })));
  const linked = opts.stdin && ctx.io.stdinIsTTY;
  const unproxy = opts.sigProxy !== false && !linked ? proxySignals(ctx, d, id, letGo) : () => {};
  try {
    const r = await Promise.race([waited, detached, released]);
    if (r.kind === 'exit') {
      // let the last output through before the prompt comes back
      for (let i = 0; i < 10; i++) await Promise.resolve();
      await a.drain?.();
    }
    if (r.kind === 'exit' || !linked) a.detach();
    return r.code;
  } finally {
    unproxy();
  }
}
