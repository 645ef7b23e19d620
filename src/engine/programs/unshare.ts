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
import { BASE_NS_TYPES, type BaseNsType } from '../process/namespaces';
import { ProcFs } from '../process/procfs';
import { Vfs } from '../fs/vfs';
import { Io } from './lib/io';
import { UTIL_LINUX, utilLinuxUsageTail, type OptSpec } from './lib/opts';
import { execInContext } from './lib/ns-exec';

const FLAGS: Record<string, BaseNsType> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', C: 'cgroup', T: 'time' };

/**
 * unshare.c's getopt_long table ("+fhVmuinpCTUrR:w:S:G:c"), less what is left out: what is not
 * here is an unrecognized option, as before. A namespace file given to a long one
 * (`--uts=FILE`, to keep the namespace) is ignored; -U and -r are read only to say that user
 * namespaces are not simulated.
 */
const OPTIONS: OptSpec = {
  short: 'fmuinpCTUr',
  long: {
    mount: 'm=?', uts: 'u=?', ipc: 'i=?', net: 'n=?', pid: 'p=?', cgroup: 'C=?', time: 'T=?', user: 'U=?',
    fork: 'f', 'kill-child': 'kill-child=?', 'mount-proc': 'mount-proc=?', 'map-root-user': 'r',
  },
  stopAtOperand: true,
  helpLetters: true,
};

/** usage() in unshare.c (util-linux 2.39). */
const USAGE = `
Usage:
 unshare [options] [<program> [<argument>...]]

Run a program with some namespaces unshared from the parent.

Options:
 -m, --mount[=<file>]      unshare mounts namespace
 -u, --uts[=<file>]        unshare UTS namespace (hostname etc)
 -i, --ipc[=<file>]        unshare System V IPC namespace
 -n, --net[=<file>]        unshare network namespace
 -p, --pid[=<file>]        unshare pid namespace
 -U, --user[=<file>]       unshare user namespace
 -C, --cgroup[=<file>]     unshare cgroup namespace
 -T, --time[=<file>]       unshare time namespace

 -f, --fork                fork before launching <program>
 --map-user=<uid>|<name>   map current user to uid (implies --user)
 --map-group=<gid>|<name>  map current group to gid (implies --user)
 -r, --map-root-user       map current user to root (implies --user)
 -c, --map-current-user    map current user to itself (implies --user)
 --map-auto                map users and groups automatically (implies --user)
 --map-users=<inneruid>:<outeruid>:<count>
                           map count users from outeruid to inneruid (implies --user)
 --map-groups=<innergid>:<outergid>:<count>
                           map count groups from outergid to innergid (implies --user)

 --kill-child[=<signame>]  when dying, kill the forked child (implies --fork)
                             defaults to SIGKILL
 --mount-proc[=<dir>]      mount proc filesystem first (implies --mount)
 --propagation slave|shared|private|unchanged
                           modify mount propagation in mount namespace
 --setgroups allow|deny    control the setgroups syscall in user namespaces
 --keep-caps               retain capabilities granted in user namespaces

 -R, --root=<dir>          run the command with root directory set to <dir>
 -w, --wd=<dir>            change working directory to <dir>
 -S, --setuid <uid>        set uid in entered namespace
 -G, --setgid <gid>        set gid in entered namespace
 --monotonic <offset>      set clock monotonic offset (seconds) in time namespaces
 --boottime <offset>       set clock boottime offset (seconds) in time namespaces

${utilLinuxUsageTail('unshare', 27)}`;

export async function unshare(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'unshare', UTIL_LINUX);
  const p = await io.parse(OPTIONS, USAGE);
  if (typeof p === 'number') return p;
  if (p.has('U') || p.has('r')) {
    await io.err('user namespaces are not simulated in this Docker simulator');
    return 1;
  }
  const types = new Set<BaseNsType>();
  for (const [key] of p.order) if (FLAGS[key]) types.add(FLAGS[key]);
  const mountProc = p.has('mount-proc') ? p.get('mount-proc') || '/proc' : undefined;
  if (mountProc) types.add('mnt');
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
  for (const t of BASE_NS_TYPES) {
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
  const program = p.operands[0] ?? ctx.env.SHELL ?? '/bin/sh';
  const argv = p.operands.length ? p.operands : [program];
  return execInContext(io, program, argv, childCtx, ctx.fs.cwd);
}
