/**
 * The system calls a program makes through `ctx.sys` (tick, spawn, fork, exec, kill, the process
 * list …), bound to its process. A function of the kernel (`this`), see kernel.ts.
 */
import type { Kernel } from './kernel';
import type { Proc } from './proc';
import { maybeYield } from './slice';
import { FsError, X_OK } from '../../api/fs';
import { guardReader, guardWriter } from './stream-guards';
import type { ChildProcess, ProcessApi, Program, ProgramContext, SpawnOptions, System } from './types';

export function systemFor(this: Kernel, proc: Proc): System & { fork(parent: ProcessApi, opts: Omit<SpawnOptions, 'path'>, body: Program): Promise<ChildProcess> } {
  const kernel = this;
  return {
    clock: this.clock,
    rng: this.rng,
    host: proc.ctx.host,
    async tick(signal) {
      // Virtual time: a fixed 10 ms per tick keeps runs reproducible. Real time: yield only when
      // this slice of work is used up, through a fast macrotask (slice.ts says why).
      kernel.account(proc);
      const cpus = kernel.cgroupOf(proc).cpus;
      if (kernel.clock.virtual) await kernel.clock.sleep(cpus > 0 && cpus < 1 ? Math.round(10 / cpus) : 10, signal);
      else await maybeYield();
      proc.lastRun = kernel.clock.now();
      if (signal.aborted) throw signal.reason;
      await proc.checkpoint();
    },
    hostname: () => proc.ctx.uts.hostname,
    charge: (bytes) => kernel.charge(proc, bytes),
    net: proc.ctx.netns?.api(() => proc.ctx.fsRoot.view(proc.info.cred, '/')),
    which(name, env, fs) {
      if (name.includes('/')) return fs.exists(name) ? name : undefined;
      const path = env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
      for (const dir of path.split(':')) {
        const full = (dir || '.') + '/' + name;
        try {
          const st = fs.stat(full);
          if (st.kind !== 'dir' && fs.access(full, X_OK)) return full;
        } catch {
          /* not here */
        }
      }
      return undefined;
    },
    async spawn(opts): Promise<ChildProcess> {
      await kernel.forkCost(proc);
      const child = kernel.spawn(opts, proc);
      return {
        pid: child.ctx.pidNs === proc.ctx.pidNs ? child.info.nsPid : child.info.pid,
        wait: () => child.wait(),
        killedBy: () => child.killedBy,
        kill: (sig) => child.deliver(sig, false),
      };
    },
    /** fork(2) without exec: run a closure (a subshell, a pipeline stage) as a new child process. */
    async fork(parent: ProcessApi, opts: Omit<SpawnOptions, 'path'>, body: Program): Promise<ChildProcess> {
      const p = parent as Proc;
      await kernel.forkCost(p);
      const child = kernel.spawnProgram(body, { ...opts, ctx: p.ctx, cred: p.info.cred }, p);
      return {
        pid: child.ctx.pidNs === kernel.rootNs ? child.info.pid : child.info.nsPid,
        wait: () => child.wait(),
        killedBy: () => child.killedBy,
        kill: (sig) => child.deliver(sig, false),
      };
    },
    async exec(self, opts) {
      const p = self as Proc;
      const cred = opts.cred ?? p.info.cred;
      const fs = p.ctx.fsRoot.view(cred, opts.cwd);
      const exe = kernel.resolveExecutable(fs, opts.path ?? opts.argv[0], opts.argv);
      p.setArgv(exe.argv);
      if (opts.cred) p.info.cred = { ...cred };
      const ctx: ProgramContext = {
        exe: exe.path,
        argv: exe.argv,
        env: { ...opts.env },
        fs: fs.withCaller?.(p.info.pid) ?? fs,
        stdin: guardReader(p, opts.stdin!),
        stdout: guardWriter(p, opts.stdout!),
        stderr: guardWriter(p, opts.stderr!),
        proc: p,
        sys: kernel.systemFor(p),
        signal: p.signal,
      };
      return exe.program(ctx);
    },
    kill(pid, sig, from) {
      const me = from as Proc;
      const ns = me.ctx.pidNs;
      const target = ns === kernel.rootNs ? kernel.procs.get(pid) : ns.members.get(pid);
      if (!target || !target.alive) throw new FsError('ENOENT', 'kill', String(pid));
      if (me.info.cred.uid !== 0 && me.info.cred.uid !== target.info.cred.uid) throw new FsError('EPERM', 'kill', String(pid));
      if (sig === 0) return;
      target.deliver(sig, target.ctx.pidNs !== ns && ns.contains(target.ctx.pidNs));
    },
    processes(from) {
      const me = from as Proc;
      return kernel.visible(me.ctx.pidNs).map(({ proc: p, pid, ppid }) => ({ ...p.info, pid, ppid, nsPid: pid }));
    },
  };
}
