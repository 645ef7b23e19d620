/**
 * A tiny kernel for the shell's tests: a process table, spawn of program-marker files, signals with
 * dispositions, and (optionally) fork. It follows the System contract the real kernel implements.
 */
import { FakeFs } from './fake-fs';
import { RealClock } from '../../engine/clock';
import { Rng } from '../../engine/rng';
import { markerProgram, programMarker } from '../../engine/programs/registry';
import { Pipe } from '../../engine/process/pipe';
import { readAllText } from '../../lib/read-stream';
import { EpipeError, SIGNALS, Terminated, type ChildProcess, type ProcessApi, type ProcessInfo, type Program, type ProgramContext, type ReadStream, type SignalDisposition, type SpawnOptions, type System, type WriteStream } from '../../engine/process/types';
import { FsError, ROOT, type Fs } from '../../api/fs';
import type { ForkingSystem } from '../../shell/shell';

class FakeProc implements ProcessApi {
  readonly ac = new AbortController();
  readonly dispositions = new Map<number, SignalDisposition>();
  status?: number;
  private waiters: ((s: number) => void)[] = [];
  constructor(readonly info: ProcessInfo) {}
  get signal(): AbortSignal {
    return this.ac.signal;
  }
  setSignal(sig: number, d: SignalDisposition): SignalDisposition {
    const old = this.getSignal(sig);
    this.dispositions.set(sig, d);
    return old;
  }
  getSignal(sig: number): SignalDisposition {
    return this.dispositions.get(sig) ?? 'default';
  }
  setArgv(argv: string[]): void {
    this.info.argv = argv;
  }
  async checkpoint(): Promise<void> {}
  exit(s: number): void {
    if (this.status !== undefined) return;
    this.status = s;
    this.info.state = 'zombie';
    this.waiters.splice(0).forEach((w) => w(s));
  }
  wait(): Promise<number> {
    if (this.status !== undefined) return Promise.resolve(this.status);
    return new Promise((r) => this.waiters.push(r));
  }
}

export class FakeSystem implements ForkingSystem {
  readonly clock = new RealClock();
  readonly rng = new Rng(1);
  readonly procs = new Map<number, FakeProc>();
  private nextPid = 100;
  readonly programs = new Map<string, Program>();
  /** argv of every process started, for assertions. */
  readonly started: string[][] = [];
  forkEnabled: boolean;

  constructor(readonly fs: FakeFs, opts: { fork?: boolean } = {}) {
    this.forkEnabled = opts.fork ?? true;
    if (!this.forkEnabled) (this as { fork?: unknown }).fork = undefined;
  }

  /** Install a program as an executable file (a marker, as images do). */
  install(path: string, program: Program): void {
    const name = path.split('/').pop()!;
    this.programs.set(name, program);
    this.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    this.fs.writeFile(path, programMarker(name), { mode: 0o755 });
  }

  async tick(signal: AbortSignal): Promise<void> {
    await this.clock.sleep(0, signal);
  }
  hostname(): string {
    return 'testhost';
  }
  which(name: string, env: Record<string, string>, fs: Fs): string | undefined {
    for (const d of (env.PATH ?? '').split(':')) {
      const p = (d || '.') + '/' + name;
      if (fs.exists(p) && fs.stat(p).kind === 'file') return fs.resolve(p);
    }
    return undefined;
  }

  newProc(argv: string[], ppid: number): FakeProc {
    const pid = this.nextPid++;
    const p = new FakeProc({ pid, ppid, nsPid: pid, argv, cred: ROOT, pgid: pid, sid: pid, state: 'running', startTime: 0 });
    this.procs.set(pid, p);
    this.started.push(argv);
    return p;
  }

  run(proc: FakeProc, program: Program, ctx: Omit<ProgramContext, 'proc' | 'sys' | 'signal'>): ChildProcess {
    const full: ProgramContext = { ...ctx, proc, sys: this, signal: proc.signal };
    Promise.resolve()
      .then(() => program(full))
      .then(
        (s) => proc.exit(s),
        (e) => proc.exit(e instanceof Terminated ? 128 + e.signal : e instanceof EpipeError ? 141 : (console.error(e), 1)),
      );
    return { pid: proc.info.pid, wait: () => proc.wait(), kill: (sig) => this.deliver(proc, sig) };
  }

  async spawn(opts: SpawnOptions): Promise<ChildProcess> {
    const path = opts.path ?? opts.argv[0];
    const fs = this.fs.withCwd(opts.cwd);
    const bytes = fs.readFile(path);
    if (!fs.access(path, 1)) throw new FsError('EACCES', 'execve', path);
    const name = markerProgram(bytes);
    const program = name && this.programs.get(name);
    if (!program) throw new FsError('ENOEXEC', 'execve', path);
    const proc = this.newProc(opts.argv, 1);
    return this.run(proc, program, { argv: opts.argv, env: opts.env, fs, stdin: opts.stdin, stdout: opts.stdout, stderr: opts.stderr });
  }

  fork(parent: ProcessApi, opts: { argv: string[]; env: Record<string, string>; cwd: string; stdin: ReadStream; stdout: WriteStream; stderr: WriteStream }, body: (ctx: ProgramContext) => Promise<number>): Promise<ChildProcess> {
    const proc = this.newProc(opts.argv, parent.info.pid);
    return Promise.resolve(this.run(proc, body, { argv: opts.argv, env: opts.env, fs: this.fs.withCwd(opts.cwd), stdin: opts.stdin, stdout: opts.stdout, stderr: opts.stderr }));
  }

  async exec(self: ProcessApi, opts: Omit<SpawnOptions, 'stdin' | 'stdout' | 'stderr'> & Partial<Pick<SpawnOptions, 'stdin' | 'stdout' | 'stderr'>>): Promise<number> {
    const child = await this.spawn({ ...opts, stdin: opts.stdin!, stdout: opts.stdout!, stderr: opts.stderr! });
    return child.wait();
  }

  deliver(proc: FakeProc, sig: number): void {
    const d = proc.getSignal(sig);
    if (sig !== SIGNALS.SIGKILL && typeof d === 'function') return d(sig);
    if (sig !== SIGNALS.SIGKILL && d === 'ignore') return;
    if (sig === SIGNALS.SIGCHLD || sig === SIGNALS.SIGWINCH) return;
    proc.ac.abort(new Terminated(sig));
    proc.exit(128 + sig);
  }

  kill(pid: number, signal: number): void {
    const p = this.procs.get(pid);
    if (p) this.deliver(p, signal);
  }
  processes(): ProcessInfo[] {
    return [...this.procs.values()].filter((p) => p.status === undefined).map((p) => p.info);
  }
}

/** Run a shell program with captured output. */
export async function runProgram(sys: FakeSystem, program: Program, argv: string[], opts: { stdin?: string; env?: Record<string, string>; cwd?: string; tty?: boolean } = {}) {
  const inP = new Pipe({ isTTY: opts.tty });
  const out = new Pipe();
  const err = new Pipe();
  if (opts.stdin !== undefined) {
    void inP.writer.write(opts.stdin);
  }
  if (!opts.tty) inP.writer.close();
  const proc = sys.newProc(argv, 1);
  const child = sys.run(proc, program, { argv, env: opts.env ?? { PATH: '/bin:/usr/bin', HOME: '/root' }, fs: sys.fs.withCwd(opts.cwd ?? '/'), stdin: inP.reader, stdout: out.writer, stderr: err.writer });
  const outText = readAllText(out.reader);
  const errText = readAllText(err.reader);
  const status = await child.wait();
  out.writer.close();
  err.writer.close();
  return { status, stdout: await outText, stderr: await errText, pid: child.pid, input: inP.writer };
}

/** Programs the tests install: simple stand-ins for coreutils. */
export const fakePrograms: Record<string, Program> = {
  cat: async (ctx) => {
    const files = ctx.argv.slice(1);
    if (!files.length) {
      for (;;) {
        const c = await ctx.stdin.read(ctx.signal);
        if (c === null) break;
        await ctx.stdout.write(c);
      }
      return 0;
    }
    let st = 0;
    for (const f of files) {
      try {
        await ctx.stdout.write(ctx.fs.readFile(f));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        await ctx.stderr.write(`cat: ${f}: ${e.message}\n`);
        st = 1;
      }
    }
    return st;
  },
  tr: async (ctx) => {
    const text = await readAllText(ctx.stdin, ctx.signal);
    const [a, b] = ctx.argv.slice(1);
    await ctx.stdout.write(text.replace(new RegExp(`[${a}]`, 'g'), (c) => b[a.indexOf(c)] ?? c));
    return 0;
  },
  wc: async (ctx) => {
    const text = await readAllText(ctx.stdin, ctx.signal);
    await ctx.stdout.write(String(text.split('\n').length - 1) + '\n');
    return 0;
  },
  yes: async (ctx) => {
    for (;;) await ctx.stdout.write('y\n'.repeat(1024));
  },
  head1: async (ctx) => {
    const c = await ctx.stdin.read(ctx.signal);
    const s = new TextDecoder().decode(c ?? new Uint8Array());
    await ctx.stdout.write(s.split('\n')[0] + '\n');
    ctx.stdin.close();
    return 0;
  },
  sleep: async (ctx) => {
    await ctx.sys.clock.sleep(Number(ctx.argv[1]) * 1000, ctx.signal);
    return 0;
  },
  env: async (ctx) => {
    await ctx.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  },
  args: async (ctx) => {
    await ctx.stdout.write(ctx.argv.slice(1).map((a) => `<${a}>`).join('') + '\n');
    return 0;
  },
  fail: async (ctx) => Number(ctx.argv[1] ?? 1),
  ps: async (ctx) => {
    await ctx.stdout.write(ctx.sys.processes(ctx.proc).map((p) => p.argv.join(' ')).join('\n') + '\n');
    return 0;
  },
};

export function makeSystem(opts: { fork?: boolean } = {}): FakeSystem {
  const fs = new FakeFs();
  const sys = new FakeSystem(fs, opts);
  for (const [n, p] of Object.entries(fakePrograms)) sys.install('/bin/' + n, p);
  fs.mkdir('/root');
  fs.mkdir('/tmp');
  return sys;
}
