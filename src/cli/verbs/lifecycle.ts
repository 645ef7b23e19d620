/** `docker stop`, `kill`, `restart`, `wait`, `logs`: the client side (cli/command/container). */
import { CliError, type Handler } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import { bool, daemonMessage, daemonOf, str } from './common';
import { tabwrite } from '../format/tabwriter';
import { humanSize } from '../../lib/units';

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

/**
 * docker-cli's parallelOperation (stop, kill): every container's request is sent at once, and the
 * results are reported in argument order, so `docker stop a b` of two containers that ignore
 * SIGTERM takes one grace period, not two.
 */
async function inParallel(ctx: Parameters<Handler>[0], args: string[], fn: (name: string) => Promise<unknown>): Promise<number> {
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

function timeoutOf(ctx: Parameters<Handler>[0], flags: Parameters<Handler>[2]): number | undefined {
  return ctx.changed.has('timeout') ? Number(flags.timeout) : undefined;
}

export const stopRun: Handler = (ctx, args, flags) =>
  inParallel(ctx, args, (n) => daemonOf(ctx).containerStop(n, { timeout: timeoutOf(ctx, flags), signal: str(flags, 'signal') || undefined }));

export const restartRun: Handler = (ctx, args, flags) =>
  eachContainer(ctx, args, (n) => daemonOf(ctx).containerRestart(n, { timeout: timeoutOf(ctx, flags), signal: str(flags, 'signal') || undefined }));

export const killRun: Handler = (ctx, args, flags) =>
  inParallel(ctx, args, (n) => daemonOf(ctx).containerKill(n, str(flags, 'signal') || undefined));

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

export const pauseRun: Handler = (ctx, args) => eachContainer(ctx, args, (n) => daemonOf(ctx).containerPause(n));
export const unpauseRun: Handler = (ctx, args) => eachContainer(ctx, args, (n) => daemonOf(ctx).containerUnpause(n));

export const renameRun: Handler = async (ctx, args) => {
  try {
    await daemonOf(ctx).containerRename(args[0], args[1]);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  return 0;
};

export const topRun: Handler = async (ctx, args) => {
  let r;
  try {
    r = await daemonOf(ctx).containerTop(args[0], args.slice(1));
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  const rows = [r.Titles, ...r.Processes].map((cols) => cols.join('\t')).join('\n') + '\n';
  // top.go: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
  await ctx.io.stdout.write(tabwrite(rows, { minwidth: 20, padding: 3 }));
  return 0;
};

export const containerPruneRun: Handler = async (ctx, _args, flags) => {
  if (!bool(flags, 'force')) {
    await ctx.io.stdout.write('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const r = await daemonOf(ctx).containerPrune();
  if (r.ContainersDeleted?.length) {
    await ctx.io.stdout.write('Deleted Containers:\n' + r.ContainersDeleted.map((id) => id + '\n').join('') + '\n');
  }
  await ctx.io.stdout.write(`Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
  return 0;
};

/** `docker system prune`: stopped containers, unused networks, dangling (or, -a, unused) images, build cache. */
export const systemPruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  const volumes = bool(flags, 'volumes');
  if (!bool(flags, 'force')) {
    const items = [
      'all stopped containers',
      'all networks not used by at least one container',
      ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
      all ? 'all images without at least one container associated to them' : 'all dangling images',
      all ? 'all build cache' : 'unused build cache',
    ];
    await ctx.io.stdout.write(`WARNING! This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}\nAre you sure you want to continue? [y/N] `);
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  const d = daemonOf(ctx);
  const c = await d.containerPrune();
  // docker-cli prunes in this order: containers, networks, volumes (anonymous only), images, build cache.
  const n = d.networkPrune ? await d.networkPrune() : [];
  const v = volumes && d.volumePrune ? await d.volumePrune(false) : { VolumesDeleted: null, SpaceReclaimed: 0 };
  const i = await d.imagePrune({ all, filters: {} });
  const b = d.buildPrune ? await d.buildPrune(all) : { CachesDeleted: null, SpaceReclaimed: 0 };
  let out = '';
  if (c.ContainersDeleted?.length) out += 'Deleted Containers:\n' + c.ContainersDeleted.map((id) => id + '\n').join('') + '\n';
  if (n.length) out += 'Deleted Networks:\n' + n.map((name) => name + '\n').join('') + '\n';
  if (v.VolumesDeleted?.length) out += 'Deleted Volumes:\n' + v.VolumesDeleted.map((n) => n + '\n').join('') + '\n';
  if (i.ImagesDeleted?.length) {
    out += 'Deleted Images:\n' + i.ImagesDeleted.map((it) => (it.Untagged ? `untagged: ${it.Untagged}\n` : `deleted: ${it.Deleted}\n`)).join('') + '\n';
  }
  if (b.CachesDeleted?.length) out += 'Deleted build cache objects:\n' + b.CachesDeleted.map((id) => id + '\n').join('') + '\n';
  out += `Total reclaimed space: ${humanSize(c.SpaceReclaimed + v.SpaceReclaimed + i.SpaceReclaimed + b.SpaceReclaimed)}\n`;
  await ctx.io.stdout.write(out);
  return 0;
};
