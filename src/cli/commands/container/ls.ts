/** `docker container ls`: List containers (flags and help as Docker 28.5 prints them). */
import type { ContainerSummary, Port } from '../../../api/daemon';
import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import { chooseFormat, writeFormat } from '../../format/table';
import { ellipsis, truncateID } from '../../format/truncate';
import { filterFlag, formatFlag, noTruncFlag, quietFlag } from '../../framework/common-flags';
import type { Handler } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, call, daemonOf, list, parseFilters, printFormat, str } from '../shared/common';
import FLAGS from './flags.json';

const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

const HEADER = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS',
  Mounts: 'MOUNTS', LocalVolumes: 'LOCAL VOLUMES', Networks: 'NETWORKS', Platform: 'PLATFORM',
  Label: (name: string) => name.split('.').pop()!.replace(/[-_]/g, ' '),
};

/** Go's strconv.Quote for the COMMAND column. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

/** DisplayablePorts: sorted, consecutive unpublished ports of one type collapse into ranges. */
export function displayPorts(ports: Port[]): string {
  const sorted = [...ports].sort((a, b) => a.PrivatePort - b.PrivatePort || ((a.IP ?? '') < (b.IP ?? '') ? -1 : (a.IP ?? '') > (b.IP ?? '') ? 1 : 0) || (a.PublicPort ?? 0) - (b.PublicPort ?? 0) || a.Type.localeCompare(b.Type));
  const groups = new Map<string, number[]>();
  const order: string[] = [];
  const published: string[] = [];
  for (const p of sorted) {
    if (p.PublicPort !== undefined && p.IP !== undefined) {
      const host = p.IP.includes(':') ? `[${p.IP}]` : p.IP;
      if (p.PublicPort !== p.PrivatePort) {
        published.push(`${host}:${p.PublicPort}->${p.PrivatePort}/${p.Type}`);
        continue;
      }
      const key = `${host}:|${p.Type}`;
      if (!groups.has(key)) { groups.set(key, []); order.push(key); }
      groups.get(key)!.push(p.PrivatePort);
      continue;
    }
    const key = `|${p.Type}`;
    if (!groups.has(key)) { groups.set(key, []); order.push(key); }
    groups.get(key)!.push(p.PrivatePort);
  }
  const out: string[] = [];
  for (const key of order) {
    const [host, type] = key.split('|');
    const nums = groups.get(key)!;
    let start = nums[0];
    let prev = nums[0];
    const flush = (a: number, b: number) => {
      const r = a === b ? `${a}` : `${a}-${b}`;
      out.push(host ? `${host}${r}->${r}/${type}` : `${r}/${type}`);
    };
    for (const n of nums.slice(1)) {
      if (n === prev + 1) { prev = n; continue; }
      flush(start, prev);
      start = prev = n;
    }
    flush(start, prev);
  }
  return [...out, ...published].join(', ');
}

export function psRows(list: ContainerSummary[], opts: { trunc: boolean; nowMs: number }) {
  return list.map((c) => {
    let image = c.Image || '<no image>';
    if (c.ImageID && image === c.ImageID) image = truncateID(image);
    else if (image.includes('@')) image = image.slice(0, image.indexOf('@'));
    const names = c.Names.map((n) => n.replace(/^\//, ''));
    const shownNames = opts.trunc ? names.filter((n) => !n.includes('/')).slice(0, 1) : names;
    const labels = c.Labels ?? {};
    return {
      ID: opts.trunc ? truncateID(c.Id) : c.Id,
      Image: image,
      Command: goQuote(opts.trunc ? ellipsis(c.Command, 20) : c.Command),
      // Columns the default table does not show are computed when a template asks for them.
      get CreatedAt() { return new Date(c.Created * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'); },
      RunningFor: humanDuration(opts.nowMs / 1000 - c.Created) + ' ago',
      Ports: displayPorts(c.Ports ?? []),
      State: c.State,
      Status: c.Status,
      get Size() { return c.SizeRw === undefined ? '0B' : humanSizeWithPrecision(c.SizeRw, 3) + (c.SizeRootFs ? ` (virtual ${humanSizeWithPrecision(c.SizeRootFs, 3)})` : ''); },
      Names: shownNames.join(','),
      get Labels() { return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','); },
      Label: (name: string) => labels[name] ?? '',
      // docker-cli's ContainerContext.Mounts: volume name or bind source, ellipsized to 15 unless --no-trunc.
      get Mounts() { return (c.Mounts ?? []).map((m) => (opts.trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(','); },
      get LocalVolumes() { return String((c.Mounts ?? []).filter((m) => m.Type === 'volume').length); },
      get Networks() { return Object.keys(c.NetworkSettings?.Networks ?? {}).join(','); },
    };
  });
}

export const psRun: Handler = async (ctx, _args, flags) => {
  const d = daemonOf(ctx);
  const n = typeof flags.last === 'number' ? flags.last : Number(str(flags, 'last') || -1);
  const limit = bool(flags, 'latest') ? 1 : n > 0 ? n : 0;
  const size = bool(flags, 'size');
  const list_ = await call(() => d.containerList({ all: bool(flags, 'all'), limit, size, filters: parseFilters(list(flags, 'filter')) }));
  let format = chooseFormat({ quiet: bool(flags, 'quiet'), format: str(flags, 'format'), defaultFormat: PS_TABLE, warn: (w) => void ctx.io.stderr.write(w + '\n') });
  if (size && format === PS_TABLE) format += '\t{{.Size}}';
  return printFormat(ctx, writeFormat(format, HEADER, psRows(list_, { trunc: !bool(flags, 'no-trunc'), nowMs: ctx.io.now() })));
};

export const spec = verb({
  use: 'ls [OPTIONS]', short: 'List containers',
  aliases: ['list', 'ps'],
  args: { kind: 'none' },
  flags: [...FLAGS.ls, filterFlag(), formatFlag(), noTruncFlag("Don't truncate output"), quietFlag('Only display container IDs')],
  run: psRun
});
