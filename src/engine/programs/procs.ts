/**
 * ps and kill in procps-ng's formats (Ubuntu's /usr/bin/ps and /usr/bin/kill). The table comes
 * from sys.processes(proc), i.e. as the caller's PID namespace sees it, so in a container PID 1 is
 * its first process. Approximated: CPU and memory figures (fixed small values), TTY (pts/0 for
 * the caller's session, `?` otherwise), BSD option combinations beyond `aux`.
 */
import type { ProcessInfo, ProgramContext } from '../process/types';
import { SIGNALS, signalName, signalNumber } from '../process/types';
import { Io, Users } from './lib/io';
import { strftime } from './lib/date';
import { maxOf } from '../../lib/arrays';

const SIGLIST = 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS';

export async function kill(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'kill');
  const args = ctx.argv.slice(1);
  let sig: number = SIGNALS.SIGTERM;
  if (args[0] === '-l' || args[0] === '-L' || args[0] === '--list') {
    if (args[1]) {
      const n = Number(args[1]);
      const name = Number.isInteger(n) ? signalName(n > 128 ? n - 128 : n) : undefined;
      if (name) await io.out(name.slice(3) + '\n');
      else if (signalNumber(args[1]) !== undefined) await io.out(signalNumber(args[1]) + '\n');
      else {
        await io.err(`unknown signal name ${args[1]}`);
        return 1;
      }
      return 0;
    }
    await io.out(SIGLIST + '\n');
    return 0;
  }
  if (args[0] === '-s' || args[0] === '--signal') {
    const n = args[1] !== undefined ? signalNumber(args[1]) : undefined;
    if (n === undefined) {
      await io.err(`unknown signal name ${args[1] ?? ''}`.trimEnd());
      return 1;
    }
    sig = n;
    args.splice(0, 2);
  } else if (args[0] && /^-\w+$/.test(args[0]) && args[0] !== '--') {
    const n = signalNumber(args[0].slice(1));
    if (n === undefined) {
      await io.err(`unknown signal name ${args[0].slice(1)}`);
      return 1;
    }
    sig = n;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (!args.length) {
    await ctx.stderr.write('\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n <pid> [...]            send signal to every <pid> listed\n -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n -l, --list=[<signal>]  list all signal names, or convert one to a name\n');
    return 1;
  }
  let status = 0;
  for (const a of args) {
    if (!/^-?\d+$/.test(a)) {
      await io.err(`cannot find process "${a}"`);
      status = 1;
      continue;
    }
    try {
      ctx.sys.kill(Number(a), sig, ctx.proc);
    } catch (e) {
      const msg = e instanceof Error && /permit|EPERM/i.test(e.message + String((e as { code?: string }).code)) ? 'Operation not permitted' : 'No such process';
      await io.err(`(${a}): ${msg}`);
      status = 1;
    }
  }
  return status;
}

const STATE: Record<ProcessInfo['state'], string> = { running: 'R', sleeping: 'S', stopped: 'T', zombie: 'Z' };

interface Row {
  p: ProcessInfo;
  user: string;
  tty: string;
}

function comm(p: ProcessInfo): string {
  const a = p.argv[0] ?? '';
  return a.replace(/^-/, '').split('/').pop()!.slice(0, 15);
}
function args(p: ProcessInfo): string {
  return p.state === 'zombie' ? `[${comm(p)}] <defunct>` : p.argv.join(' ');
}
function cputime(p: ProcessInfo, now: number): number {
  // A believable CPU time: a thousandth of the wall time the process has lived.
  return Math.floor((now - p.startTime) / 1000 / 1000);
}
function hms(s: number): string {
  const d = Math.floor(s / 86400);
  const t = `${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return d ? `${d}-${t}` : t;
}
function etime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return d ? `${d}-${String(h).padStart(2, '0')}:${mmss}` : h ? `${String(h).padStart(2, '0')}:${mmss}` : mmss;
}

const COLS: Record<string, { h: string; w: number; left?: boolean; f: (r: Row, now: number) => string }> = {
  pid: { h: 'PID', w: 7, f: (r) => String(r.p.nsPid) },
  ppid: { h: 'PPID', w: 7, f: (r) => String(r.p.ppid) },
  pgid: { h: 'PGID', w: 7, f: (r) => String(r.p.pgid) },
  sid: { h: 'SID', w: 7, f: (r) => String(r.p.sid) },
  uid: { h: 'UID', w: 5, f: (r) => String(r.p.cred.uid) },
  user: { h: 'USER', w: 8, left: true, f: (r) => r.user },
  comm: { h: 'COMMAND', w: 15, left: true, f: (r) => comm(r.p) },
  args: { h: 'COMMAND', w: 27, left: true, f: (r) => args(r.p) },
  cmd: { h: 'CMD', w: 27, left: true, f: (r) => args(r.p) },
  stat: { h: 'STAT', w: 4, left: true, f: (r) => STATE[r.p.state] + (r.p.pid === r.p.sid ? 's' : '') },
  s: { h: 'S', w: 1, f: (r) => STATE[r.p.state] },
  tty: { h: 'TT', w: 8, left: true, f: (r) => r.tty },
  time: { h: 'TIME', w: 8, f: (r, now) => hms(cputime(r.p, now)) },
  etime: { h: 'ELAPSED', w: 11, f: (r, now) => etime(now - r.p.startTime) },
  '%cpu': { h: '%CPU', w: 4, f: () => '0.0' },
  '%mem': { h: '%MEM', w: 4, f: () => '0.1' },
  rss: { h: 'RSS', w: 5, f: (r) => String(2048 + (r.p.pid % 7) * 512) },
  vsz: { h: 'VSZ', w: 6, f: (r) => String(8192 + (r.p.pid % 5) * 1024) },
};
const ALIASES: Record<string, string> = { command: 'args', ucmd: 'comm', cputime: 'time', pcpu: '%cpu', pmem: '%mem', euser: 'user', tname: 'tty', tt: 'tty', state: 's' };

export async function ps(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'ps');
  const argv = ctx.argv.slice(1);
  const now = ctx.sys.clock.now();
  const users = new Users(ctx.fs);
  const me = ctx.proc.info;
  const all = ctx.sys.processes(ctx.proc);
  let bsd = false;
  let everyone = false;
  let full = false;
  let fields: string[] | undefined;
  let pids: number[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (/^[a-zA-Z]+$/.test(a)) {
      bsd = true;
      if (a.includes('a') || a.includes('x')) everyone = true;
      continue;
    }
    if (a === '-o' || a === 'o' || a === '--format') {
      const v = argv[++i];
      if (v === undefined) {
        await io.err('option -o requires an argument');
        return 1;
      }
      fields = (fields ?? []).concat(v.split(/[ ,]+/).filter(Boolean));
      continue;
    }
    if (a.startsWith('-o')) {
      fields = (fields ?? []).concat(a.slice(2).split(','));
      continue;
    }
    if (/^-[eAfFly]+$/.test(a)) {
      if (/[eA]/.test(a)) everyone = true;
      if (/[fF]/.test(a)) full = true;
      continue;
    }
    if (a === '-p' || a === '--pid' || /^-p\d/.test(a) || a.startsWith('--pid=')) {
      const v = a === '-p' || a === '--pid' ? argv[++i] : a.replace(/^(-p|--pid=)/, '');
      if (v === undefined) {
        await io.err('option -p requires an argument');
        return 1;
      }
      pids = (pids ?? []).concat(v.split(/[ ,]+/).filter(Boolean).map(Number));
      everyone = true;
      continue;
    }
    await ctx.stderr.write(`error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
    return 1;
  }
  let procs = all.filter((p) => p.state !== 'zombie' || everyone);
  if (pids) procs = procs.filter((p) => pids!.includes(p.nsPid));
  if (!everyone) procs = procs.filter((p) => (me.tty ? p.tty === me.tty : p.sid === me.sid) && p.cred.uid === me.cred.uid);
  procs.sort((a, b) => a.nsPid - b.nsPid);
  const rows: Row[] = procs.map((p) => ({ p, user: users.userName(p.cred.uid) ?? String(p.cred.uid), tty: p.tty ?? (p.sid === me.sid ? 'pts/0' : '?') }));
  let out = '';
  if (fields) {
    const cols = fields.map((f) => {
      const [name, hdr] = f.split('=');
      const c = COLS[ALIASES[name.toLowerCase()] ?? name.toLowerCase()];
      return c ? { ...c, h: hdr ?? c.h } : undefined;
    });
    const bad = fields.find((_, i) => !cols[i]);
    if (bad) {
      await ctx.stderr.write(`error: unknown user-defined format specifier "${bad}"\n`);
      return 1;
    }
    const cs = cols as NonNullable<(typeof cols)[0]>[];
    const cells = rows.map((r) => cs.map((c) => c.f(r, now)));
    const widths = cs.map((c, i) => (i === cs.length - 1 && c.left ? 0 : maxOf(cells.map((row) => row[i].length), Math.max(c.w, c.h.length))));
    const line = (vals: string[]) => vals.map((v, i) => (cs[i].left ? (i === cs.length - 1 ? v : v.padEnd(widths[i])) : v.padStart(widths[i]))).join(' ').trimEnd() + '\n';
    out += line(cs.map((c) => c.h));
    for (const c of cells) out += line(c);
  } else if (bsd && everyone) {
    out += 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const r of rows) {
      const t = cputime(r.p, now);
      out += `${r.user.slice(0, 8).padEnd(8)} ${String(r.p.nsPid).padStart(7)}  0.0  0.1 ${COLS.vsz.f(r, now).padStart(6)} ${COLS.rss.f(r, now).padStart(5)} ${r.tty.padEnd(8)} ${COLS.stat.f(r, now).padEnd(4)} ${strftime('%H:%M', r.p.startTime)} ${`${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`.padStart(6)} ${args(r.p)}\n`;
    }
  } else if (full) {
    out += 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
    for (const r of rows) out += `${r.user.slice(0, 8).padEnd(8)} ${String(r.p.nsPid).padStart(7)} ${String(r.p.ppid).padStart(7)}  0 ${strftime('%H:%M', r.p.startTime)} ${r.tty.padEnd(8)} ${hms(cputime(r.p, now))} ${args(r.p)}\n`;
  } else {
    out += '    PID TTY          TIME CMD\n';
    for (const r of rows) out += `${String(r.p.nsPid).padStart(7)} ${r.tty.padEnd(8)} ${hms(cputime(r.p, now))} ${comm(r.p)}\n`;
  }
  await io.out(out);
  return 0;
}
