/** `docker container logs`: Fetch the logs of a container (flags and help as Docker 28.5 prints them). */
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, daemonOf, str } from '../shared/common';
import FLAGS from './flags.json';

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
  const signal = ctx.io.signal;
  await call(() => daemonOf(ctx).containerLogs(args[0], {
    follow: bool(flags, 'follow'),
    timestamps: bool(flags, 'timestamps'),
    tail: str(flags, 'tail') || 'all',
    since: parseTime(str(flags, 'since'), now),
    until: parseTime(str(flags, 'until'), now),
    signal,
    onOutput: (stream, data) => (stream === 'stderr' ? ctx.io.stderr.write(data) : ctx.io.stdout.write(data)),
  }));
};

export const spec = verb({
  use: 'logs [OPTIONS] CONTAINER', short: 'Fetch the logs of a container',
  args: { kind: 'exact', n: 1 },
  flags: [...FLAGS.logs],
  run: logsRun
});
