/**
 * `nsenter` (util-linux 2.39): run a program in the namespaces of another process.
 *
 * Real concept: nsenter opens `/proc/<pid>/ns/<type>` for each namespace asked for (in the order
 * user, cgroup, ipc, uts, net, pid, mnt, time), calls setns(2) on each, forks when it entered a
 * PID namespace (only children enter it) and execs the program, by default `$SHELL` or /bin/sh.
 * Opening another user's namespace needs ptrace access and setns needs CAP_SYS_ADMIN, so the
 * learner runs it with sudo: `sudo nsenter -t <pid> -m -u -i -n -p sh` is a `docker exec` without
 * Docker. Entering a mount namespace moves the root and working directory to that namespace's
 * root, so the program comes from the container's image.
 *
 * Simulated: the child gets a process context made of the target's namespaces for the types
 * entered and the caller's for the rest; it stays in the caller's cgroup (nsenter does not move
 * cgroups), so `docker top` does not list it. Left out: -r/-w with a directory, -S/-G, -U user
 * namespaces (there are none besides the host's), -Z, --preserve-credentials.
 */
import type { Proc, ProcContext } from '../process/kernel';
import type { ProgramContext } from '../process/types';
import { BASE_NS_TYPES, type BaseNsType } from '../process/namespaces';
import { isFsError } from '../../api/fs';
import { Io, errText } from './lib/io';
import { UTIL_LINUX, utilLinuxUsageTail, type OptSpec } from './lib/opts';
import { execInContext } from './lib/ns-exec';

/** namespace_files[] order in nsenter.c. */
const ORDER: Array<[BaseNsType, string]> = [['user', 'ns/user'], ['cgroup', 'ns/cgroup'], ['ipc', 'ns/ipc'], ['uts', 'ns/uts'], ['net', 'ns/net'], ['pid', 'ns/pid'], ['mnt', 'ns/mnt'], ['time', 'ns/time']];

const FLAGS: Record<string, BaseNsType> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', C: 'cgroup', U: 'user', T: 'time' };
/** What -a enters: every namespace but the user one (entering your own user namespace fails). */
const ALL: BaseNsType[] = ['cgroup', 'ipc', 'uts', 'net', 'pid', 'mnt', 'time'];

/**
 * nsenter.c's getopt_long table ("+ahVt:m::u::i::n::p::C::U::T::S:G:r::w::W::eFZ"), less what is
 * left out. The real namespace letters take an optional namespace file (`-m/proc/1/ns/mnt`);
 * namespace files are not simulated, so here they are plain flags and cluster (`-mu`), and the
 * file given to a long one (`--mount=FILE`) is ignored. -F, -r and -w are accepted and do nothing.
 */
const OPTIONS: OptSpec = {
  short: 'at:muinpCUTFr::w::',
  long: {
    all: 'a', target: 't=', mount: 'm=?', uts: 'u=?', ipc: 'i=?', net: 'n=?', pid: 'p=?', cgroup: 'C=?', user: 'U=?', time: 'T=?',
    root: 'r=?', wd: 'w=?', 'no-fork': 'F', 'preserve-credentials': 'preserve-credentials',
  },
  stopAtOperand: true,
  helpLetters: true,
};

const USAGE = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace
 -S, --setuid[=<uid>]   set uid in entered namespace
 -G, --setgid[=<gid>]   set gid in entered namespace
     --preserve-credentials do not touch uids or gids
 -r, --root[=<dir>]     set the root directory
 -w, --wd[=<dir>]       set the working directory
 -W, --wdns <dir>       set the working directory in namespace
 -F, --no-fork          do not fork before exec'ing <program>

${utilLinuxUsageTail('nsenter', 24)}`;

export async function nsenter(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'nsenter', UTIL_LINUX);
  const p = await io.parse(OPTIONS, USAGE);
  if (typeof p === 'number') return p;
  const entered = new Set<BaseNsType>();
  for (const [key] of p.order) {
    if (key === 'a') for (const t of ALL) entered.add(t);
    else if (FLAGS[key]) entered.add(FLAGS[key]);
  }
  const pid = p.get('t');
  if (pid !== undefined && !/^\d+$/.test(pid)) {
    await io.err(`failed to parse pid: '${pid}'`);
    return 1;
  }
  const target = pid === undefined ? undefined : Number(pid);
  const argv = p.operands;
  const self = ctx.proc as Proc;
  const kernel = self.kernel;
  const table = kernel.procWorld?.ns;
  let targetProc: Proc | undefined;
  for (const [type, name] of ORDER) {
    if (!entered.has(type)) continue;
    if (target === undefined) {
      await io.err(`neither filename nor target pid supplied for ${name}`);
      return 1;
    }
    const path = `/proc/${target}/${name}`;
    try {
      ctx.fs.readlink(path);
      const st = ctx.fs.stat(`/proc/${target}`);
      // Opening another user's namespace file needs ptrace access (root, or the same user).
      if (self.info.cred.uid !== 0 && st.uid !== self.info.cred.uid) {
        await io.err(`cannot open ${path}: Permission denied`);
        return 1;
      }
    } catch (e) {
      await io.err(`cannot open ${path}: ${isFsError(e) ? errText(e) : 'No such file or directory'}`);
      return 1;
    }
  }
  for (const [type, name] of ORDER) {
    if (!entered.has(type)) continue;
    // setns(2) needs CAP_SYS_ADMIN.
    if (self.info.cred.uid !== 0) {
      await io.err(`reassociate to namespace '${name}' failed: Operation not permitted`);
      return 1;
    }
  }
  if (target !== undefined && entered.size) {
    const ns = self.ctx.pidNs;
    targetProc = ns === kernel.rootNs ? kernel.procs.get(target) : ns.members.get(target);
  }
  const base = self.ctx;
  const tc = targetProc?.ctx;
  const childCtx: ProcContext = tc && table
    ? {
        ...base,
        pidNs: entered.has('pid') ? tc.pidNs : base.pidNs,
        uts: entered.has('uts') ? tc.uts : base.uts,
        fsRoot: entered.has('mnt') ? tc.fsRoot : base.fsRoot,
        netns: entered.has('net') ? tc.netns : base.netns,
        container: undefined,
        ns: Object.fromEntries(BASE_NS_TYPES.map((t) => [t, table.key(entered.has(t) ? targetProc! : self, t)])),
      }
    : base;
  const cwd = entered.has('mnt') ? '/' : ctx.fs.cwd;
  const shell = ctx.env.SHELL || '/bin/sh';
  const program = argv.length ? argv[0] : shell;
  const childArgv = argv.length ? argv : ['-' + shell.split('/').pop()];
  return execInContext(io, program, childArgv, childCtx, cwd);
}
