/**
 * The host's network links as iproute2 shows them: lo, eth0, the bridges (docker0, br-<id>) and
 * one veth per container endpoint, its peer being the container's eth<N>.
 *
 * Real concept: for each container on a bridge network Docker creates a veth pair, moves one end
 * into the container's network namespace as eth0 and attaches the other (`vethXXXXXXX`) to the
 * bridge (`master docker0`). `ip link` on either side names the peer's ifindex after `@if`. A
 * bridge without ports shows NO-CARRIER / state DOWN, and its route `linkdown`.
 *
 * Simulated: the list is computed from the running containers' network namespaces (the kernel's
 * process table holds them), in the order the containers started; ifindexes are dense from 1.
 * Left out: IPv6 addresses, altnames, DHCP lease times, link statistics (`-s`).
 */
import type { Kernel } from '../../process/kernel';
import type { NetInterface } from '../../process/types';

export interface HostLink {
  index: number;
  iface: NetInterface;
  /** The bridge a veth is attached to. */
  master?: string;
  /** `@if<N>`: the peer's ifindex in the other namespace. */
  peer?: number;
  /** A bridge with no ports attached. */
  noCarrier?: boolean;
}

function hex7(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 7);
}

function inSubnet(ip: string, net: string, prefix: number): boolean {
  const n = (a: string) => a.split('.').reduce((v, o) => (v << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((n(ip) & mask) >>> 0) === ((n(net) & mask) >>> 0);
}

/** Every container network namespace with a veth (running containers, by start order). */
function containerNamespaces(kernel: Kernel): Array<{ id: string; ifs: NetInterface[]; ns: object }> {
  const seen = new Set<object>();
  const out: Array<{ id: string; ifs: NetInterface[]; ns: object }> = [];
  for (const p of [...kernel.procs.values()].sort((a, b) => a.info.pid - b.info.pid)) {
    const ns = p.ctx.netns;
    if (!p.ctx.container || !ns || seen.has(ns) || !p.alive) continue;
    seen.add(ns);
    const ifs = ns.interfaces.filter((i) => i.name !== 'lo');
    if (ifs.some((i) => i.name === 'docker0')) continue; // --network host
    out.push({ id: p.ctx.container, ifs, ns });
  }
  return out;
}

export function hostLinks(kernel: Kernel, host: NetInterface[]): HostLink[] {
  const links: HostLink[] = host.map((iface, k) => ({ index: k + 1, iface }));
  const bridges = links.filter((l) => l.iface.name === 'docker0' || l.iface.name.startsWith('br-'));
  const used = new Set<string>();
  let next = links.length + 1;
  for (const c of containerNamespaces(kernel)) {
    c.ifs.forEach((i, k) => {
      const addr = i.addresses[0]?.address ?? '';
      const br = bridges.find((b) => b.iface.addresses.some((a) => inSubnet(addr, a.address, a.prefixLength)));
      if (br) used.add(br.iface.name);
      const name = `veth${hex7(c.id + i.name)}`;
      const mac = `${['6a', 'ae', '1e', '5a'][k % 4]}:${hex7(name).match(/../g)!.slice(0, 3).join(':')}:${hex7(c.id).slice(0, 2)}:${hex7(c.id + 'm').slice(0, 2)}`;
      links.push({ index: next++, iface: { name, mac, mtu: 1500, state: 'UP', addresses: [] }, master: br?.iface.name, peer: k + 2 });
    });
  }
  for (const b of bridges) b.noCarrier = !used.has(b.iface.name);
  return links;
}

/** The host ifindex of the veth paired with a container's interface (for its `eth0@ifN`). */
export function peerIndex(kernel: Kernel, host: NetInterface[], ns: object, ifaceIndexInNs: number): number | undefined {
  const links = hostLinks(kernel, host);
  const first = links.length - containerNamespaces(kernel).reduce((s, c) => s + c.ifs.length, 0);
  let idx = first;
  for (const c of containerNamespaces(kernel)) {
    for (let k = 0; k < c.ifs.length; k++, idx++) if (c.ns === ns && k + 2 === ifaceIndexInNs) return links[idx].index;
  }
  return undefined;
}
