/**
 * `top` from procps-ng 4 (Ubuntu 24.04's /usr/bin/top, and the ubuntu image's).
 *
 * Real concept: top samples /proc and prints a summary (uptime and load, task states, CPU split,
 * memory) above a table of processes sorted by %CPU. `-b` (batch) writes frames one after another
 * for a pipe or a file, `-n N` stops after N frames, `-d S` waits S seconds between them (3.0 by
 * default). Without -b it redraws the terminal until `q` or Ctrl-C.
 *
 * Simulated: the table comes from the kernel's process table as the caller's PID namespace sees
 * it (in a container, its own processes); %CPU is each process's CPU time (Kernel.account) over its
 * life, TIME+ that CPU time; memory figures are `free`'s. Interactive mode reads the terminal in its
 * line mode, so `q` takes effect with Enter (Ctrl-C works at once). Left out: the interactive
 * commands (sorting keys, `k`, `r`, fields), per-CPU lines, threads, -p/-u filters.
 */
import type { Proc } from '../process/kernel';
import type { ProgramContext } from '../process/types';
import { strftime } from './lib/date';
import { Io } from './lib/io';

/** `free`'s figures (KiB): total, used, free, shared, buff/cache, available; swap total. */
const MEM = { total: 8025424, used: 1843212, free: 4521048, cache: 1661164, avail: 5906520, swap: 2097148 };

/** Believable VIRT/RES/SHR (KiB) by program, plus what a process holds (sys.charge). */
function memoryOf(p: Proc): [number, number, number] {
  const name = p.info.argv[0] ?? '';
  const held = Math.floor(p.memory / 1024);
  if (name.endsWith('/sbin/init')) return [22108, 13028 + held, 9316];
  if (name.endsWith('dockerd')) return [1997156, 78432 + held, 51200];
  if (name.endsWith('containerd')) return [1870876, 48124 + held, 33280];
  if (name.includes('containerd-shim')) return [1238424, 12544 + held, 9472];
  return [8968, 5120 + held, 3584];
}

function time(ms: number): string {
  const cs = Math.floor(ms / 10);
  const m = Math.floor(cs / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${m}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

const f1 = (n: number, w: number) => n.toFixed(1).padStart(w);

export function topFrame(ctx: ProgramContext): string {
  const self = ctx.proc as Proc;
  const kernel = self.kernel;
  const now = ctx.sys.clock.now();
  const rows = kernel.visible(self.ctx.pidNs).filter((v) => v.proc.alive);
  const cpu = (p: Proc) => {
    const life = Math.max(1, now - p.info.startTime);
    return Math.min(100, (p.cpuMs / life) * 100);
  };
  const init = rows.find((r) => r.pid === 1);
  const secs = Math.max(0, Math.floor((now - (init?.proc.info.startTime ?? now - 3600_000)) / 1000));
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const up = h ? `${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${m} min`;
  const running = rows.filter((r) => r.proc.info.state === 'running' && (r.proc === self || cpu(r.proc) >= 1)).length;
  const stopped = rows.filter((r) => r.proc.info.state === 'stopped').length;
  const sleeping = rows.length - running - stopped;
  const busy = Math.min(100, rows.reduce((s, r) => s + cpu(r.proc), 0) / 2);
  const mib = (k: number) => f1(k / 1024, 8);
  let out =
    `top - ${strftime('%H:%M:%S', now)} up ${up},  1 user,  load average: 0.08, 0.03, 0.01\n` +
    `Tasks:${String(rows.length).padStart(4)} total,${String(running).padStart(4)} running,${String(sleeping).padStart(4)} sleeping,${String(stopped).padStart(4)} stopped,   0 zombie\n` +
    `%Cpu(s):${f1(busy * 0.9, 5)} us,${f1(busy * 0.1, 5)} sy,  0.0 ni,${f1(100 - busy, 5)} id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st\n` +
    `MiB Mem : ${mib(MEM.total)} total, ${mib(MEM.free)} free, ${mib(MEM.used)} used, ${mib(MEM.cache)} buff/cache\n` +
    `MiB Swap: ${mib(MEM.swap)} total, ${mib(MEM.swap)} free, ${mib(0)} used. ${mib(MEM.avail)} avail Mem\n\n` +
    '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n';
  const users = new Map<number, string>();
  try {
    for (const line of ctx.fs.readText('/etc/passwd').split('\n')) {
      const [name, , uid] = line.split(':');
      if (name && uid !== undefined && !users.has(Number(uid))) users.set(Number(uid), name);
    }
  } catch {
    /* no passwd: numeric users */
  }
  const sorted = [...rows].sort((a, b) => cpu(b.proc) - cpu(a.proc) || a.pid - b.pid);
  for (const { proc: p, pid } of sorted) {
    const [virt, res, shr] = memoryOf(p);
    const state = p.info.state === 'stopped' ? 'T' : p === self || cpu(p) >= 1 ? 'R' : 'S';
    let user = users.get(p.info.cred.uid) ?? String(p.info.cred.uid);
    if (user.length > 8) user = user.slice(0, 7) + '+';
    // /sbin/init is systemd on Ubuntu: the kernel's comm is the executable's name.
    const comm = p.info.argv[0] === '/sbin/init' && !p.ctx.container ? 'systemd' : (p.info.argv[0] ?? '').split('/').pop()!.replace(/^-/, '').slice(0, 15);
    out += `${String(pid).padStart(7)} ${user.padEnd(8)}  20   0 ${String(virt).padStart(7)} ${String(res).padStart(6)} ${String(shr).padStart(6)} ${state} ${f1(cpu(p), 5)} ${f1((res * 100) / MEM.total, 5)} ${time(p.cpuMs).padStart(9)} ${comm}\n`;
  }
  return out;
}

export async function top(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'top');
  const args = ctx.argv.slice(1);
  let batch = false;
  let frames = Infinity;
  let delay = 3;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = (flag: string) => (a.length > 2 ? a.slice(2) : args[++i]) ?? flag;
    if (a === '-b') batch = true;
    else if (a.startsWith('-n')) {
      const v = Number(val(''));
      if (!Number.isInteger(v) || v < 1) {
        await ctx.stderr.write(`top: bad iterations argument '${a.length > 2 ? a.slice(2) : args[i] ?? ''}'\n`);
        return 1;
      }
      frames = v;
    } else if (a.startsWith('-d')) {
      const v = Number(val(''));
      if (!(v >= 0)) {
        await ctx.stderr.write(`top: bad delay interval '${a.length > 2 ? a.slice(2) : args[i] ?? ''}'\n`);
        return 1;
      }
      delay = v;
    } else if (a === '-bn1' || a === '-b1') {
      batch = true;
      frames = 1;
    } else if (a === '-v' || a === '-V') {
      await io.out('top from procps-ng 4.0.4\n');
      return 0;
    } else {
      await ctx.stderr.write(`top: unknown option '${a.replace(/^-/, '')[0] ?? a}'\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [num]\n`);
      return 1;
    }
  }
  if (!batch && !ctx.stdout.isTTY) batch = true;
  let quit = false;
  if (!batch) {
    // The terminal stays in line mode for programs: `q` then Enter ends top.
    void (async () => {
      try {
        for (;;) {
          const chunk = await ctx.stdin.read(ctx.signal);
          if (!chunk || new TextDecoder().decode(chunk).includes('q')) {
            quit = true;
            return;
          }
        }
      } catch {
        /* top ended */
      }
    })();
  }
  for (let n = 0; n < frames && !quit; n++) {
    if (n > 0) {
      const until = ctx.sys.clock.now() + delay * 1000;
      while (!quit && ctx.sys.clock.now() < until) await ctx.sys.clock.sleep(Math.min(250, until - ctx.sys.clock.now()), ctx.signal);
      if (quit) break;
    }
    const frame = topFrame(ctx);
    await ctx.stdout.write(batch ? (n > 0 ? '\n' : '') + frame : '\x1b[H\x1b[2J' + frame);
  }
  return 0;
}
