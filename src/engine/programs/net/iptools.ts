/**
 * ping (iputils, or BusyBox's), `ip addr`/`ip route` (iproute2) and ifconfig: read the calling
 * process's network namespace (`ctx.sys.net`). ping sends one echo a second until -c or Ctrl-C,
 * then prints its statistics, as the real one does.
 */
import { SIGNALS, type ProgramContext } from '../../process/types';
import { maxOf, minOf } from '../../../lib/arrays';
import type { Proc } from '../../process/kernel';
import { hostIp } from './host-ip';
import { peerIndex } from './host-links';

export async function ping(ctx: ProgramContext, busybox = false): Promise<number> {
  const args = ctx.argv.slice(1);
  let count = Infinity;
  let target: string | undefined;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-q') quiet = true;
    else if (args[i] === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(args[i])) count = Number(args[i].slice(2));
    else if (['-W', '-w', '-i', '-s', '-t'].includes(args[i])) i++;
    else if (!args[i].startsWith('-')) target = args[i];
  }
  if (!target) {
    await ctx.stderr.write(busybox ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return busybox ? 1 : 2;
  }
  const net = ctx.sys.net;
  const ip = net?.resolve(target);
  if (!net || !ip) {
    await ctx.stderr.write(busybox ? `ping: bad address '${target}'\n` : `ping: ${target}: ${/^[\d.]+$/.test(target) ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`);
    return busybox ? 1 : 2;
  }
  let stop = false;
  ctx.proc.setSignal(SIGNALS.SIGINT, () => {
    stop = true;
  });
  await ctx.stdout.write(busybox ? `PING ${target} (${ip}): 56 data bytes\n` : `PING ${target} (${ip}) 56(84) bytes of data.\n`);
  const times: number[] = [];
  let sent = 0;
  const start = ctx.sys.clock.now();
  while (sent < count && !stop) {
    const r = net.ping(ip);
    sent++;
    if (r.reachable) {
      const t = r.rttMs + ((sent * 37) % 50) / 1000;
      times.push(t);
      // -q: only the first line and the statistics.
      if (!quiet) await ctx.stdout.write(busybox ? `64 bytes from ${ip}: seq=${sent - 1} ttl=64 time=${t.toFixed(3)} ms\n` : `64 bytes from ${ip === target ? ip : `${target} (${ip})`}: icmp_seq=${sent} ttl=64 time=${t.toFixed(3)} ms\n`);
    }
    if (sent >= count) break;
    try {
      await ctx.sys.clock.sleep(1000, ctx.signal);
    } catch (e) {
      if (!stop) throw e;
    }
  }
  const elapsed = ctx.sys.clock.now() - start;
  const loss = Math.round(((sent - times.length) / sent) * 100);
  const min = minOf(times);
  const max = maxOf(times);
  const avg = times.reduce((a, b) => a + b, 0) / (times.length || 1);
  const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / (times.length || 1));
  if (busybox) {
    await ctx.stdout.write(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${times.length} packets received, ${loss}% packet loss\n${times.length ? `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n` : ''}`);
  } else {
    await ctx.stdout.write(`\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${times.length} received, ${loss}% packet loss, time ${Math.max(0, elapsed)}ms\n${times.length ? `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n` : ''}`);
  }
  return times.length ? 0 : 1;
}

function bcast(address: string, prefix: number): string {
  const n = address.split('.').reduce((a, x) => a * 256 + Number(x), 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const b = ((n & mask) | (~mask >>> 0)) >>> 0;
  return [b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255].join('.');
}

export async function ip(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const obj = args[0] ?? '';
  const net = ctx.sys.net;
  if (!obj || !net) {
    await ctx.stderr.write('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n');
    return 255;
  }
  const ifs = net.interfaces();
  // The host's namespace (or a --network host container's): bridges and veth ends too.
  if (ifs.some((i) => i.name === 'docker0') && ('address'.startsWith(obj) || obj === 'addr' || 'link'.startsWith(obj) || 'route'.startsWith(obj))) return hostIp(ctx, obj, args.slice(1));
  const self = ctx.proc as Proc;
  const hostIfs = self.kernel?.procs.get(1)?.ctx.netns?.interfaces;
  const peer = (k: number) => (hostIfs && self.ctx?.netns && peerIndex(self.kernel, hostIfs, self.ctx.netns, k + 1)) || k + 10;
  if ('address'.startsWith(obj) || obj === 'a' || obj === 'addr') {
    // `ip addr show dev eth1` / `ip a show eth1`: one interface, keeping its index.
    const rest = args.slice(1).filter((a) => a !== 'show' && a !== 'dev' && a !== 'list');
    if (rest[0] && !ifs.some((i) => i.name === rest[0])) {
      await ctx.stderr.write(`Device "${rest[0]}" does not exist.\n`);
      return 1;
    }
    let out = '';
    ifs.forEach((i, k) => {
      if (rest[0] && i.name !== rest[0]) return;
      const lo = i.name === 'lo';
      out += `${k + 1}: ${i.name}${lo ? '' : `@if${peer(k)}`}: <${lo ? 'LOOPBACK,UP,LOWER_UP' : 'BROADCAST,MULTICAST,UP,LOWER_UP'}> mtu ${i.mtu} qdisc noqueue state ${i.state} group default${lo ? ' qlen 1000' : ' '}\n`;
      out += lo ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n' : `    link/ether ${i.mac ?? '00:00:00:00:00:00'} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n`;
      for (const a of i.addresses) {
        out += lo ? `    inet ${a.address}/${a.prefixLength} scope host lo\n` : `    inet ${a.address}/${a.prefixLength} brd ${bcast(a.address, a.prefixLength)} scope global ${i.name}\n`;
        out += '       valid_lft forever preferred_lft forever\n';
      }
    });
    await ctx.stdout.write(out);
    return 0;
  }
  if ('route'.startsWith(obj) || obj === 'r') {
    const eth = ifs.find((i) => i.name !== 'lo' && i.addresses.length);
    let out = '';
    if (eth) {
      const a = eth.addresses[0];
      const gw = a.address.replace(/\.\d+\.\d+$/, '.0.1');
      const netAddr = bcast(a.address, 32).replace(/\.\d+\.\d+$/, '.0.0');
      out += `default via ${gw} dev ${eth.name} \n${netAddr}/${a.prefixLength} dev ${eth.name} proto kernel scope link src ${a.address} \n`;
    }
    await ctx.stdout.write(out);
    return 0;
  }
  if ('link'.startsWith(obj)) {
    let out = '';
    ifs.forEach((i, k) => {
      out += `${k + 1}: ${i.name}: <${i.name === 'lo' ? 'LOOPBACK,UP,LOWER_UP' : 'BROADCAST,MULTICAST,UP,LOWER_UP'}> mtu ${i.mtu} qdisc noqueue state ${i.state} mode DEFAULT group default\n    link/${i.name === 'lo' ? 'loopback 00:00:00:00:00:00' : `ether ${i.mac}`} brd ${i.name === 'lo' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}\n`;
    });
    await ctx.stdout.write(out);
    return 0;
  }
  await ctx.stderr.write(`Object "${obj}" is unknown, try "ip help".\n`);
  return 255;
}

/** BusyBox ifconfig. */
export async function ifconfig(ctx: ProgramContext): Promise<number> {
  const net = ctx.sys.net;
  if (!net) return 1;
  let out = '';
  for (const i of net.interfaces()) {
    const a = i.addresses[0];
    const lo = i.name === 'lo';
    out += `${i.name.padEnd(10)}Link encap:${lo ? 'Local Loopback' : `Ethernet  HWaddr ${(i.mac ?? '').toUpperCase()}`}  \n`;
    if (a) out += `          inet addr:${a.address}  ${lo ? '' : `Bcast:${bcast(a.address, a.prefixLength)}  `}Mask:${bcast('0.0.0.0', 0) && maskOf(a.prefixLength)}\n`;
    out += `          UP ${lo ? 'LOOPBACK ' : 'BROADCAST '}RUNNING ${lo ? '' : 'MULTICAST  '}MTU:${i.mtu}  Metric:1\n          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:${lo ? 1000 : 0} \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n`;
  }
  await ctx.stdout.write(out);
  return 0;
}

function maskOf(prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [m >>> 24, (m >>> 16) & 255, (m >>> 8) & 255, m & 255].join('.');
}
