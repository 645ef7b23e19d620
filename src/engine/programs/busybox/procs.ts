/**
 * BusyBox `ps` and `top`. BusyBox ps has one format (`PID   USER     TIME  COMMAND`, every
 * process of the namespace, no TTY column) and takes `-o`; it ignores BSD words like `aux`, which
 * is why `ps aux` "works" in Alpine but prints the short table. `top` prints one batch screen.
 */
import type { ProcessInfo, ProgramContext } from '../../process/types';
import { Users } from '../lib/io';

/** CPU time as BusyBox prints it (M:SS): the simulator's processes use next to no CPU. */
const cpuTime = (_p: ProcessInfo, _now: number) => '0:00';
const statLetter = (p: ProcessInfo) => (p.state === 'running' ? 'R' : p.state === 'stopped' ? 'T' : p.state === 'zombie' ? 'Z' : 'S');
const vsz = (p: ProcessInfo) => 1600 + (p.pid % 5) * 1024;
const args = (p: ProcessInfo) => (p.state === 'zombie' ? `[${p.argv[0]?.split('/').pop()}]` : p.argv.join(' '));
const comm = (p: ProcessInfo) => (p.argv[0] ?? '').split('/').pop()!.slice(0, 15);

interface Col {
  h: string;
  w: number;
  left?: boolean;
  f: (p: ProcessInfo, user: string, ppid: number, now: number) => string;
}

/** BusyBox's -o fields: header, width, value. Headers are left-aligned, as busybox prints them. */
const COLS: Record<string, Col> = {
  pid: { h: 'PID', w: 5, f: (p) => String(p.nsPid) },
  ppid: { h: 'PPID', w: 5, f: (_p, _u, pp) => String(pp) },
  pgid: { h: 'PGID', w: 5, f: (p) => String(p.pgid) },
  user: { h: 'USER', w: 8, left: true, f: (_p, u) => u.slice(0, 8) },
  group: { h: 'GROUP', w: 8, left: true, f: (p) => String(p.cred.gid) },
  comm: { h: 'COMMAND', w: 16, left: true, f: (p) => comm(p) },
  args: { h: 'COMMAND', w: 0, left: true, f: (p) => args(p) },
  time: { h: 'TIME', w: 5, f: (p, _u, _pp, now) => cpuTime(p, now) },
  etime: { h: 'ELAPSED', w: 7, f: (p, _u, _pp, now) => { const s = Math.floor((now - p.startTime) / 1000); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; } },
  vsz: { h: 'VSZ', w: 4, f: (p) => String(vsz(p)) },
  rss: { h: 'RSS', w: 4, f: (p) => String(vsz(p) >> 2) },
  stat: { h: 'STAT', w: 4, left: true, f: (p) => statLetter(p) },
  nice: { h: 'NI', w: 3, f: () => '0' },
  tty: { h: 'TT', w: 6, left: true, f: () => '?' },
};

function table(ctx: ProgramContext): { p: ProcessInfo; user: string; ppid: number }[] {
  const users = new Users(ctx.fs);
  const all = ctx.sys.processes(ctx.proc);
  // ProcessInfo.ppid is the machine-wide pid; show the parent as this namespace numbers it.
  const nsOf = new Map(all.map((p) => [p.pid, p.nsPid]));
  return all
    .slice()
    .sort((a, b) => a.nsPid - b.nsPid)
    .map((p) => ({ p, user: users.userName(p.cred.uid) ?? String(p.cred.uid), ppid: nsOf.get(p.ppid) ?? 0 }));
}

export async function bbPs(ctx: ProgramContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  let custom: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a.startsWith('-o')) {
      const v = a === '-o' ? argv[++i] : a.slice(2);
      if (v === undefined) {
        await ctx.stderr.write('ps: option requires an argument -- o\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n');
        return 1;
      }
      custom = (custom ?? []).concat(v.split(/[ ,]+/).filter(Boolean));
      continue;
    }
    if (/^-[ATefwl]*$/.test(a) || /^[a-zA-Z]+$/.test(a)) continue; // accepted and ignored, as busybox does
    await ctx.stderr.write(`ps: unrecognized option: ${a.replace(/^-+/, '')[0]}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n`);
    return 1;
  }
  const cols: Col[] = [];
  for (const f of custom ?? ['pid', 'user', 'time', 'args']) {
    const [name, hdr] = f.split('=');
    const c = COLS[name.toLowerCase()];
    if (!c) {
      await ctx.stderr.write(`ps: bad -o argument '${name}', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rss,vsz,stat,time,tty\n`);
      return 1;
    }
    cols.push(hdr !== undefined ? { ...c, h: hdr } : c);
  }
  const now = ctx.sys.clock.now();
  const line = (vals: string[]) =>
    vals.map((v, i) => (i === vals.length - 1 ? v : cols[i].left ? v.padEnd(cols[i].w) : v.padStart(cols[i].w))).join(' ').trimEnd() + '\n';
  let out = line(cols.map((c, i) => (i === cols.length - 1 ? c.h : c.h.padEnd(c.w))));
  for (const r of table(ctx)) out += line(cols.map((c) => c.f(r.p, r.user, r.ppid, now)));
  await ctx.stdout.write(out);
  return 0;
}

/** One batch screen of BusyBox top (the real one refreshes until `q`; see README). */
export async function bbTop(ctx: ProgramContext): Promise<number> {
  const rows = table(ctx);
  const total = 8025424;
  const used = 1843212 + rows.length * 2048;
  const inv = ctx.stdout.isTTY ? ['\x1b[7m', '\x1b[m'] : ['', ''];
  const last = rows.reduce((m, r) => Math.max(m, r.p.nsPid), 0);
  let out =
    `Mem: ${used}K used, ${total - used}K free, 12345K shrd, 98304K buff, 1562860K cached\n` +
    'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n' +
    `Load average: 0.08 0.03 0.01 1/${rows.length} ${last}\n` +
    `${inv[0]}  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND${inv[1]}\n`;
  for (const { p, user, ppid } of rows) {
    const pct = `${Math.round((vsz(p) * 100) / total)}%`;
    out += `${String(p.nsPid).padStart(5)}${String(ppid).padStart(6)} ${user.slice(0, 8).padEnd(8)} ${statLetter(p).padEnd(4)}${String(vsz(p)).padStart(6)} ${pct.padStart(4)} ${String(p.pid % 4).padStart(3)} ${'0%'.padStart(4)} ${args(p)}\n`;
  }
  await ctx.stdout.write(out);
  return 0;
}
