/** `docker container ls`: List containers (flags and help as Docker 28.5 prints them). */
import type { ContainerSummary, Port } from '../../../api/daemon';
import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import { chooseFormat, writeFormat } from '../../format/table';
import { GO_JSON } from '../../format/template';
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

/**
 * One row of `docker ps` (docker-cli's ContainerContext). The default table's columns are computed
 * at once; the others when a template asks for them, as getters on the class (not on each row:
 * a row with its own getters and closures cost more than the whole table at 1,000 rows, issue 16).
 */
export class PsRow {
  readonly ID: string;
  readonly Image: string;
  readonly Command: string;
  readonly RunningFor: string;
  readonly Ports: string;
  readonly State: string;
  readonly Status: string;
  readonly Names: string;
  // Private fields (#): a template's `.c` must not find them.
  readonly #c: ContainerSummary;
  readonly #trunc: boolean;

  constructor(c: ContainerSummary, trunc: boolean, nowMs: number) {
    this.#c = c;
    this.#trunc = trunc;
    let image = c.Image || '<no image>';
    if (c.ImageID && image === c.ImageID) image = truncateID(image);
    else if (image.includes('@')) image = image.slice(0, image.indexOf('@'));
    this.ID = trunc ? truncateID(c.Id) : c.Id;
    this.Image = image;
    this.Command = goQuote(trunc ? ellipsis(c.Command, 20) : c.Command);
    this.RunningFor = humanDuration(nowMs / 1000 - c.Created) + ' ago';
    this.Ports = c.Ports?.length ? displayPorts(c.Ports) : '';
    this.State = c.State;
    this.Status = c.Status;
    this.Names = shownNames(c.Names, trunc);
  }

  get CreatedAt(): string {
    return new Date(this.#c.Created * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');
  }
  get Size(): string {
    const c = this.#c;
    return c.SizeRw === undefined ? '0B' : humanSizeWithPrecision(c.SizeRw, 3) + (c.SizeRootFs ? ` (virtual ${humanSizeWithPrecision(c.SizeRootFs, 3)})` : '');
  }
  get Labels(): string {
    return Object.entries(this.#c.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  }
  Label(name: string): string {
    return this.#c.Labels?.[name] ?? '';
  }
  /** docker-cli's ContainerContext.Mounts: volume name or bind source, ellipsized to 15 unless --no-trunc. */
  get Mounts(): string {
    return (this.#c.Mounts ?? []).map((m) => (this.#trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(',');
  }
  get LocalVolumes(): string {
    return String((this.#c.Mounts ?? []).filter((m) => m.Type === 'volume').length);
  }
  get Networks(): string {
    return Object.keys(this.#c.NetworkSettings?.Networks ?? {}).join(',');
  }
  /**
   * `{{json .}}`: every field in this order (a class's getters are not its own properties), then
   * what a caller added to the row (compose ps: Name, Service …).
   */
  [GO_JSON](): Record<string, unknown> {
    const { ID, Image, Command, CreatedAt, RunningFor, Ports, State, Status, Size, Names, Labels, Mounts, LocalVolumes, Networks } = this;
    const out: Record<string, unknown> = { ID, Image, Command, CreatedAt, RunningFor, Ports, State, Status, Size, Names, Labels, Mounts, LocalVolumes, Networks };
    for (const [k, v] of Object.entries(this)) if (!(k in out)) out[k] = v;
    return out;
  }
}

function shownNames(names: string[], trunc: boolean): string {
  const bare = names.map((n) => (n.startsWith('/') ? n.slice(1) : n));
  return (trunc ? bare.filter((n) => !n.includes('/')).slice(0, 1) : bare).join(',');
}

export function psRows(list: ContainerSummary[], opts: { trunc: boolean; nowMs: number }): PsRow[] {
  return list.map((c) => new PsRow(c, opts.trunc, opts.nowMs));
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
