/**
 * GET /containers/json (`docker ps`): the filters, the order, and each container's summary with its
 * status text, as moby's daemon/list.go and container/view.go build them. Functions of the container
 * service (`this`), see containers.ts.
 */
import type { ContainerService } from './containers';
import type { Container } from '../container/container';
import type { ImageStore } from '../image/store';
import type { Overlay } from '../fs/overlay';
import { healthOf } from './health';
import { humanDuration } from '../../lib/units';
import { DaemonError, type ContainerSummary } from '../../api/daemon';
import { writableSize } from './container-stats';

export function statusText(this: ContainerService, c: Container): string {
  const now = this.d.clock.now();
  const s = c.state;
  if (s.Status === 'running') {
    // moby's State.String: "(health: starting)" or the status in brackets.
    const h = healthOf(c);
    const health = h ? (h.Status === 'starting' ? ' (health: starting)' : ` (${h.Status})`) : '';
    return `Up ${humanDuration((now - s.StartedAt) / 1000)}${health}`;
  }
  if (s.Status === 'paused') return `Up ${humanDuration((now - s.StartedAt) / 1000)} (Paused)`;
  if (s.Status === 'restarting') return `Restarting (${s.ExitCode}) ${humanDuration((now - s.FinishedAt) / 1000)} ago`;
  if (s.Status === 'exited') return `Exited (${s.ExitCode}) ${humanDuration((now - s.FinishedAt) / 1000)} ago`;
  if (s.Status === 'dead') return 'Dead';
  if (s.Status === 'removing') return 'Removal In Progress';
  return 'Created';
}

export function summary(this: ContainerService, c: Container, size: boolean, imageIdOf = (ref: string) => this.d.store.find(ref)?.id): ContainerSummary {
  // Published ports as docker-proxy binds them: IPv4 and, for 0.0.0.0, IPv6 too.
  const pub = this.d.networks?.published(c.id) ?? [];
  const ports = pub.flatMap((p) => {
    const [port, proto] = p.containerPort.split('/');
    const base = { PrivatePort: Number(port), PublicPort: p.hostPort, Type: (proto || 'tcp') as 'tcp' };
    return p.hostIp === '0.0.0.0' ? [{ IP: '0.0.0.0', ...base }, { IP: '::', ...base }] : [{ IP: p.hostIp, ...base }];
  });
  const exposedOnly = Object.keys(c.config.ExposedPorts ?? {})
    .filter((k) => !pub.some((p) => p.containerPort === k))
    .map((k) => ({ PrivatePort: Number(k.split('/')[0]), Type: (k.split('/')[1] || 'tcp') as 'tcp' }));
  const out: ContainerSummary = {
    Id: c.id,
    Names: ['/' + c.name],
    Image: imageIdOf(c.imageRef) === c.imageId ? c.imageRef : c.imageId,
    ImageID: c.imageId,
    // moby's container view: an argument with a space is single-quoted (`sh -c 'while …'`).
    Command: c.args.length ? `${c.path} ${c.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}` : c.path,
    Created: Math.floor(c.created / 1000),
    // Only a running container has network settings to list (note 004: an exited nginx shows none).
    Ports: c.running ? [...ports, ...exposedOnly] : [],
    Labels: c.config.Labels ?? {},
    State: c.state.Status,
    Status: this.statusText(c),
    Mounts: c.mounts.map((m) => ({ Type: m.Type, ...(m.Name ? { Name: m.Name } : {}), Source: m.Source, Destination: m.Destination, ...(m.Driver ? { Driver: m.Driver } : {}), Mode: m.Mode, RW: m.RW, Propagation: m.Propagation })),
    NetworkSettings: { Networks: Object.fromEntries((this.d.networks?.endpoints(c.id) ?? []).map(({ network, endpoint }) => [network.name, { IPAddress: endpoint.ip }])) },
  };
  if (size) {
    out.SizeRw = writableSize(c);
    out.SizeRootFs = out.SizeRw + (c.rootfs as Overlay).lowers.reduce((a, l) => a + l.size, 0);
  }
  return out;
}

export function list(this: ContainerService, opts: { all: boolean; limit: number; size: boolean; filters: Record<string, string[]> }): ContainerSummary[] {
  const f = opts.filters;
  const known = ['status', 'name', 'label', 'ancestor', 'id', 'exited', 'since', 'before', 'health', 'volume', 'network', 'publish', 'expose', 'is-task'];
  for (const k of Object.keys(f)) if (!known.includes(k)) throw new DaemonError(`invalid filter '${k}'`, 400);
  const statuses = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
  for (const s of f.status ?? []) if (!statuses.includes(s)) throw new DaemonError(`invalid filter 'status=${s}'`, 400);
  // Newest first; containers created in the same millisecond keep their creation order reversed.
  let list = [...this.containers.values()].reverse().sort((a, b) => b.created - a.created);
  const since = f.since?.[0] ? this.get(f.since[0]) : undefined;
  const before = f.before?.[0] ? this.get(f.before[0]) : undefined;
  const all = opts.all || opts.limit > 0 || Boolean(f.status?.length) || Boolean(f.exited?.length);
  list = list.filter((c) => {
    if (!all && !c.running) return false;
    if (f.status?.length && !f.status.includes(c.state.Status)) return false;
    if (f.name?.length && !f.name.some((n) => nameMatches(n, c.name))) return false;
    if (f.id?.length && !f.id.some((i) => c.id.startsWith(i))) return false;
    if (f.exited?.length && (c.state.Status !== 'exited' || !f.exited.includes(String(c.state.ExitCode)))) return false;
    if (f.health?.length && !f.health.includes(c.running ? (healthOf(c)?.Status ?? 'none') : 'none')) return false;
    if (f.label?.length && !f.label.every((l) => {
      const [k, v] = l.split('=');
      return v === undefined ? k in (c.config.Labels ?? {}) : c.config.Labels?.[k] === v;
    })) return false;
    if (f.ancestor?.length && !f.ancestor.some((a) => {
      const img = this.d.store.find(a);
      return img ? isAncestor(this.d.store, img.id, c.imageId) : false;
    })) return false;
    if (since && c.created <= since.created) return false;
    if (before && c.created >= before.created) return false;
    return true;
  });
  if (opts.limit > 0) list = list.slice(0, opts.limit);
  const ids = new Map<string, string | undefined>(); // a reference resolves once per listing, not per row
  return list.map((c) => this.summary(c, opts.size, (ref) => (ids.has(ref) ? ids.get(ref) : ids.set(ref, this.d.store.find(ref)?.id).get(ref))));
}


/**
 * The `name` filter is a Go regular expression. One that does not compile matches nothing (moby's
 * filters.Match gives false on a regexp error), so `docker ps --filter 'name=['` lists an empty table.
 */
function nameMatches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern.replace(/^\//, '')).test(name);
  } catch {
    return false;
  }
}

function isAncestor(store: ImageStore, ancestor: string, id: string): boolean {
  for (let cur: string | undefined = id; cur; cur = store.get(cur)?.parent) if (cur === ancestor) return true;
  return false;
}
