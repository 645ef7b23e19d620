/** `docker system df`: Show docker disk usage (flags and help as Docker 28.5 prints them). */
import type { DiskUsage } from '../../../api/bodies';
import { familiarize } from '../../../lib/reference';
import { humanDuration, humanSize, humanSizeWithPrecision } from '../../../lib/units';
import { type FormatResult, writeFormat } from '../../format/table';
import { truncateID } from '../../format/truncate';
import { formatFlag } from '../../framework/common-flags';
import { CliError, type Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { psRows } from '../container/ls';
import { bool, call, daemonOf, printFormat, str } from '../shared/common';
import FLAGS from './flags.json';

const SUMMARY = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';

const IMAGES = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';

const CONTAINERS = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';

const VOLUMES = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';

const CACHE = 'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';

/** "1.2MB (40%)": the share is an integer division, as Go's int64 arithmetic gives it. */
function withShare(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

/** The four summary rows of `docker system df`. */
export function summaryRows(du: DiskUsage) {
  const imgUsed = du.Images.filter((i) => i.Containers > 0).reduce((n, i) => n + (i.Size - i.SharedSize), 0);
  const ctrSize = du.Containers.reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  // Running, paused and restarting containers hold their writable layer; the others could go.
  const ctrFree = du.Containers.filter((c) => !['running', 'paused', 'restarting'].includes(c.State)).reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  const volSize = du.Volumes.reduce((n, v) => n + v.UsageData.Size, 0);
  const volFree = du.Volumes.filter((v) => v.UsageData.RefCount === 0).reduce((n, v) => n + v.UsageData.Size, 0);
  const cacheSize = du.BuildCache.filter((b) => !b.Shared).reduce((n, b) => n + b.Size, 0);
  const cacheInUse = du.BuildCache.filter((b) => b.InUse && !b.Shared).reduce((n, b) => n + b.Size, 0);
  return [
    { Type: 'Images', TotalCount: String(du.Images.length), Active: String(du.Images.filter((i) => i.Containers > 0).length), Size: humanSize(du.LayersSize), Reclaimable: withShare(du.LayersSize - imgUsed, du.LayersSize) },
    { Type: 'Containers', TotalCount: String(du.Containers.length), Active: String(du.Containers.filter((c) => c.State === 'running').length), Size: humanSize(ctrSize), Reclaimable: withShare(ctrFree, ctrSize) },
    { Type: 'Local Volumes', TotalCount: String(du.Volumes.length), Active: String(du.Volumes.filter((v) => v.UsageData.RefCount > 0).length), Size: humanSize(volSize), Reclaimable: withShare(volFree, volSize) },
    { Type: 'Build Cache', TotalCount: String(du.BuildCache.length), Active: String(du.BuildCache.filter((b) => b.InUse).length), Size: humanSize(cacheSize), Reclaimable: humanSize(cacheSize - cacheInUse) },
  ];
}

/** `-v`: the four tables, each under its title (docker-cli's verboseWriteTable). */
export function verboseTables(du: DiskUsage, nowMs: number): FormatResult {
  const since = (sec: number) => humanDuration(nowMs / 1000 - sec) + ' ago';
  const size3 = (n: number) => humanSizeWithPrecision(n, 3);
  const images = du.Images.map((i) => {
    const tag = i.RepoTags[0] && i.RepoTags[0] !== '<none>:<none>' ? familiarize(i.RepoTags[0]) : '';
    const at = tag.lastIndexOf(':');
    return {
      Repository: tag ? tag.slice(0, at) : '<none>', Tag: tag ? tag.slice(at + 1) : '<none>', ID: truncateID(i.Id),
      CreatedSince: since(i.Created), Size: size3(i.Size), SharedSize: size3(i.SharedSize), UniqueSize: size3(i.Size - i.SharedSize), Containers: String(i.Containers),
    };
  });
  const containers = psRows(du.Containers.map((c) => ({ ...c, SizeRootFs: 0 })), { trunc: true, nowMs });
  const volumes = du.Volumes.map((v) => ({ Name: v.Name, Links: String(v.UsageData.RefCount), Size: humanSize(v.UsageData.Size) }));
  const cache = du.BuildCache.map((b) => ({
    ID: b.ID, CacheType: b.Type, Size: humanSize(b.Size), CreatedSince: since(Date.parse(b.CreatedAt) / 1000),
    LastUsedSince: since(Date.parse(b.LastUsedAt) / 1000), UsageCount: String(b.UsageCount), Shared: String(b.Shared),
  }));
  const parts: [string, string, unknown, unknown[]][] = [
    ['Images space usage:\n\n', IMAGES, { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE', Containers: 'CONTAINERS' }, images],
    ['\nContainers space usage:\n\n', CONTAINERS, { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', LocalVolumes: 'LOCAL VOLUMES', Size: 'SIZE', RunningFor: 'CREATED', Status: 'STATUS', Names: 'NAMES' }, containers],
    ['\nLocal Volumes space usage:\n\n', VOLUMES, { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' }, volumes],
    [`\nBuild cache usage: ${humanSize(du.BuildCache.filter((b) => !b.Shared).reduce((n, b) => n + b.Size, 0))}\n\n`, CACHE, { ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED' }, cache],
  ];
  let out = '';
  for (const [title, format, header, rows] of parts) {
    const r = writeFormat(format, header, rows);
    out += title + r.out;
    if (r.error) return { out, error: r.error };
  }
  return { out };
}

export const systemDfRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
  const du = await call(() => d.systemDf());
  const format = str(flags, 'format') || 'table';
  if (bool(flags, 'verbose')) {
    if (format === 'table') return printFormat(ctx, verboseTables(du, ctx.io.now()));
    // A custom template sees .Images, .Containers, .Volumes and .BuildCache.
    return printFormat(ctx, writeFormat(format, {}, [du]));
  }
  return printFormat(ctx, writeFormat(format === 'table' ? SUMMARY : format, { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' }, summaryRows(du)));
};

export const spec = verb({
  use: 'df [OPTIONS]', short: 'Show docker disk usage',
  args: { kind: 'none' },
  flags: [formatFlag(), ...FLAGS.df],
  run: systemDfRun
});
