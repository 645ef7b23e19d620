/**
 * Programs that describe the machine or the process: env printenv date id whoami hostname uname
 * nproc free uptime. The kernel release, memory and CPU count are believable fixed values for an
 * Ubuntu 24.04 host (the simulator has no real hardware to report); date is UTC, as TZ is unset.
 */
import { HOST_CPUS } from '../process/cgroup';
import type { ProcessApi, ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, Users, q } from './lib/io';
import { parseDate, strftime } from './lib/date';
import { humanSize } from './lib/format';
import { runCommand } from './lib/spawn';

export async function env(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'env', fl);
  const p = await io.parse({ short: 'iu:0C:', long: { 'ignore-environment': 'i', unset: 'u=', null: '0', chdir: 'C=' }, stopAtOperand: true }, 'Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n', 125);
  if (typeof p === 'number') return p;
  const ops = [...p.operands];
  const vars: Record<string, string> = p.has('i') || ops[0] === '-' ? {} : { ...ctx.env };
  if (ops[0] === '-') ops.shift();
  for (const u of p.all('u')) delete vars[u];
  while (ops.length && /^[^=]+=/.test(ops[0])) {
    const a = ops.shift()!;
    const i = a.indexOf('=');
    vars[a.slice(0, i)] = a.slice(i + 1);
  }
  if (!ops.length) {
    await io.out(Object.entries(vars).map(([k, v]) => `${k}=${v}${p.has('0') ? '\0' : '\n'}`).join(''));
    return 0;
  }
  const r = await runCommand(ctx, ops, { env: vars, cwd: p.get('C') });
  if ('status' in r) return r.status;
  await io.err(`${q(ops[0])}: ${r.message}`);
  return r.error === 'ENOENT' ? 127 : 126;
}

export async function printenv(ctx: ProgramContext): Promise<number> {
  const names = ctx.argv.slice(1).filter((a) => a !== '-0' && a !== '--null');
  const nul = ctx.argv.includes('-0');
  if (!names.length) {
    await ctx.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`).join(''));
    return 0;
  }
  let status = 0;
  let out = '';
  for (const n of names) {
    if (n in ctx.env) out += ctx.env[n] + (nul ? '\0' : '\n');
    else status = 1;
  }
  await ctx.stdout.write(out);
  return status;
}

export async function date(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'date', fl);
  const p = await io.parse({ short: 'd:uRI::r:s:', long: { date: 'd=', utc: 'u', universal: 'u', 'rfc-email': 'R', 'iso-8601': 'I=?', reference: 'r=', set: 's=' } }, 'Usage: date [OPTION]... [+FORMAT]\nDisplay date and time in the given FORMAT.\n');
  if (typeof p === 'number') return p;
  let t = ctx.sys.clock.now();
  if (p.has('d')) {
    const v = parseDate(p.get('d')!, t);
    if (v === undefined) {
      await io.err(`invalid date ${q(p.get('d')!)}`);
      return 1;
    }
    t = v;
  }
  if (p.has('r')) {
    try {
      t = ctx.fs.stat(p.get('r')!).mtime;
    } catch (e) {
      await io.err(`${p.get('r')}: ${e instanceof Error ? e.message : e}`);
      return 1;
    }
  }
  if (p.has('s')) {
    await io.err('cannot set date: Operation not permitted');
    return 1;
  }
  const fmtArg = p.operands.find((o) => o.startsWith('+'));
  const extra = p.operands.find((o) => !o.startsWith('+'));
  if (extra) return io.usage(`invalid date ${q(extra)}`);
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  if (p.has('R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
  if (p.has('I')) {
    const v = p.get('I') || 'date';
    fmt = v.startsWith('h') ? '%Y-%m-%dT%H%:z' : v.startsWith('m') ? '%Y-%m-%dT%H:%M%:z' : v.startsWith('s') ? '%Y-%m-%dT%H:%M:%S%:z' : '%Y-%m-%d';
  }
  if (fmtArg) fmt = fmtArg.slice(1);
  await io.out(strftime(fmt, t) + '\n');
  return 0;
}

/**
 * `groups [USER]...` (coreutils groups.c): the group names of the current process, or of each user
 * as `user : names` (the user's primary group first, then the groups that list the user).
 */
export async function groups(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'groups', fl);
  const p = await io.parse({ short: '', long: {} }, 'Usage: groups [OPTION]... [USERNAME]...\nPrint group memberships for each USERNAME or, if no USERNAME is specified, for\nthe current process (which may differ if the groups database has changed).\n');
  if (typeof p === 'number') return p;
  const users = new Users(ctx.fs);
  const names = (ids: number[]) => ids.map((g) => users.groupName(g) ?? String(g)).join(' ');
  if (!p.operands.length) {
    const { gid, groups: gs } = ctx.fs.cred;
    await io.out(names([gid, ...gs.filter((g) => g !== gid)]) + '\n');
    return 0;
  }
  let status = 0;
  for (const name of p.operands) {
    const u = users.user(name);
    if (!u) {
      await io.err(`${q(name)}: no such user`);
      status = 1;
      continue;
    }
    const gid = u.gid ?? u.id;
    const member = users.group.filter((g) => g.members?.includes(u.name) && g.id !== gid).map((g) => g.id);
    await io.out(`${name} : ${names([gid, ...member])}\n`);
  }
  return status;
}

export async function id(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'id', fl);
  const p = await io.parse({ short: 'ugGnr', long: { user: 'u', group: 'g', groups: 'G', name: 'n', real: 'r' } }, 'Usage: id [OPTION]... [USER]...\nPrint user and group information for each specified USER,\nor (when USER omitted) for the current process.\n');
  if (typeof p === 'number') return p;
  const users = new Users(ctx.fs);
  let uid = ctx.fs.cred.uid;
  let gid = ctx.fs.cred.gid;
  let groups = ctx.fs.cred.groups;
  if (p.operands[0]) {
    const u = users.user(p.operands[0]) ?? (/^\d+$/.test(p.operands[0]) ? users.passwd.find((e) => e.id === Number(p.operands[0])) : undefined);
    if (!u) {
      await io.err(`${q(p.operands[0])}: no such user`);
      return 1;
    }
    uid = u.id;
    gid = u.gid ?? u.id;
    groups = [gid, ...users.group.filter((g) => g.members?.includes(u.name) && g.id !== gid).map((g) => g.id)];
  }
  const allGroups = [gid, ...groups.filter((g) => g !== gid)];
  const uname = (n: number) => users.userName(n);
  const gname = (n: number) => users.groupName(n);
  const one = async (v: number, name: string | undefined, kind: string) => {
    if (p.has('n') && name === undefined) {
      await io.err(`cannot find name for ${kind} ID ${v}`);
      await io.out(v + '\n');
      return 1;
    }
    await io.out((p.has('n') ? name : String(v)) + '\n');
    return 0;
  };
  if (p.has('u')) return one(uid, uname(uid), 'user');
  if (p.has('g')) return one(gid, gname(gid), 'group');
  if (p.has('G')) {
    await io.out(allGroups.map((g) => (p.has('n') ? (gname(g) ?? String(g)) : String(g))).join(' ') + '\n');
    return 0;
  }
  const fmt = (n: number, name: string | undefined) => (name === undefined ? String(n) : `${n}(${name})`);
  await io.out(`uid=${fmt(uid, uname(uid))} gid=${fmt(gid, gname(gid))} groups=${allGroups.map((g) => fmt(g, gname(g))).join(',')}\n`);
  return 0;
}

export async function whoami(ctx: ProgramContext): Promise<number> {
  const uid = ctx.fs.cred.uid;
  const name = new Users(ctx.fs).userName(uid);
  if (name === undefined) {
    await ctx.stderr.write(`whoami: cannot find name for user ID ${uid}\n`);
    return 1;
  }
  await ctx.stdout.write(name + '\n');
  return 0;
}

export async function hostname(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.length && !args[0].startsWith('-')) {
    // sethostname(2) needs CAP_SYS_ADMIN in the UTS namespace's owner: root on the host (or in a
    // namespace unshare made); a container's root lacks it.
    const self = ctx.proc as ProcessApi & { ctx?: { uts: { hostname: string }; container?: string } };
    if (ctx.proc.info.cred.uid !== 0 || !self.ctx || self.ctx.container) {
      await ctx.stderr.write('hostname: you must be root to change the host name\n');
      return 1;
    }
    self.ctx.uts.hostname = args[0];
    return 0;
  }
  let h = ctx.sys.hostname();
  if (args.includes('-s')) h = h.split('.')[0];
  // -i looks the host name up (the container's own /etc/hosts line gives its bridge address);
  // -I lists every non-loopback address, each followed by a space.
  if (args.includes('-i')) h = ctx.sys.net?.resolve(h) ?? '127.0.1.1';
  if (args.includes('-I')) {
    h = (ctx.sys.net?.interfaces() ?? []).flatMap((i) => i.addresses.filter((a) => a.family === 'inet' && !a.address.startsWith('127.')).map((a) => a.address + ' ')).join('');
  }
  await ctx.stdout.write(h + '\n');
  return 0;
}

/** The host's kernel (uname); dockerd's KernelVersion and what containers see are this one too. */
import { KERNEL } from './lib/kernel';
export { KERNEL };

export async function uname(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'uname', fl);
  const p = await io.parse({ short: 'asnrvmpio', long: { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' } }, 'Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n');
  if (typeof p === 'number') return p;
  if (p.operands.length) return io.usage(`extra operand ${q(p.operands[0])}`);
  const a = p.has('a');
  const parts: string[] = [];
  const want = (k: string) => a || p.has(k);
  if (want('s') || p.order.length === 0) parts.push('Linux');
  if (want('n')) parts.push(ctx.sys.hostname());
  if (want('r')) parts.push(KERNEL.release);
  if (want('v')) parts.push(KERNEL.version);
  if (want('m')) parts.push(KERNEL.machine);
  if (want('p')) parts.push(KERNEL.machine);
  if (want('i')) parts.push(KERNEL.machine);
  if (want('o')) parts.push('GNU/Linux');
  await io.out(parts.join(' ') + '\n');
  return 0;
}

export async function nproc(ctx: ProgramContext): Promise<number> {
  await ctx.stdout.write(`${HOST_CPUS}\n`);
  return 0;
}

export async function free(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1).join(' ');
  const human = /-\w*h/.test(args) || args.includes('--human');
  const mb = /-\w*m/.test(args);
  const kib = [8025424, 1843212, 4521048, 12345, 1661164, 5906520];
  const swap = [2097148, 0, 2097148];
  const f = (k: number) => (human ? humanSize(k * 1024).replace(/([KMGT])$/, '$1i') : mb ? String(Math.floor(k / 1024)) : String(k));
  const row = (label: string, vals: number[]) => label.padEnd(8) + vals.map((v) => f(v).padStart(12)).join('') + '\n';
  await ctx.stdout.write('               total        used        free      shared  buff/cache   available\n' + row('Mem:', kib) + row('Swap:', swap));
  return 0;
}

export async function uptime(ctx: ProgramContext): Promise<number> {
  const now = ctx.sys.clock.now();
  const init = ctx.sys.processes(ctx.proc).find((p) => p.pid === 1 || p.nsPid === 1);
  const secs = Math.max(0, Math.floor((now - (init?.startTime ?? now - 3600_000)) / 1000));
  const days = Math.floor(secs / 86400);
  const h = Math.floor((secs % 86400) / 3600);
  const m = Math.floor((secs % 3600) / 60);
  let up = days ? `${days} day${days > 1 ? 's' : ''}, ` : '';
  up += h ? `${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${m} min`;
  if (ctx.argv.includes('-p')) {
    await ctx.stdout.write(`up ${days ? `${days} day${days > 1 ? 's' : ''}, ` : ''}${h ? `${h} hour${h > 1 ? 's' : ''}, ` : ''}${m} minute${m === 1 ? '' : 's'}\n`);
    return 0;
  }
  await ctx.stdout.write(` ${strftime('%H:%M:%S', now)} up ${up},  1 user,  load average: 0.08, 0.03, 0.01\n`);
  return 0;
}
