/**
 * nslookup: asks the DNS server named first in /etc/resolv.conf, never /etc/hosts (that is what
 * tells it apart from ping or curl, and why a `--link` alias is not found by it). On a
 * user-defined network the server is Docker's embedded DNS at 127.0.0.11, which knows the
 * containers and their --network-alias names; on the default bridge it is the host's resolver,
 * which (with no simulated internet) knows no container. Two flavours: BIND's (Debian's
 * dnsutils, `Address: 127.0.0.11#53`) and BusyBox's (`:53`, one answer block per A and AAAA query).
 */
import type { ProgramContext } from '../../process/types';

function nameserver(ctx: ProgramContext): string | undefined {
  try {
    const text = ctx.fs.readText('/etc/resolv.conf');
    return /^\s*nameserver\s+(\S+)/m.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

export async function nslookup(ctx: ProgramContext, busybox = false): Promise<number> {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    await ctx.stderr.write(busybox
      ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n'
      : '> ');
    return 1;
  }
  const server = args[1] ?? nameserver(ctx);
  if (!server) {
    await ctx.stderr.write(busybox ? `nslookup: can't resolve '${name}'\n` : ';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  // Only Docker's embedded DNS answers anything here: the simulated machine has no internet.
  const found = server === '127.0.0.11' ? ctx.sys.net?.dnsQuery?.(name.replace(/\.$/, '')) : undefined;
  let out = `Server:\t\t${server}\nAddress:\t${server}${busybox ? ':' : '#'}53\n\n`;
  if (found) {
    out += `Non-authoritative answer:\nName:\t${name}\nAddress: ${found}\n\n`;
    if (busybox) out += `Non-authoritative answer:\n*** Can't find ${name}: No answer\n\n`;
    await ctx.stdout.write(out);
    return 0;
  }
  out += `** server can't find ${name}: NXDOMAIN\n\n`;
  if (busybox) out += `** server can't find ${name}: NXDOMAIN\n\n`;
  await ctx.stdout.write(out);
  return 1;
}
