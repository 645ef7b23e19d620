/**
 * Docker's networks: the default bridge (docker0, 172.17.0.0/16, gateway .1), `host`, `none`, and
 * user-defined bridges (172.18.0.0/16, 172.19… in turn) with DNS by container name and alias. A
 * running container gets a network namespace with `lo` and an `eth0` per network (addresses handed
 * out in order from .2), its /etc/hosts, /etc/hostname and /etc/resolv.conf as Docker writes them,
 * and its published ports (docker-proxy on the host).
 */
import type { Clock } from '../clock';
import type { Emitter } from '../events';
import type { Rng } from '../rng';
import type { Fs } from '../../api/fs';
import { DaemonError } from '../../api/daemon';
import { networkEvent } from '../daemon/event-log';
import { bootHostStack, NetNamespace, NetStack } from './stack';
import { sha256Digest } from '../image/config';

export interface Endpoint {
  containerId: string;
  containerName: string;
  ip: string;
  mac: string;
  aliases: string[];
  endpointId: string;
}

export interface Network {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  subnet: string;
  gateway: string;
  created: number;
  labels: Record<string, string>;
  endpoints: Map<string, Endpoint>;
  builtin: boolean;
}

/** What the service needs to know about a container. */
export interface NetContainer {
  id: string;
  name: string;
  hostname: string;
  networkMode: string;
  /** User-defined networks joined with `network connect`, with their aliases. */
  extraNetworks: Record<string, { aliases: string[] }>;
  aliases: string[];
  links: string[];
  portBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  publishAll: boolean;
  exposed: string[];
}

export interface Published {
  containerPort: string;
  hostIp: string;
  hostPort: number;
}

const ip4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const ipNum = (s: string) => s.split('.').reduce((a, x) => a * 256 + Number(x), 0);

export class NetworkService {
  /** The machine's stack (the host's interfaces, eth0 and docker0, are already up: bootHostStack). */
  readonly stack: NetStack;
  readonly networks = new Map<string, Network>();
  /** Running containers' namespaces and what they hold. */
  readonly running = new Map<string, { ns: NetNamespace; published: Published[]; own: boolean; proxies?: { exit(status: number): void }[] }>();
  private nextSubnet = 18;

  constructor(private readonly d: { clock: Clock; rng: Rng; events: Emitter; hostFs: () => Fs; stack?: NetStack }) {
    this.stack = d.stack ?? bootHostStack();
    this.add('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1', true);
    this.add('host', 'host', '', '', true);
    this.add('none', 'null', '', '', true);
  }

  private add(name: string, driver: Network['driver'], subnet: string, gateway: string, builtin: boolean, labels: Record<string, string> = {}, id?: string): Network {
    // Built-in networks get IDs derived from their names, so booting consumes no randomness.
    const nid = id ?? (builtin ? sha256Digest(`docker-lab network ${name}`).slice(7) : this.d.rng.hex(32));
    const n: Network = { id: nid, name, driver, subnet, gateway, created: this.d.clock.now(), labels, endpoints: new Map(), builtin };
    this.networks.set(n.id, n);
    return n;
  }

  find(ref: string): Network | undefined {
    const all = [...this.networks.values()];
    return all.find((n) => n.id === ref) ?? all.find((n) => n.name === ref) ?? all.find((n) => ref.length >= 1 && n.id.startsWith(ref));
  }

  get(ref: string): Network {
    const n = this.find(ref);
    if (!n) throw new DaemonError(`network ${ref} not found`, 404);
    return n;
  }

  create(name: string, opts: { driver?: string; subnet?: string; gateway?: string; labels?: Record<string, string> }): Network {
    if (this.find(name)?.name === name) throw new DaemonError(`network with name ${name} already exists`, 409);
    const driver = opts.driver || 'bridge';
    if (driver !== 'bridge') throw new DaemonError(`could not find plugin ${driver} in v1 plugin registry: plugin not found`, 404);
    let subnet = opts.subnet;
    if (!subnet) {
      const used = new Set([...this.networks.values()].map((n) => n.subnet));
      while (used.has(`172.${this.nextSubnet}.0.0/16`)) this.nextSubnet++;
      subnet = `172.${this.nextSubnet++}.0.0/16`;
    }
    const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(subnet);
    if (!m) throw new DaemonError(`invalid CIDR address: ${subnet}`, 400);
    for (const n of this.networks.values()) if (n.subnet === subnet) throw new DaemonError(`invalid pool request: Pool overlaps with other one on this address space`, 403);
    const gateway = opts.gateway || ip4(ipNum(m[1]) + 1);
    const n = this.add(name, 'bridge', subnet, gateway, false, opts.labels ?? {});
    this.stack.host.interfaces.push({ name: `br-${n.id.slice(0, 12)}`, mtu: 1500, state: 'UP', addresses: [{ family: 'inet', address: gateway, prefixLength: Number(m[2]) }] });
    this.d.events.emit({ type: 'network.changed', id: n.id });
    networkEvent(this.d.events, n, 'create');
    return n;
  }

  remove(ref: string): void {
    const n = this.get(ref);
    if (n.builtin) throw new DaemonError(`${n.name} is a pre-defined network and cannot be removed`, 403);
    if (n.endpoints.size) throw activeEndpoints(n);
    this.networks.delete(n.id);
    const i = this.stack.host.interfaces.findIndex((x) => x.name === `br-${n.id.slice(0, 12)}`);
    if (i >= 0) this.stack.host.interfaces.splice(i, 1);
    this.d.events.emit({ type: 'network.changed', id: n.id });
    networkEvent(this.d.events, n, 'destroy');
  }

  private allocate(n: Network): string {
    const [base, bits] = n.subnet.split('/');
    const start = ipNum(base);
    const size = 2 ** (32 - Number(bits));
    const used = new Set([...n.endpoints.values()].map((e) => e.ip));
    used.add(n.gateway);
    for (let k = 2; k < size - 1; k++) {
      const ip = ip4(start + k);
      if (!used.has(ip)) return ip;
    }
    throw new DaemonError(`no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`, 500);
  }

  /** Networks a container joins at start, by name, with its aliases. */
  private joins(c: NetContainer): [Network, string[]][] {
    const mode = c.networkMode || 'bridge';
    if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return [];
    const get = (ref: string) => {
      const n = this.find(ref);
      if (!n) throw new DaemonError(`failed to set up container networking: network ${ref} not found`, 404);
      return n;
    };
    const out: [Network, string[]][] = [[get(mode === 'default' ? 'bridge' : mode), c.aliases]];
    for (const [name, cfg] of Object.entries(c.extraNetworks)) {
      const n = get(name);
      if (!out.some(([x]) => x === n)) out.push([n, cfg.aliases]);
    }
    return out;
  }

  /**
   * Set up a starting container's network: its namespace (shared for host/container:X),
   * addresses, /etc files and published ports. Returns the namespace its processes use.
   */
  setUp(
    c: NetContainer, fs: Fs, dir: string, others: (ref: string) => { id: string; name: string; hostname: string } | undefined,
    /** Starts a docker-proxy host process (dockerd's child) for one published port and address. */
    proxy?: (argv: string[]) => { exit(status: number): void },
  ): NetNamespace {
    const mode = c.networkMode || 'bridge';
    if (mode === 'host') {
      this.running.set(c.id, { ns: this.stack.host, published: [], own: false });
      writeEtc(fs, dir, 'host', undefined, c, []);
      return this.stack.host;
    }
    if (mode.startsWith('container:')) {
      const other = others(mode.slice(10));
      const r = other && this.running.get(other.id);
      if (!r) throw new DaemonError(`cannot join network namespace of a non running container: ${other?.id ?? mode.slice(10)}`, 409);
      this.running.set(c.id, { ns: r.ns, published: [], own: false });
      // Docker points the joining container at the other one's hostname, hosts and resolv.conf.
      const from = dir.replace(/[^/]+$/, other.id);
      if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o710 });
      for (const f of ['hostname', 'hosts', 'resolv.conf']) {
        if (fs.exists(`${from}/${f}`)) fs.writeFile(`${dir}/${f}`, fs.readFile(`${from}/${f}`), { mode: 0o644 });
      }
      return r.ns;
    }
    const ns = new NetNamespace(this.stack, c.id);
    const joined: { n: Network; e: Endpoint }[] = [];
    let k = 0;
    for (const [n, aliases] of this.joins(c)) {
      const ip = this.allocate(n);
      const mac = '02:42:' + ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0')).join(':');
      const e: Endpoint = { containerId: c.id, containerName: c.name, ip, mac, aliases, endpointId: this.d.rng.hex(32) };
      n.endpoints.set(c.id, e);
      ns.interfaces.push({ name: `eth${k++}`, mac, mtu: 1500, state: 'UP', addresses: [{ family: 'inet', address: ip, prefixLength: Number(n.subnet.split('/')[1]) }] });
      joined.push({ n, e });
    }
    // Docker's embedded DNS answers names on the user-defined networks the container is on now
    // (looked up at each query, so `network connect/disconnect` take effect at once).
    ns.dns = (name) => {
      for (const n of this.networks.values()) {
        if (n.name === 'bridge' || !n.endpoints.has(c.id)) continue;
        for (const e of n.endpoints.values()) {
          if (e.containerName === name || e.aliases.includes(name) || (e.containerId.startsWith(name) && name.length >= 12)) return e.ip;
        }
      }
      return undefined;
    };
    const links = c.links.map((l) => {
      const [target, alias] = l.replace(/^\//, '').split(':');
      const o = others(target);
      const e = o && [...this.networks.values()].map((n) => n.endpoints.get(o.id)).find(Boolean);
      if (!o || !e) throw new DaemonError(`could not get container for ${target}`, 404);
      return { ip: e.ip, names: [alias || target, o.id.slice(0, 12), o.name].filter((x, i, a) => a.indexOf(x) === i) };
    });
    writeEtc(fs, dir, mode === 'none' ? 'none' : joined.some(({ n }) => n.name !== 'bridge') ? 'user' : 'bridge', joined[0]?.e.ip, c, links);
    let published: Published[];
    try {
      published = mode === 'none' ? [] : this.publish(c, joined[0]?.e.ip, joined[0]?.n.gateway ?? '172.17.0.1');
    } catch (e) {
      // A start that fails on a taken port leaves no endpoint behind (`network rm` must work).
      for (const { n } of joined) n.endpoints.delete(c.id);
      ns.destroy();
      throw e;
    }
    // Docker 28 runs one docker-proxy per published port and address family (0.0.0.0 and ::),
    // handing it the socket it bound (-use-listen-fd); `ps` on the host shows them.
    const ip = joined[0]?.e.ip;
    const proxies = proxy && ip
      ? published.flatMap((p) => (p.hostIp === '0.0.0.0' ? ['0.0.0.0', '::'] : [p.hostIp]).map((hostIp) => {
        const [port, proto = 'tcp'] = p.containerPort.split('/');
        return proxy(['/usr/bin/docker-proxy', '-proto', proto, '-host-ip', hostIp, '-host-port', String(p.hostPort), '-container-ip', ip, '-container-port', port, '-use-listen-fd']);
      }))
      : [];
    this.running.set(c.id, { ns, published, own: true, proxies });
    for (const { n } of joined) {
      this.d.events.emit({ type: 'network.changed', id: n.id });
      networkEvent(this.d.events, n, 'connect', { container: c.id });
    }
    return ns;
  }

  private publish(c: NetContainer, ip: string | undefined, gateway: string): Published[] {
    if (!ip) return [];
    const host = this.stack.host;
    const wanted: [string, string, string][] = [];
    for (const [port, binds] of Object.entries(c.portBindings)) for (const b of binds ?? []) wanted.push([port, b.HostIp || '0.0.0.0', b.HostPort]);
    if (c.publishAll) for (const p of c.exposed) if (!(p in c.portBindings)) wanted.push([p, '0.0.0.0', '']);
    const out: Published[] = [];
    let ephemeral = 32768;
    for (const [port, hostIp, hostPort] of wanted) {
      let hp = Number(hostPort);
      const taken = (p: number) => host.forwards.has(p) || host.listeners.has(p);
      const range = /^(\d+)-(\d+)$/.exec(hostPort);
      if (!hostPort) {
        while (taken(ephemeral)) ephemeral++;
        hp = ephemeral++;
      } else if (range) {
        // `-p 8000-8010:80`: the daemon picks the first free port of the range.
        const [lo, hi] = [Number(range[1]), Number(range[2])];
        hp = lo;
        while (hp <= hi && taken(hp)) hp++;
        if (hp > hi) {
          for (const p of out) host.forwards.delete(p.hostPort);
          throw new DaemonError(`failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${this.d.rng.hex(32)}): Bind for ${hostIp}:${lo}-${hi} failed: port is already allocated`, 500);
        }
      } else if (taken(hp)) {
        for (const p of out) host.forwards.delete(p.hostPort);
        throw new DaemonError(`failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${this.d.rng.hex(32)}): Bind for ${hostIp}:${hp} failed: port is already allocated`, 500);
      }
      host.forwards.set(hp, { hostIp, hostPort: hp, targetIp: ip, targetPort: Number(port.split('/')[0]), via: gateway });
      out.push({ containerPort: port, hostIp, hostPort: hp });
    }
    return out;
  }

  tearDown(containerId: string): void {
    const r = this.running.get(containerId);
    if (!r) return;
    this.running.delete(containerId);
    for (const p of r.published) this.stack.host.forwards.delete(p.hostPort);
    for (const p of r.proxies ?? []) p.exit(0);
    for (const n of this.networks.values()) {
      if (n.endpoints.delete(containerId)) {
        this.d.events.emit({ type: 'network.changed', id: n.id });
        networkEvent(this.d.events, n, 'disconnect', { container: containerId });
      }
    }
    if (r.own) r.ns.destroy();
  }

  /** `docker network connect`: a running container gets a new interface at once. */
  connect(n: Network, c: NetContainer, aliases: string[]): void {
    if (n.endpoints.has(c.id)) throw new DaemonError(`endpoint with name ${c.name} already exists in network ${n.name}`, 403);
    const r = this.running.get(c.id);
    if (!r || !r.own) return;
    const ip = this.allocate(n);
    const mac = '02:42:' + ip.split('.').map((x) => Number(x).toString(16).padStart(2, '0')).join(':');
    n.endpoints.set(c.id, { containerId: c.id, containerName: c.name, ip, mac, aliases, endpointId: this.d.rng.hex(32) });
    r.ns.interfaces.push({ name: `eth${r.ns.interfaces.length - 1}`, mac, mtu: 1500, state: 'UP', addresses: [{ family: 'inet', address: ip, prefixLength: Number(n.subnet.split('/')[1]) }] });
    this.d.events.emit({ type: 'network.changed', id: n.id });
    networkEvent(this.d.events, n, 'connect', { container: c.id });
  }

  disconnect(n: Network, containerId: string): void {
    const e = n.endpoints.get(containerId);
    const r = this.running.get(containerId);
    n.endpoints.delete(containerId);
    if (e && r) {
      const i = r.ns.interfaces.findIndex((x) => x.addresses.some((a) => a.address === e.ip));
      if (i >= 0) r.ns.interfaces.splice(i, 1);
    }
    this.d.events.emit({ type: 'network.changed', id: n.id });
    if (e) networkEvent(this.d.events, n, 'disconnect', { container: containerId });
  }

  inspect(n: Network): Record<string, unknown> {
    const containers: Record<string, unknown> = {};
    for (const e of n.endpoints.values()) {
      containers[e.containerId] = { Name: e.containerName, EndpointID: e.endpointId, MacAddress: e.mac, IPv4Address: `${e.ip}/${n.subnet.split('/')[1]}`, IPv6Address: '' };
    }
    const options: Record<string, string> = n.name === 'bridge'
      ? { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true', 'com.docker.network.bridge.enable_ip_masquerade': 'true', 'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0', 'com.docker.network.bridge.name': 'docker0', 'com.docker.network.driver.mtu': '1500' }
      : {};
    return {
      Name: n.name, Id: n.id, Created: new Date(n.created).toISOString(), Scope: 'local', Driver: n.driver, EnableIPv4: n.driver === 'bridge', EnableIPv6: false,
      IPAM: { Driver: 'default', Options: n.builtin ? null : {}, Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : null },
      Internal: false, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
      Containers: containers, Options: options, Labels: n.labels,
    };
  }

  /** User-defined networks as plain data (endpoints are rebuilt when containers start). */
  snapshot(): { id: string; name: string; subnet: string; gateway: string; created: number; labels: Record<string, string> }[] {
    return [...this.networks.values()].filter((n) => !n.builtin).map((n) => ({ id: n.id, name: n.name, subnet: n.subnet, gateway: n.gateway, created: n.created, labels: { ...n.labels } }));
  }

  restore(list: ReturnType<NetworkService['snapshot']>): void {
    for (const n of list) {
      const net = this.add(n.name, 'bridge', n.subnet, n.gateway, false, n.labels, n.id);
      net.created = n.created;
      this.stack.host.interfaces.push({ name: `br-${n.id.slice(0, 12)}`, mtu: 1500, state: 'UP', addresses: [{ family: 'inet', address: n.gateway, prefixLength: Number(n.subnet.split('/')[1]) }] });
    }
  }

  published(containerId: string): Published[] {
    return this.running.get(containerId)?.published ?? [];
  }

  endpoints(containerId: string): { network: Network; endpoint: Endpoint }[] {
    return [...this.networks.values()].filter((n) => n.endpoints.has(containerId)).map((n) => ({ network: n, endpoint: n.endpoints.get(containerId)! }));
  }
}

const HOSTS_HEAD = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
const RESOLV_HEAD = '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n';

/**
 * /etc/hosts, /etc/hostname and /etc/resolv.conf as Docker writes them for a container: files in
 * /var/lib/docker/containers/ID on the host, bind-mounted into the container (so they are not in
 * its writable layer, `docker diff` or a commit).
 */
function writeEtc(fs: Fs, dir: string, kind: 'bridge' | 'user' | 'none' | 'host', ip: string | undefined, c: NetContainer, links: { ip: string; names: string[] }[]): void {
  if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true, mode: 0o710 });
  const write = (path: string, text: string) => fs.writeFile(`${dir}/${path.slice(5).replace('resolv.conf', 'resolv.conf')}`, text, { mode: 0o644 });
  if (kind === 'host') {
    write('/etc/hosts', '127.0.0.1\tlocalhost\n127.0.1.1\tdocker-lab\n::1\tlocalhost ip6-localhost ip6-loopback\n');
    write('/etc/hostname', 'docker-lab\n');
    write('/etc/resolv.conf', 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n');
    return;
  }
  let hosts = HOSTS_HEAD;
  for (const l of links) hosts += `${l.ip}\t${l.names.join(' ')}\n`;
  if (ip) hosts += `${ip}\t${c.hostname}\n`;
  write('/etc/hosts', hosts);
  write('/etc/hostname', c.hostname + '\n');
  write('/etc/resolv.conf', kind === 'user'
    ? `${RESOLV_HEAD}nameserver 127.0.0.11\nsearch .\noptions ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [host(127.0.0.53)]\n# Overrides: []\n# Option ndots from: internal\n`
    : `${RESOLV_HEAD}nameserver 10.0.2.3\nsearch .\n\n# Based on host file: '/run/systemd/resolve/resolv.conf' (legacy)\n# Overrides: []\n`);
}

/** Docker 28's refusal to remove a network containers are still on (libnetwork ActiveEndpointsError). */
export function activeEndpoints(n: Network): DaemonError {
  const list = [...n.endpoints.values()].map((e) => `name:"${e.containerName}" id:"${e.endpointId.slice(0, 12)}"`).join(', ');
  return new DaemonError(`error while removing network: network ${n.name} has active endpoints (${list})`, 403);
}
