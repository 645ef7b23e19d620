/**
 * The simulated kernel: one host process table with PID namespaces, signals and exec.
 *
 * Real concept: Linux keeps one task list; a PID namespace gives a container its own numbering
 * (its first process is PID 1 inside, some larger PID on the host). Signals have default actions
 * (terminate, stop, ignore) unless caught; the init process of a namespace ignores every signal it
 * has no handler for, except SIGKILL/SIGSTOP sent from an ancestor namespace — the reason
 * `docker stop` on a plain `sh` loop waits out its grace period and ends with 137.
 *
 * Simulated: a process is a record plus a running async TypeScript program. Killing it aborts its
 * AbortSignal; every wait in a program takes that signal, so termination always gets through.
 */
import type { Clock } from '../clock';
import type { Emitter } from '../events';
import type { Rng } from '../rng';
import { HOST_MEMORY, MAX_PROCESSES, MemoryCgroup, USER_MAX_PROCESSES } from './cgroup';
import type { CgroupWorld } from './sysfs';
import { FsError, X_OK, type Cred, type Fs } from '../../api/fs';
import { getProgram, markerProgram } from '../programs/registry';
import { PidNamespace, Proc, type ProcContext } from './proc';
import { guardReader, guardWriter } from './stream-guards';
import { systemFor } from './system-calls';
import {
  EpipeError,
  SIGNALS,
  Terminated,
  type ProcessInfo,
  type Program,
  type ProgramContext,
  type ReadStream,
  type SpawnOptions,
  type WriteStream,
} from './types';

/** Process slots only the host may use (see checkFork). */
const HOST_RESERVE = 128;

// The process record lives in proc.ts; the kernel's users import it from here as before.
export { PidNamespace, Proc, type ProcContext };

export interface KernelOptions {
  clock: Clock;
  rng: Rng;
  events?: Emitter;
}

export class Kernel {
  readonly rootNs = new PidNamespace();
  readonly procs = new Map<number, Proc>();
  readonly clock: Clock;
  readonly rng: Rng;
  private events?: Emitter;
  /** procfs/sysfs and namespace identities (set by the machine; nsenter, unshare and lsns use them). */
  procWorld?: CgroupWorld;
  /** The root memory cgroup: host processes and containers without `-m`. */
  readonly hostCgroup = new MemoryCgroup(HOST_MEMORY);

  constructor(opts: KernelOptions) {
    this.clock = opts.clock;
    this.rng = opts.rng;
    this.events = opts.events;
  }

  /** Host PID of a process (its number in the root namespace). */
  hostPid(p: Proc): number {
    return p.info.pid;
  }

  /** Register a process without running a program (systemd, dockerd, shims: they just exist). */
  addStatic(argv: string[], ctx: ProcContext, parent?: Proc, cred: Cred = { uid: 0, gid: 0, groups: [0] }): Proc {
    return this.create(argv, ctx, parent, cred);
  }

  private create(argv: string[], ctx: ProcContext, parent: Proc | undefined, cred: Cred, pgid?: number): Proc {
    const pid = this.rootNs.allocate();
    // A process has a PID in its own namespace and in every ancestor namespace; we record the
    // host PID and the PID in its own namespace (enough for `ps` inside and `docker top` outside).
    const nsPid = ctx.pidNs === this.rootNs ? pid : ctx.pidNs.allocate();
    const info: ProcessInfo = {
      pid,
      ppid: parent?.info.pid ?? 0,
      nsPid,
      argv: [...argv],
      cred: { ...cred, groups: [...cred.groups] },
      pgid: pgid ?? parent?.info.pgid ?? pid,
      sid: parent?.info.sid ?? pid,
      state: 'running',
      startTime: this.clock.now(),
      tty: parent?.info.tty,
    };
    const proc = new Proc(this, info, ctx, parent);
    if (ctx.cgroup) ctx.cgroup.pids++;
    this.rootNs.members.set(pid, proc);
    if (ctx.pidNs !== this.rootNs) ctx.pidNs.members.set(nsPid, proc);
    this.procs.set(pid, proc);
    parent?.children.add(proc);
    this.events?.emit({ type: 'process.spawned', pid, ppid: info.ppid, argv: info.argv, container: ctx.container });
    return proc;
  }

  /**
   * fork(2)'s resource checks: the machine's process table (threads-max), the container's pids
   * cgroup (--pids-limit) and the user's RLIMIT_NPROC on the host (root is exempt, as in Linux).
   * Failing any of them is EAGAIN, "Resource temporarily unavailable".
   */
  private checkFork(ctx: ProcContext, cred: Cred): void {
    if (this.forkLimitHit(ctx, cred)) throw new FsError('EAGAIN', 'fork', '');
  }

  /** The number of processes sharing the limit a fork would exceed, or 0 when it may go ahead. */
  private forkLimitHit(ctx: ProcContext, cred: Cred): number {
    // Containers leave the last slots to the host, so a fork bomb in a container without
    // --pids-limit still lets the learner start `docker kill` (a simulator choice: a real machine
    // would be as stuck as its container).
    if (this.procs.size >= MAX_PROCESSES - (ctx.container ? HOST_RESERVE : 0)) return this.procs.size;
    const cg = ctx.cgroup;
    if (cg && cg.pidsMax > 0 && cg.pids >= cg.pidsMax) return cg.pids;
    if (cred.uid !== 0 && !ctx.container) {
      let mine = 0;
      for (const p of this.procs.values()) if (p.info.cred.uid === cred.uid && !p.ctx.container) mine++;
      if (mine >= USER_MAX_PROCESSES) return mine;
    }
    return 0;
  }

  reap(p: Proc): void {
    if (p.ctx.cgroup) p.ctx.cgroup.pids--;
    this.cgroupOf(p).usage -= p.memory;
    p.memory = 0;
    this.procs.delete(p.info.pid);
    this.rootNs.members.delete(p.info.pid);
    if (p.ctx.pidNs !== this.rootNs) p.ctx.pidNs.members.delete(p.info.nsPid);
    p.parent?.children.delete(p);
    this.events?.emit({ type: 'process.exited', pid: p.info.pid, status: p.status ?? 0 });
    // When a namespace's init dies, the kernel kills everything else in that namespace.
    if (p.info.nsPid === 1 && p.ctx.pidNs !== this.rootNs) {
      for (const q of [...p.ctx.pidNs.members.values()]) q.terminate(128 + SIGNALS.SIGKILL);
    }
  }

  emitState(_p: Proc): void {
    /* hook for the process picture; container state changes are emitted by the daemon */
  }

  /** Find which program a file runs: a marker, or a `#!` interpreter line. */
  resolveExecutable(fs: Fs, path: string, argv: string[]): { program: Program; argv: string[]; path: string } {
    const st = fs.stat(path);
    if (st.kind === 'dir' || !fs.access(path, X_OK)) throw new FsError('EACCES', 'execve', path);
    const bytes = fs.readFile(path);
    const name = markerProgram(bytes);
    if (name !== undefined) {
      const program = getProgram(name) ?? notSimulated(name);
      return { program, argv, path };
    }
    if (bytes[0] === 0x23 && bytes[1] === 0x21) {
      let end = 2;
      while (end < bytes.length && bytes[end] !== 10) end++;
      const line = new TextDecoder().decode(bytes.subarray(2, end)).trim();
      const sp = line.search(/\s/);
      const interp = sp < 0 ? line : line.slice(0, sp);
      const arg = sp < 0 ? '' : line.slice(sp).trim();
      const newArgv = [interp, ...(arg ? [arg] : []), path, ...argv.slice(1)];
      const inner = this.resolveExecutable(fs, interp, newArgv);
      return inner;
    }
    throw new FsError('ENOEXEC', 'execve', path);
  }

  /**
   * Start a process. `parent` undefined means a process started by the machine itself (dockerd
   * starting a container's first process, or the terminal starting the login shell).
   */
  spawn(opts: SpawnOptions & { ctx?: ProcContext }, parent?: Proc): Proc {
    const ctx = opts.ctx ?? parent?.ctx;
    if (!ctx) throw new Error('spawn needs a context');
    const cred = opts.cred ?? parent?.info.cred ?? { uid: 0, gid: 0, groups: [0] };
    const fs = ctx.fsRoot.view(cred, opts.cwd);
    const path = opts.path ?? opts.argv[0];
    const exe = this.resolveExecutable(fs, path, opts.argv);
    if (parent) this.checkFork(ctx, cred);
    const proc = this.create(exe.argv, ctx, parent, cred, opts.newProcessGroup ? undefined : opts.pgid);
    if (opts.newProcessGroup) proc.info.pgid = opts.pgid ?? proc.info.pid;
    if (opts.newSession) this.newSession(proc, opts.stdin.isTTY);
    this.run(proc, exe.program, exe.argv, opts.env, fs, opts.stdin, opts.stdout, opts.stderr, exe.path);
    return proc;
  }

  private run(
    proc: Proc,
    program: Program,
    argv: string[],
    env: Record<string, string>,
    fs: Fs,
    stdin: ReadStream,
    stdout: WriteStream,
    stderr: WriteStream,
    exe?: string,
  ): void {
    const ctx: ProgramContext = {
      exe,
      argv,
      env: { ...env },
      fs: fs.withCaller?.(proc.info.pid) ?? fs,
      stdin: guardReader(proc, stdin),
      stdout: guardWriter(proc, stdout),
      stderr: guardWriter(proc, stderr),
      proc,
      sys: this.systemFor(proc),
      signal: proc.signal,
    };
    // Start on a microtask so the caller gets the Proc (and its PID) before any output.
    Promise.resolve()
      .then(() => program(ctx))
      .then(
        (status) => proc.exit(typeof status === 'number' ? status : 0),
        (err: unknown) => {
          if (!proc.alive) return;
          if (err instanceof Terminated) proc.exit(128 + err.signal);
          else if (err instanceof EpipeError) proc.exit(128 + SIGNALS.SIGPIPE);
          else if (err instanceof FsError && err.syscall === 'write') {
            // A write to a full disk (or past a size limit) that the program did not handle itself:
            // coreutils' write_error() wording, `head: write error: No space left on device`.
            void stderr.write(`${argv[0].split('/').pop()}: write error: ${err.message}\n`).catch(() => {});
            proc.exit(1);
          } else {
            const msg = err instanceof Error ? err.message : String(err);
            void stderr.write(`${argv[0]}: simulator error: ${msg}\n`).catch(() => {});
            proc.exit(1);
          }
        },
      );
  }

  private newSession(proc: Proc, onTty: boolean): void {
    proc.info.sid = proc.info.pgid = proc.info.pid;
    proc.info.tty = onTty ? `pts/${proc.ctx.pidNs.nextPty++}` : '?';
  }

  /** Run a program function directly as a new process (used by the machine for built-in services). */
  spawnProgram(program: Program, opts: SpawnOptions & { ctx: ProcContext }, parent?: Proc): Proc {
    const cred = opts.cred ?? parent?.info.cred ?? { uid: 0, gid: 0, groups: [0] };
    if (parent) this.checkFork(opts.ctx, cred);
    const proc = this.create(opts.argv, opts.ctx, parent, cred, opts.pgid);
    if (opts.newProcessGroup) proc.info.pgid = opts.pgid ?? proc.info.pid;
    if (opts.newSession) this.newSession(proc, opts.stdin.isTTY);
    const fs = opts.ctx.fsRoot.view(cred, opts.cwd);
    this.run(proc, program, opts.argv, opts.env, fs, opts.stdin, opts.stdout, opts.stderr);
    return proc;
  }

  /** Processes visible from `from`'s PID namespace, with PIDs as that namespace numbers them. */
  visible(from: PidNamespace): { proc: Proc; pid: number; ppid: number }[] {
    const out: { proc: Proc; pid: number; ppid: number }[] = [];
    for (const p of this.procs.values()) {
      if (!from.contains(p.ctx.pidNs)) continue;
      const pid = from === this.rootNs ? p.info.pid : p.ctx.pidNs === from ? p.info.nsPid : -1;
      if (pid < 0) continue;
      const parent = p.parent;
      const ppid = !parent ? 0 : from === this.rootNs ? parent.info.pid : parent.ctx.pidNs === from ? parent.info.nsPid : 0;
      out.push({ proc: p, pid, ppid });
    }
    return out.sort((a, b) => a.pid - b.pid);
  }

  /** Send a signal to a host PID from the machine (docker stop/kill go through here). */
  signalHost(pid: number, sig: number): boolean {
    const p = this.procs.get(pid);
    if (!p) return false;
    p.deliver(sig, true);
    return true;
  }

  signalGroup(pgid: number, sig: number): void {
    for (const p of [...this.procs.values()]) if (p.info.pgid === pgid) p.deliver(sig, true);
  }

  /**
   * A fork takes time. Here it is the moment the event loop gets back: without it, processes that
   * fork and exit at once (a fork bomb under dash or BusyBox, whose failed forks end the child at
   * once) would chain promise to promise forever and no keystroke, timer or `docker kill` would
   * ever run. In virtual time it costs more as the process table fills, as CPUs shared by more
   * runnable processes give each less time: nothing on a quiet machine, 128 ms among 2,048. A fork
   * that will fail for a limit costs a 10 ms scheduler quantum per two processes at that limit: they
   * are all runnable and share two CPUs. That keeps a fork bomb's churn (fail, exit, fork again) to
   * a pace a browser can simulate. In the browser, a macrotask turn.
   */
  async forkCost(p: Proc): Promise<void> {
    const crowd = this.forkLimitHit(p.ctx, p.info.cred);
    const ms = crowd ? crowd * 5 : Math.floor(this.procs.size / 16);
    await this.clock.sleep(this.clock.virtual ? ms : 0, p.signal);
  }

  /**
   * CPU accounting. A program that computes calls `sys.tick` every few hundred steps: in virtual
   * time each tick stands for a 10 ms slice on the CPU; in real time, the process ran since it last
   * got the CPU back. A process waiting on a read or a timer never ticks, so it uses no CPU, as a
   * sleeping process on Linux. The time goes to the process and to its cgroup (cpu.stat).
   */
  account(p: Proc): void {
    const now = this.clock.now();
    const ms = this.clock.virtual ? 10 : p.lastRun === undefined ? 0 : Math.min(100, Math.max(0, now - p.lastRun));
    p.cpuMs += ms;
    this.cgroupOf(p).chargeCpu(ms, now);
  }

  cgroupOf(p: Proc): MemoryCgroup {
    return p.ctx.cgroup ?? this.hostCgroup;
  }

  /** Charge memory to a process's cgroup; over the limit, the OOM killer picks its largest member. */
  charge(proc: Proc, bytes: number): void {
    if (!proc.alive) throw proc.signal.reason ?? new Terminated(9);
    const cg = this.cgroupOf(proc);
    const delta = Math.max(-proc.memory, bytes);
    proc.memory += delta;
    cg.usage += delta;
    if (cg.usage <= cg.oomAt) return;
    let victim = proc;
    for (const q of this.procs.values()) if (this.cgroupOf(q) === cg && q.memory > victim.memory) victim = q;
    cg.oomKills++;
    this.events?.emit({ type: 'process.oom', pid: victim.info.pid, container: victim.ctx.container });
    victim.terminate(128 + SIGNALS.SIGKILL);
    if (victim === proc) throw proc.signal.reason;
  }


  /** The system calls a program makes, bound to its process (system-calls.ts). */
  readonly systemFor = systemFor;
}

function notSimulated(name: string): Program {
  return async (ctx) => {
    await ctx.stderr.write(
      `${ctx.argv[0]}: '${name}' is not simulated yet in this Docker simulator; try it on a real Docker machine.\n`,
    );
    return 127;
  };
}
