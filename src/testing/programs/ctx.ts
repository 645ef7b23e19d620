/**
 * A fake ProgramContext for the programs' tests: stdin from a string, stdout/stderr collected into
 * strings, a virtual clock whose sleeps jump time forward, and a tiny kernel that spawns programs
 * named by marker files (for xargs, sudo, find -exec). The real kernel is written elsewhere; this is
 * only as much of it as the programs call.
 */
import type { ChildProcess, NetApi, ProcessApi, ProcessInfo, Program, ProgramContext, ReadStream, SpawnOptions, System, WriteStream } from '../../engine/process/types';
import { Terminated } from '../../engine/process/types';
import type { Clock } from '../../engine/clock';
import { Rng } from '../../engine/rng';
import type { Cred, Fs } from '../../api/fs';
import { FsError, ROOT } from '../../api/fs';
import { Vfs } from '../../engine/fs/vfs';
import { MutableLayer } from '../../engine/fs/layer';
import { getProgram, markerProgram, programMarker } from '../../engine/programs/registry';
import { FakeDisk } from './fakefs';

const enc = new TextEncoder();
const macrotask = () => new Promise<void>((r) => (globalThis as unknown as { setTimeout(f: () => void, ms: number): void }).setTimeout(r, 0));
const dec = new TextDecoder();

export function stringStdin(s: string | Uint8Array, isTTY = false): ReadStream {
  let data: Uint8Array | null = typeof s === 'string' ? enc.encode(s) : s;
  return {
    isTTY,
    async read() {
      const d = data;
      data = null;
      return d && d.length ? d : null;
    },
    close() {},
  };
}

export class Collect implements WriteStream {
  chunks: Uint8Array[] = [];
  constructor(readonly isTTY = false) {}
  async write(chunk: string | Uint8Array): Promise<void> {
    this.chunks.push(typeof chunk === 'string' ? enc.encode(chunk) : chunk.slice());
  }
  close(): void {}
  bytes(): Uint8Array {
    const n = this.chunks.reduce((a, c) => a + c.length, 0);
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
  text(): string {
    return dec.decode(this.bytes());
  }
}

/** Virtual time where a sleep simply moves time forward (after a microtask). */
export class JumpClock implements Clock {
  readonly virtual = true;
  constructor(public t = Date.UTC(2025, 9, 1, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): number {
    void Promise.resolve().then(() => {
      this.t += ms;
      fn();
    });
    return 0;
  }
  clearTimeout(): void {}
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    // A macrotask, so a test's own timers (and aborts) get to run while a program sleeps in a loop.
    await macrotask();
    this.t += ms;
    if (signal?.aborted) throw signal.reason;
  }
}

/** What a test world needs of a disk: views with credentials and a working directory. */
export interface Disk {
  view(cred?: Cred, cwd?: string): Fs;
}

/**
 * The real Vfs over one MutableLayer, when PROGRAMS_FAKE_FS is not set: the programs are tested
 * against the filesystem they will run on; the Map-based FakeDisk stays as a fallback.
 */
function makeDisk(now: () => number): Disk {
  if (!(globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.PROGRAMS_FAKE_FS) {
    const vfs = new Vfs(new MutableLayer({ now }), { now });
    return { view: (cred = ROOT, cwd = '/') => vfs.view(cred, cwd) };
  }
  return new FakeDisk(now);
}

export interface World {
  disk: Disk;
  clock: JumpClock;
  procs: ProcessInfo[];
  killed: { pid: number; signal: number }[];
  spawned: { argv: string[]; cred?: Cred }[];
  hostname: string;
  /** Sockets for server programs' tests (testing/fakenet.ts); absent unless a test sets one. */
  net?: NetApi;
}

export function makeWorld(): World {
  const clock = new JumpClock();
  const disk = makeDisk(() => clock.now());
  const fs = disk.view();
  for (const d of ['/bin', '/usr/bin', '/etc', '/tmp', '/root', '/home/user']) fs.mkdir(d, { recursive: true });
  fs.chmod('/tmp', 0o1777);
  fs.chown('/home/user', 1000, 1000);
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000:User:/home/user:/bin/bash\n');
  fs.writeFile('/etc/group', 'root:x:0:\nsudo:x:27:user\nuser:x:1000:\ndocker:x:999:user\n');
  return {
    disk,
    clock,
    procs: [
      { pid: 1, ppid: 0, nsPid: 1, argv: ['/sbin/init'], cred: { uid: 0, gid: 0, groups: [0] }, pgid: 1, sid: 1, state: 'sleeping', startTime: clock.now() - 3600_000 },
      { pid: 42, ppid: 1, nsPid: 42, argv: ['-bash'], cred: { uid: 1000, gid: 1000, groups: [1000] }, pgid: 42, sid: 42, state: 'sleeping', startTime: clock.now() - 60_000 },
    ],
    killed: [],
    spawned: [],
    hostname: 'docker-host',
  };
}

/** Install programs as marker files under /bin so `which` and spawn find them. */
export function installPrograms(w: World, names: string[]): void {
  const fs = w.disk.view();
  for (const n of names) fs.writeFile('/bin/' + n, programMarker(n), { mode: 0o755 });
}

function makeSys(w: World): System {
  const sys: System = {
    clock: w.clock,
    rng: new Rng(7),
    async tick(signal) {
      await macrotask();
      if (signal.aborted) throw new Terminated(15);
    },
    hostname: () => w.hostname,
    net: w.net,
    which(name, env, fs) {
      if (name.includes('/')) return fs.exists(name) ? name : undefined;
      for (const dir of (env.PATH ?? '/usr/bin:/bin').split(':')) {
        const p = (dir || '.') + '/' + name;
        try {
          if (fs.stat(p).kind === 'file' && fs.access(p, 1)) return p;
        } catch {
          /* next */
        }
      }
      return undefined;
    },
    async spawn(opts: SpawnOptions): Promise<ChildProcess> {
      const fs = w.disk.view(opts.cred ?? { uid: 1000, gid: 1000, groups: [1000] }, opts.cwd);
      const path = opts.path ?? opts.argv[0];
      const bytes = fs.readFile(path);
      const name = markerProgram(bytes);
      const prog = name ? getProgram(name) : undefined;
      if (!prog) throw new FsError('ENOEXEC', 'execve', path);
      w.spawned.push({ argv: opts.argv, cred: opts.cred });
      const ctx = buildCtx(w, opts.argv, { fs, env: opts.env, stdin: opts.stdin, stdout: opts.stdout, stderr: opts.stderr });
      const done = prog(ctx);
      return { pid: 100 + w.spawned.length, wait: () => done, kill() {} };
    },
    async exec(_self, opts) {
      const c = await sys.spawn({ stdin: stringStdin(''), stdout: new Collect(), stderr: new Collect(), ...opts } as SpawnOptions);
      return c.wait();
    },
    kill(pid, signal) {
      if (!w.procs.some((p) => p.nsPid === pid)) throw new FsError('ENOENT', 'kill', String(pid));
      w.killed.push({ pid, signal });
    },
    processes: () => w.procs,
  };
  return sys;
}

function makeProc(w: World, argv: string[], signal: AbortSignal): ProcessApi {
  const info: ProcessInfo = { pid: 4242, ppid: 42, nsPid: 4242, argv, cred: { uid: 1000, gid: 1000, groups: [1000] }, pgid: 4242, sid: 42, state: 'running', startTime: w.clock.now() };
  return {
    info,
    signal,
    setSignal: () => 'default',
    getSignal: () => 'default',
    setArgv() {},
    async checkpoint() {},
  };
}

interface CtxOpts {
  fs: Fs;
  env?: Record<string, string>;
  stdin: ReadStream;
  stdout: WriteStream;
  stderr: WriteStream;
  signal?: AbortSignal;
}

function buildCtx(w: World, argv: string[], o: CtxOpts): ProgramContext {
  const signal = o.signal ?? new AbortController().signal;
  return {
    argv,
    env: o.env ?? { PATH: '/usr/bin:/bin', HOME: '/home/user', USER: 'user' },
    fs: o.fs,
    stdin: o.stdin,
    stdout: o.stdout,
    stderr: o.stderr,
    proc: makeProc(w, argv, signal),
    sys: makeSys(w),
    signal,
  };
}

export interface RunResult {
  code: number;
  out: string;
  err: string;
  stdout: Collect;
}

export interface RunOpts {
  stdin?: string | Uint8Array;
  tty?: boolean;
  env?: Record<string, string>;
  cwd?: string;
  cred?: Cred;
  signal?: AbortSignal;
  /** Collectors to read while the program still runs (a server's log lines). */
  stdout?: Collect;
  stderr?: Collect;
}

/** Run a program with a fake context; argv[0] is the program's name. */
export async function run(w: World, prog: Program, argv: string[], o: RunOpts = {}): Promise<RunResult> {
  const stdout = o.stdout ?? new Collect(o.tty ?? false);
  const stderr = o.stderr ?? new Collect(o.tty ?? false);
  const fs = w.disk.view(o.cred ?? { uid: 1000, gid: 1000, groups: [1000, 27, 999] }, o.cwd ?? '/home/user');
  const ctx = buildCtx(w, argv, { fs, env: o.env, stdin: stringStdin(o.stdin ?? '', o.tty ?? false), stdout, stderr, signal: o.signal });
  const code = await prog(ctx);
  return { code, out: stdout.text(), err: stderr.text(), stdout };
}
