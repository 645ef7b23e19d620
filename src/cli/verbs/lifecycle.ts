/** `docker stop`, `kill`, `restart`, `wait`, `logs`: the client side (cli/command/container). */
import { CliError, type Handler } from '../framework/types';
import { DaemonError } from '../daemon-api';
import { bool, daemonMessage, daemonOf, str } from './common';

/** Each argument is handled in turn; successes echo the name as typed, failures are joined (exit 1). */
async function eachContainer(ctx: Parameters<Handler>[0], args: string[], fn: (name: string) => Promise<string | void>): Promise<number> {
  const errors: string[] = [];
  for (const name of args) {
    try {
      const out = await fn(name);
      await ctx.io.stdout.write((out ?? name) + '\n');
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
}

function timeoutOf(ctx: Parameters<Handler>[0], flags: Parameters<Handler>[2]): number | undefined {
  return ctx.changed.has('timeout') ? Number(flags.timeout) : undefined;
}

export const stopRun: Handler = (ctx, args, flags) =>
  eachContainer(ctx, args, (n) => daemonOf(ctx).containerStop(n, { timeout: timeoutOf(ctx, flags), signal: str(flags, 'signal') || undefined }));

export const restartRun: Handler = (ctx, args, flags) =>
  eachContainer(ctx, args, (n) => daemonOf(ctx).containerRestart(n, { timeout: timeoutOf(ctx, flags), signal: str(flags, 'signal') || undefined }));

export const killRun: Handler = (ctx, args, flags) =>
  eachContainer(ctx, args, (n) => daemonOf(ctx).containerKill(n, str(flags, 'signal') || undefined));

export const waitRun: Handler = (ctx, args) =>
  eachContainer(ctx, args, async (n) => String((await daemonOf(ctx).containerWait(n)).StatusCode));

/** `--since 10m`, `--since 2025-10-01T09:00:00Z` or Unix seconds → ms since the epoch. */
function parseTime(value: string, now: number): number | undefined {
  if (!value) return undefined;
  const rel = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value);
  if (rel) return now - Number(rel[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[rel[2] as 'ms']!;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new CliError(`invalid value for "since": failed to parse value as time or duration: "${value}"`, 1);
  return t;
}

export const logsRun: Handler = async (ctx, args, flags) => {
  const now = ctx.io.now();
  const signal = (ctx.io as { signal?: AbortSignal }).signal;
  try {
    await daemonOf(ctx).containerLogs(args[0], {
      follow: bool(flags, 'follow'),
      timestamps: bool(flags, 'timestamps'),
      tail: str(flags, 'tail') || 'all',
      since: parseTime(str(flags, 'since'), now),
      until: parseTime(str(flags, 'until'), now),
      signal,
      onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
    });
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  return 0;
};
