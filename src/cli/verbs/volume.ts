/**
 * `docker volume create|ls|inspect|rm|prune`: the CLI side. The table of `ls` is the CLI's
 * `DRIVER    VOLUME NAME`; `prune` asks first (anonymous volumes only unless `-a`, as Docker 23+).
 */
import type { Handler } from '../framework/types';
import { CliError } from '../framework/types';
import { DaemonError } from '../../api/daemon';
import { writeFormat, chooseFormat } from '../format/table';
import { humanSize } from '../../lib/units';
import { bool, daemonMessage, daemonOf, list, parseFilters, printFormat, str } from './common';
import { printInspect } from './image';

function api(ctx: Parameters<Handler>[0]) {
  return daemonOf(ctx);
}

const kv = (items: string[]) => Object.fromEntries(items.map((l) => {
  const i = l.indexOf('=');
  return i < 0 ? [l, ''] : [l.slice(0, i), l.slice(i + 1)];
}));

export const volumeCreateRun: Handler = async (ctx, args, flags) => {
  const nameFlag = str(flags, 'name');
  if (args[0] && nameFlag && args[0] !== nameFlag) {
    throw new CliError(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
  }
  try {
    const v = await api(ctx).volumeCreate({ name: args[0] || nameFlag || undefined, driver: str(flags, 'driver') || 'local', labels: kv(list(flags, 'label')), options: kv(list(flags, 'opt')) });
    await ctx.io.stdout.write(`${v.Name}\n`);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  return 0;
};

export const volumeLsRun: Handler = async (ctx, _args, flags) => {
  const filters = parseFilters(list(flags, 'filter'));
  let vols: Record<string, unknown>[];
  try {
    vols = await api(ctx).volumeList(filters);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  const format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: 'table {{.Driver}}\t{{.Name}}', warn: () => {} });
  const quietFmt = bool(flags, 'quiet') ? '{{.Name}}' : format;
  const rows = vols.map((v) => ({
    Driver: v.Driver, Name: v.Name, Mountpoint: v.Mountpoint, Scope: v.Scope,
    Labels: Object.entries((v.Labels as Record<string, string>) ?? {}).map(([k, val]) => `${k}=${val}`).join(','),
    Label: (name: string) => ((v.Labels as Record<string, string>) ?? {})[name] ?? '',
    Links: 'N/A', Size: 'N/A', Group: '', Availability: 'N/A', Status: 'N/A',
  }));
  return printFormat(ctx, writeFormat(quietFmt, { Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' }, rows));
};

export const volumeInspectRun: Handler = async (ctx, args, flags) => {
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const name of args) {
    try {
      found.push(await api(ctx).volumeInspect(name));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return printInspect(ctx, found, str(flags, 'format'), errors);
};

export const volumeRmRun: Handler = async (ctx, args, flags) => {
  const errors: string[] = [];
  for (const name of args) {
    try {
      await api(ctx).volumeRemove(name, bool(flags, 'force'));
      await ctx.io.stdout.write(`${name}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonMessage(e));
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'), 1);
  return 0;
};

export const volumePruneRun: Handler = async (ctx, _args, flags) => {
  const all = bool(flags, 'all');
  // docker-cli parses --filter as the flag is set, so a bad one fails before the question.
  const filters = parseFilters(list(flags, 'filter'));
  if (!bool(flags, 'force')) {
    await ctx.io.stdout.write(`WARNING! This will remove ${all ? 'all local volumes' : 'anonymous local volumes'} not used by at least one container.\nAre you sure you want to continue? [y/N] `);
    const chunk = await ctx.io.stdin.read().catch(() => null);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (answer !== 'y' && answer !== 'yes') return 0;
  }
  let r: Awaited<ReturnType<ReturnType<typeof api>['volumePrune']>>;
  try {
    r = await api(ctx).volumePrune(all, filters);
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    throw e;
  }
  let out = '';
  if (r.VolumesDeleted?.length) out += 'Deleted Volumes:\n' + r.VolumesDeleted.map((n) => n + '\n').join('') + '\n';
  out += `Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`;
  await ctx.io.stdout.write(out);
  return 0;
};
