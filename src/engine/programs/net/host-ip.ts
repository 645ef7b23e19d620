/**
 * iproute2's `ip addr`, `ip link` and `ip route` on the host (Ubuntu 24.04, iproute2 6.1): the
 * host's own interfaces, Docker's bridges and the containers' veth ends (host-links.ts).
 * A container started with `--network host` shares this view.
 */
import type { Proc } from '../../process/kernel';
import type { ProgramContext } from '../../process/types';
import { hostLinks, type HostLink } from './host-links';

function bcast(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((v, o) => (v << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  const b = (n | ~mask) >>> 0;
  return [b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255].join('.');
}

function network(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((v, o) => (v << 8) + Number(o), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  const b = (n & mask) >>> 0;
  return [b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255].join('.');
}

/** A stable locally administered address for a bridge Docker made (02:42:…, as docker's are). */
function bridgeMac(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  const b = [h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255].map((x) => x.toString(16).padStart(2, '0'));
  return `02:42:${b.join(':')}`;
}

function header(l: HostLink, mode: boolean): string {
  const i = l.iface;
  const lo = i.name === 'lo';
  const flags = lo ? 'LOOPBACK,UP,LOWER_UP' : l.noCarrier ? 'NO-CARRIER,BROADCAST,MULTICAST,UP' : 'BROADCAST,MULTICAST,UP,LOWER_UP';
  const qdisc = i.name === 'eth0' ? 'fq_codel' : 'noqueue';
  const state = lo ? 'UNKNOWN' : l.noCarrier ? 'DOWN' : 'UP';
  const master = l.master ? ` master ${l.master}` : '';
  const qlen = lo || i.name === 'eth0' ? ' qlen 1000' : ' ';
  const name = l.peer ? `${i.name}@if${l.peer}` : i.name;
  let out = `${l.index}: ${name}: <${flags}> mtu ${i.mtu} qdisc ${qdisc}${master} state ${state}${mode ? ' mode DEFAULT' : ''} group default${qlen}\n`;
  out += lo ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' : `    link/ether ${i.mac ?? bridgeMac(i.name)} brd ff:ff:ff:ff:ff:ff${l.peer ? ' link-netnsid 0' : ''}\n`;
  if (i.name === 'eth0') out += '    altname enp0s3\n';
  return out;
}

export async function hostIp(ctx: ProgramContext, obj: string, rest: string[]): Promise<number> {
  const kernel = (ctx.proc as Proc).kernel;
  const links = hostLinks(kernel, ctx.sys.net!.interfaces());
  const only = rest.filter((a) => a !== 'show' && a !== 'dev' && a !== 'list')[0];
  if (only && !links.some((l) => l.iface.name === only)) {
    await ctx.stderr.write(`Device "${only}" does not exist.\n`);
    return 1;
  }
  const shown = links.filter((l) => !only || l.iface.name === only);
  let out = '';
  if ('address'.startsWith(obj) || obj === 'addr') {
    for (const l of shown) {
      out += header(l, false);
      for (const a of l.iface.addresses) {
        if (l.iface.name === 'lo') out += `    inet ${a.address}/${a.prefixLength} scope host lo\n`;
        else if (l.iface.name === 'eth0') out += `    inet ${a.address}/${a.prefixLength} metric 100 brd ${bcast(a.address, a.prefixLength)} scope global dynamic eth0\n`;
        else out += `    inet ${a.address}/${a.prefixLength} brd ${bcast(a.address, a.prefixLength)} scope global ${l.iface.name}\n`;
        out += '       valid_lft forever preferred_lft forever\n';
      }
    }
  } else if ('link'.startsWith(obj)) {
    for (const l of shown) out += header(l, true);
  } else {
    const eth0 = links.find((l) => l.iface.name === 'eth0')?.iface.addresses[0];
    if (eth0) {
      out += `default via ${network(eth0.address, eth0.prefixLength).replace(/\.0$/, '.2')} dev eth0 proto dhcp src ${eth0.address} metric 100 \n`;
      out += `${network(eth0.address, eth0.prefixLength)}/${eth0.prefixLength} dev eth0 proto kernel scope link src ${eth0.address} metric 100 \n`;
    }
    for (const l of links) {
      if (l.iface.name !== 'docker0' && !l.iface.name.startsWith('br-')) continue;
      for (const a of l.iface.addresses) {
        out += `${network(a.address, a.prefixLength)}/${a.prefixLength} dev ${l.iface.name} proto kernel scope link src ${a.address}${l.noCarrier ? ' linkdown' : ''} \n`;
      }
    }
  }
  await ctx.stdout.write(out);
  return 0;
}
