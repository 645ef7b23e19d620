/**
 * `unshare` (util-linux 2.39): run a program in new namespaces.
 *
 * Real concept: unshare(2) moves the caller into fresh namespaces of the types asked for (root
 * only: CAP_SYS_ADMIN); a new PID namespace applies to children, so `--fork` runs the program as
 * its PID 1, and `--mount-proc` (which implies a new mount namespace) mounts a proc for it at
 * /proc, so `ps` there sees only the new namespace. A new UTS namespace starts as a copy of the
 * host name: `hostname x` inside it changes nothing outside. This is what container runtimes do,
 * one system call at a time.
 *
 * Simulated: a child process with a new PidNamespace, a copy of the UTS name, a copy of the mount
 * table (Vfs.clone) with a ProcFs for the new PID namespace, and fresh namespace keys for lsns and
 * /proc/<pid>/ns. `-p` always forks (without -f the real one leaves the caller outside and its
 * first child as PID 1). Left out: a new network namespace's own interfaces (-n only gives a new
 * identity), user namespaces (-U, -r), --propagation, --setgroups, time namespaces' offsets.
 */
import { PidNamespace, type Proc, type ProcContext } from '../process/kernel';
import type { ProgramContext } from '../process/types';
import type { BaseNsType } from '../process/namespaces';
import { ProcFs } from '../process/procfs';
import { Vfs } from '../fs/vfs';
import { Io, errText } from './lib/io';

const SHORT: Record<string, BaseNsType> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', C: 'cgroup', T: 'time' };
const LONG: Record<string, BaseNsType> = { mount: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', cgroup: 'cgroup', time: 'time' };

export async function unshare(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'unshare');
  const args = ctx.argv.slice(1);
  const types = new Set<BaseNsType>();
  let mountProc: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-V' || a === '--version') {
      await io.out('unshare from util-linux 2.39.3\n');
      return 0;
    }
    if (a.startsWith('--')) {
      const [name, val] = a.slice(2).split('=', 2);
      if (name === 'mount-proc') {
        mountProc = val ?? '/proc';
        types.add('mnt');
      } else if (LONG[name]) types.add(LONG[name]);
      else if (name === 'fork' || name === 'kill-child') continue;
      else if (name === 'user' || name === 'map-root-user') {
        await io.err('user namespaces are not simulated in this Docker simulator');
        return 1;
      } else return io.usage(`unrecognized option '${a}'`);
      continue;
    }
    for (const c of a.slice(1)) {
      if (SHORT[c]) types.add(SHORT[c]);
      else if (c === 'f') continue;
      else if (c === 'U' || c === 'r') {
        await io.err('user namespaces are not simulated in this Docker simulator');
        return 1;
      } else return io.usage(`invalid option -- '${c}'`);
    }
  }
  const self = ctx.proc as Proc;
  if (types.size && self.info.cred.uid !== 0) {
    await io.err('unshare failed: Operation not permitted');
    return 1;
  }
  const kernel = self.kernel;
  const world = kernel.procWorld;
  const base = self.ctx;
  const pidNs = types.has('pid') ? new PidNamespace(base.pidNs) : base.pidNs;
  let fsRoot = base.fsRoot;
  if (types.has('mnt') && base.fsRoot instanceof Vfs) {
    const v = base.fsRoot.clone();
    if (mountProc && world) {
      const root = world.cgroupNsRoot(self);
      v.mount(mountProc, new ProcFs(world, () => pidNs, () => root));
    }
    fsRoot = v;
  }
  const ns: NonNullable<ProcContext['ns']> = {};
  for (const t of ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as BaseNsType[]) {
    if (!world) break;
    ns[t] = types.has(t) ? world.ns.fresh(t) : world.ns.key(self, t);
  }
  const childCtx: ProcContext = {
    ...base,
    pidNs,
    fsRoot,
    uts: types.has('uts') ? { hostname: base.uts.hostname } : base.uts,
    ns: world ? ns : base.ns,
  };
  const program = args[i] ?? ctx.env.SHELL ?? '/bin/sh';
  const argv = args.length > i ? args.slice(i) : [program];
  const fs = fsRoot.view(self.info.cred, ctx.fs.cwd);
  const path = ctx.sys.which(program, ctx.env, fs);
  if (!path) {
    await io.err(`failed to execute ${program}: No such file or directory`);
    return 127;
  }
  try {
    await kernel.forkCost(self);
    const child = kernel.spawn({ argv, path, env: ctx.env, cwd: ctx.fs.cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, ctx: childCtx }, self);
    return await child.wait();
  } catch (e) {
    await io.err(`failed to execute ${program}: ${errText(e)}`);
    return 127;
  }
}
