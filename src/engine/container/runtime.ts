/**
 * Starting a container's first process: what containerd and runc do.
 *
 * Real concept: runc creates the namespaces (pid, uts, mnt, net, ipc), pivots into the container's
 * root filesystem, switches to the configured user and execs the entrypoint+cmd, failing with an
 * "OCI runtime create failed" error when the program cannot be found or executed.
 * Simulated: a new PID namespace and UTS name, the container's union filesystem as the mount
 * namespace, and the kernel's exec, with runc's error texts. The docker CLI maps those texts to
 * exit codes 127/126 (cli-errors.md §1).
 */
import { isFsError, type Cred, type Fs } from '../../api/fs';
import type { Kernel, Proc, ProcContext } from '../process/kernel';
import { PidNamespace } from '../process/kernel';
import type { MemoryCgroup } from '../process/cgroup';
import type { NetNamespace } from '../network/stack';
import { dockerInit } from '../programs/docker-init';
import type { ReadStream, WriteStream } from '../process/types';

/**
 * The runtime could not start the process. `exitCode` is what the container's state records, as
 * moby's translateContainerdStartErr sets it: 127 no such executable, 126 not executable, else 128.
 */
export class RuntimeError extends Error {
  constructor(message: string, readonly exitCode = 128) {
    super(message);
    this.name = 'RuntimeError';
  }
}

const OCI = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init:';

export interface StartSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  user: string;
  hostname: string;
  containerId: string;
  fsRoot: ProcContext['fsRoot'];
  stdin: ReadStream;
  stdout: WriteStream;
  stderr: WriteStream;
  pidNs?: PidNamespace;
  cgroup?: MemoryCgroup;
  /** --init: run Docker's tini (/sbin/docker-init) as PID 1 with the command as its child. */
  init?: boolean;
  netns?: NetNamespace;
}

/** Resolve `--user` / USER (name, uid, name:group, uid:gid) against the container's own files. */
export function resolveUser(fs: Fs, user: string): Cred {
  if (!user) return { uid: 0, gid: 0, groups: [0] };
  const [u, g] = user.split(':');
  const passwd = readTable(fs, '/etc/passwd');
  const groups = readTable(fs, '/etc/group');
  let uid: number;
  let gid: number | undefined;
  if (/^\d+$/.test(u)) {
    uid = Number(u);
    const row = passwd.find((r) => Number(r[2]) === uid);
    gid = row ? Number(row[3]) : 0;
  } else {
    const row = passwd.find((r) => r[0] === u);
    if (!row) throw new RuntimeError(`unable to find user ${u}: no matching entries in passwd file`);
    uid = Number(row[2]);
    gid = Number(row[3]);
  }
  if (g !== undefined) {
    if (/^\d+$/.test(g)) gid = Number(g);
    else {
      const row = groups.find((r) => r[0] === g);
      if (!row) throw new RuntimeError(`unable to find group ${g}: no matching entries in group file`);
      gid = Number(row[2]);
    }
  }
  const name = passwd.find((r) => Number(r[2]) === uid)?.[0];
  const extra = name ? groups.filter((r) => (r[3] ?? '').split(',').includes(name)).map((r) => Number(r[2])) : [];
  return { uid, gid: gid ?? 0, groups: [gid ?? 0, ...extra] };
}

function readTable(fs: Fs, path: string): string[][] {
  try {
    return fs
      .readText(path)
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** Start the container's first process (PID 1 in a new PID namespace) under `shim`. */
export function startInit(kernel: Kernel, spec: StartSpec, shim: Proc | undefined): Proc {
  if (spec.argv.length === 0) throw new RuntimeError('no command specified');
  const rootView = spec.fsRoot.view({ uid: 0, gid: 0, groups: [0] }, '/');
  const cred = resolveUser(rootView, spec.user);
  spec = { ...spec, env: withHome(spec.env, rootView, cred.uid) };
  const fs = spec.fsRoot.view(cred, '/');
  try {
    const st = fs.stat(spec.cwd);
    if (st.kind !== 'dir') throw new RuntimeError(`${OCI} chdir to cwd ("${spec.cwd}") set in config.json failed: not a directory: unknown`);
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    // runc creates a missing working directory
    rootView.mkdir(spec.cwd, { recursive: true });
  }
  const sys = kernel.systemFor(shim ?? [...kernel.procs.values()][0]);
  const cmd = spec.argv[0];
  const ctx: ProcContext = {
    pidNs: spec.pidNs ?? new PidNamespace(kernel.rootNs),
    uts: { hostname: spec.hostname },
    fsRoot: spec.fsRoot,
    container: spec.containerId,
    cgroup: spec.cgroup,
    netns: spec.netns,
  };
  if (spec.init) {
    // tini itself reports a command it cannot exec, after the container has started.
    const argv = ['/sbin/docker-init', '--', ...spec.argv];
    return kernel.spawnProgram(dockerInit, { argv, env: spec.env, cwd: spec.cwd, stdin: spec.stdin, stdout: spec.stdout, stderr: spec.stderr, cred, ctx, newProcessGroup: true, newSession: true }, shim);
  }
  const path = sys.which(cmd, spec.env, fs.withCwd(spec.cwd));
  if (!path) {
    if (cmd.includes('/')) throw new RuntimeError(`${OCI} exec: "${cmd}": stat ${cmd}: no such file or directory: unknown`, 127);
    throw new RuntimeError(`${OCI} exec: "${cmd}": executable file not found in $PATH: unknown`, 127);
  }
  try {
    return kernel.spawn(
      { argv: spec.argv, path, env: spec.env, cwd: spec.cwd, stdin: spec.stdin, stdout: spec.stdout, stderr: spec.stderr, cred, ctx, newProcessGroup: true, newSession: true },
      shim,
    );
  } catch (e) {
    if (isFsError(e, 'EACCES')) throw new RuntimeError(`${OCI} exec: "${cmd}": permission denied: unknown`, 126);
    if (isFsError(e, 'ENOEXEC')) {
      // runc 1.2+ execs the process after the container has started: a script without a `#!`
      // line fails there, runc init says so on the container's stderr and exits 255.
      const failed = async (c: { stderr: WriteStream }) => {
        await c.stderr.write(`exec ${path}: exec format error\n`).catch(() => {});
        return 255;
      };
      return kernel.spawnProgram(failed, { argv: spec.argv, env: spec.env, cwd: spec.cwd, stdin: spec.stdin, stdout: spec.stdout, stderr: spec.stderr, cred, ctx, newProcessGroup: true, newSession: true }, shim);
    }
    if (isFsError(e, 'ENOENT')) throw new RuntimeError(`${OCI} exec: "${cmd}": stat ${cmd}: no such file or directory: unknown`, 127);
    // The machine's process table is full (a fork bomb elsewhere): runc cannot clone the process.
    if (isFsError(e, 'EAGAIN')) throw new RuntimeError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: fork/exec /proc/self/exe: resource temporarily unavailable: unknown`);
    throw e;
  }
}

/**
 * The environment of a container's process, in the order `env` shows it: Docker's PATH and
 * HOSTNAME (and TERM=xterm with -t) first, the image's and `-e` variables replacing or following
 * them; HOME is added by startInit/exec from the user's passwd entry.
 */
export function containerEnv(env: string[], hostname: string, tty: boolean): Record<string, string> {
  const base = [`PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, `HOSTNAME=${hostname}`, ...(tty ? ['TERM=xterm'] : [])];
  return envRecord([...base, ...env]);
}

/** runc sets HOME when the environment lacks it: the user's home from /etc/passwd, else `/`. */
export function withHome(env: Record<string, string>, rootView: Fs, uid: number): Record<string, string> {
  if (env.HOME !== undefined) return env;
  const row = readTable(rootView, '/etc/passwd').find((r) => Number(r[2]) === uid);
  return { ...env, HOME: row?.[5] || '/' };
}

/** `KEY=value` lines to an environment, with Docker's default PATH when the image sets none. */
export function envRecord(env: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of env) {
    const i = kv.indexOf('=');
    if (i < 0) continue;
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  if (!out.PATH) out.PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  return out;
}
