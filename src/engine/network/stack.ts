/**
 * The machine's network stack: network namespaces with their interfaces, TCP-like stream sockets
 * between them, and the host's published-port forwards (docker-proxy). A connection is a pair of
 * pipes; `connect` finds the namespace that owns the address (127.0.0.1 is the caller's own) and
 * the listener on the port there, or fails as the C library reports it (ECONNREFUSED …).
 */
import { NetError, Terminated, type Listener, type NetApi, type NetInterface, type Socket } from '../process/types';
import type { Fs } from '../../api/fs';
import { connectInternet, internetAddress, isInternetAddress } from './internet';
import { socketPair } from './socket-pair';

interface PendingAccept {
  resolve: (s: Socket) => void;
  reject: (e: unknown) => void;
}

class ListenerImpl implements Listener {
  readonly queue: Socket[] = [];
  readonly waiters: PendingAccept[] = [];
  closed = false;
  constructor(
    readonly ns: NetNamespace,
    readonly address: string,
    readonly port: number,
  ) {}

  push(s: Socket): void {
    const w = this.waiters.shift();
    if (w) w.resolve(s);
    else this.queue.push(s);
  }

  accept(signal: AbortSignal): Promise<Socket> {
    if (signal.aborted) return Promise.reject(signal.reason ?? new Terminated(9));
    const s = this.queue.shift();
    if (s) return Promise.resolve(s);
    return new Promise<Socket>((resolve, reject) => {
      const w: PendingAccept = { resolve, reject };
      this.waiters.push(w);
      signal.addEventListener('abort', () => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal.reason ?? new Terminated(9));
      }, { once: true });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ns.listeners.get(this.port) === this) this.ns.listeners.delete(this.port);
  }
}

export interface Forward {
  hostIp: string;
  hostPort: number;
  targetIp: string;
  targetPort: number;
  /** The address the container sees connections come from (the bridge's gateway). */
  via: string;
}

export class NetNamespace {
  readonly interfaces: NetInterface[] = [{ name: 'lo', mtu: 65536, state: 'UNKNOWN', addresses: [{ family: 'inet', address: '127.0.0.1', prefixLength: 8 }] }];
  readonly listeners = new Map<number, ListenerImpl>();
  /** Published ports, on the host namespace only. */
  readonly forwards = new Map<number, Forward>();
  /** Embedded DNS (user-defined networks): name → address, as seen from this namespace. */
  dns: (name: string) => string | undefined = () => undefined;

  constructor(
    readonly stack: NetStack,
    readonly name: string,
  ) {
    stack.namespaces.add(this);
  }

  addresses(): string[] {
    return this.interfaces.flatMap((i) => i.addresses.filter((a) => a.family === 'inet').map((a) => a.address));
  }

  /** The address this namespace uses toward another (its first non-loopback one). */
  primary(): string {
    return this.addresses().find((a) => !a.startsWith('127.')) ?? '127.0.0.1';
  }

  destroy(): void {
    this.stack.namespaces.delete(this);
    for (const l of [...this.listeners.values()]) l.close();
  }

  /** What a process in this namespace gets as `sys.net`; `fs` is its view (for /etc/hosts). */
  api(fs: () => Fs): NetApi {
    return {
      listen: (port, opts) => {
        if (this.listeners.has(port) || this.forwards.has(port)) throw new NetError('EADDRINUSE', 'Address already in use');
        const l = new ListenerImpl(this, opts?.address ?? '0.0.0.0', port);
        this.listeners.set(port, l);
        return l;
      },
      connect: async (host, port) => this.stack.connect(this, this.resolveName(host, fs), port, host),
      resolve: (name) => this.resolveName(name, fs),
      dnsQuery: (name) => this.dns(name),
      interfaces: () => this.interfaces.map((i) => ({ ...i, addresses: i.addresses.map((a) => ({ ...a })) })),
      ping: (address) => {
        const ip = this.resolveName(address, fs);
        const reachable = !!ip && (ip.startsWith('127.') || this.addresses().includes(ip) || (!!this.stack.owner(ip, this) && this.stack.routable(this, ip)));
        return { reachable, rttMs: ip?.startsWith('127.') ? 0.03 : 0.08 };
      },
    };
  }

  /** /etc/hosts of the caller, then the embedded DNS; an address stays as it is. */
  resolveName(name: string, fs: () => Fs): string | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === 'localhost') return '127.0.0.1';
    try {
      for (const line of fs().readText('/etc/hosts').split('\n')) {
        const parts = line.replace(/#.*/, '').trim().split(/\s+/);
        if (parts.length > 1 && parts.slice(1).includes(name) && /^\d+\.\d+\.\d+\.\d+$/.test(parts[0])) return parts[0];
      }
    } catch {
      // no /etc/hosts (FROM scratch)
    }
    // Past the machine: public names of the simulated internet, for namespaces with a way out.
    return this.dns(name) ?? (this.primary() !== '127.0.0.1' ? internetAddress(name) : undefined);
  }
}

/**
 * The machine's network stack as it boots: the host's own eth0, and docker0, the default bridge's
 * interface (a host whose dockerd has not been asked anything yet still has it, as a real one would
 * once dockerd started at boot). Made by the machine, so the host networks before dockerd's code
 * has loaded; dockerd's network service takes it over (networks.ts).
 */
export function bootHostStack(): NetStack {
  const stack = new NetStack();
  const host = stack.host;
  host.interfaces.push({ name: 'eth0', mac: '52:54:00:12:34:56', mtu: 1500, state: 'UP', addresses: [{ family: 'inet', address: '10.0.2.15', prefixLength: 24 }] });
  host.interfaces.push({ name: 'docker0', mac: '02:42:5e:8c:1a:2b', mtu: 1500, state: 'UP', addresses: [{ family: 'inet', address: '172.17.0.1', prefixLength: 16 }] });
  return stack;
}

export class NetStack {
  readonly namespaces = new Set<NetNamespace>();
  readonly host: NetNamespace;
  /** Client ports, handed out in order (Linux picks from 32768–60999). */
  private nextPort = 40000;

  constructor() {
    this.host = new NetNamespace(this, 'host');
  }

  /** The namespace that holds an address (other than loopback). */
  owner(ip: string, from: NetNamespace): NetNamespace | undefined {
    if (ip.startsWith('127.')) return from;
    for (const ns of this.namespaces) if (ns.addresses().includes(ip)) return ns;
    return undefined;
  }

  /**
   * Whether `from` reaches `ip` directly: the host reaches every bridge (docker0, br-…), a
   * container the host and the subnets it has an interface on; Docker isolates bridges from each
   * other, so a container on another network (or just disconnected) does not answer.
   */
  routable(from: NetNamespace, ip: string): boolean {
    if (ip.startsWith('127.') || from === this.host || this.owner(ip, from) === this.host) return true;
    return from.interfaces.some((i) => i.addresses.some((a) => a.family === 'inet' && !a.address.startsWith('127.') && sameSubnet(a.address, ip, a.prefixLength)));
  }

  async connect(from: NetNamespace, resolved: string | undefined, port: number, asked: string): Promise<Socket> {
    let ip = resolved;
    if (!ip) throw new NetError('ENOTFOUND', `Could not resolve host: ${asked}`);
    let target = this.owner(ip, from);
    let remote = from.primary();
    let targetPort = port;
    let viaProxy = false;
    // A published port: docker-proxy on the host forwards to the container, which sees the gateway.
    if (target === this.host) {
      const fwd = this.host.forwards.get(port);
      if (fwd && (fwd.hostIp === '0.0.0.0' || fwd.hostIp === ip || ip.startsWith('127.'))) {
        target = this.owner(fwd.targetIp, from);
        targetPort = fwd.targetPort;
        remote = fwd.via;
        viaProxy = true;
        ip = fwd.targetIp;
      }
    }
    if (!target && isInternetAddress(ip) && from.primary() !== '127.0.0.1') {
      if (port !== 80 && port !== 443) throw new NetError('ETIMEDOUT', 'Connection timed out');
      return connectInternet(ip, port, from.primary(), this.nextPort++);
    }
    if (!target) throw new NetError('EHOSTUNREACH', `No route to host`);
    // Docker drops traffic between different bridges: the SYN goes unanswered.
    if (!viaProxy && !this.routable(from, ip)) throw new NetError('ETIMEDOUT', 'Connection timed out');
    if (target === from && ip.startsWith('127.')) remote = '127.0.0.1';
    const listener = target.listeners.get(targetPort);
    // A server bound to 127.0.0.1 only answers its own namespace (Flask's default host).
    if (!listener || listener.closed || (listener.address.startsWith('127.') && (viaProxy || !ip.startsWith('127.')))) {
      // Through docker-proxy the client was accepted on the host first, so it sees a reset.
      throw viaProxy ? new NetError('ECONNRESET', 'Connection reset by peer') : new NetError('ECONNREFUSED', 'Connection refused');
    }
    const localPort = this.nextPort++;
    const { client, server } = socketPair({ address: remote, port: localPort }, { address: ip, port: targetPort });
    listener.push(server);
    return client;
  }
}

function toInt(ip: string): number {
  return ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}

function sameSubnet(a: string, b: string, prefix: number): boolean {
  const shift = 32 - prefix;
  return Math.floor(toInt(a) / 2 ** shift) === Math.floor(toInt(b) / 2 ** shift);
}
