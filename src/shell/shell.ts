/**
 * The state of one running shell: variables, functions, options, open file descriptors, jobs and
 * traps. Subshells (`( )`, pipeline stages, `$( )`, background jobs) are clones of it, so changes
 * made in them never leak back, as with fork(2).
 */
import type { List } from './ast';
import { Expander, type ExpandHost } from './expand';
import type { Flavour } from './flavour';
import { PushbackReader } from '../engine/process/pipe';
import type { ChildProcess, ProcessApi, ProgramContext, ReadStream, System, WriteStream } from '../engine/process/types';
import type { Fs } from '../api/fs';

export type Stream = ReadStream | WriteStream;

export interface Var {
  value?: string;
  exported: boolean;
  readonly: boolean;
}

export interface Job {
  id: number;
  pid: number;
  text: string;
  done: Promise<number>;
  status?: number;
  child?: ChildProcess;
  abort?: AbortController;
  reported?: boolean;
}

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
  noclobber: boolean;
  allexport: boolean;
  verbose: boolean;
}

/** Control flow travels as exceptions through the async interpreter. */
export class BreakLoop { constructor(public n: number) {} }
export class ContinueLoop { constructor(public n: number) {} }
export class ReturnFn { constructor(readonly status: number) {} }
import { accountString } from './limits';

export class ExitShell { constructor(readonly status: number) {} }

/** Ctrl-C at an interactive shell: abandons the command line being run (status 130), as bash does. */
export class Interrupted { readonly status = 130; }

/**
 * Optional kernel extension: run a closure as a new child process (fork without exec). With it,
 * subshells, pipeline stages made of builtins and background jobs appear in `ps` with their own
 * PID; without it they run inside the shell's process.
 */
export interface ForkingSystem extends System {
  fork(parent: ProcessApi, opts: { argv: string[]; env: Record<string, string>; cwd: string; stdin: ReadStream; stdout: WriteStream; stderr: WriteStream }, body: (ctx: ProgramContext) => Promise<number>): Promise<ChildProcess>;
}

export function canFork(sys: System): sys is ForkingSystem {
  return typeof (sys as Partial<ForkingSystem>).fork === 'function';
}

export class Shell implements ExpandHost {
  /** Set by an interactive shell's SIGINT handler; the next step abandons the running command line. */
  interrupted = false;
  vars = new Map<string, Var>();
  /** One map per active function call: the entries `local` shadowed, restored on return. */
  locals: Map<string, Var | undefined>[] = [];
  positionalParams: string[] = [];
  argv0: string;
  funcs = new Map<string, import('./ast').Command>();
  aliases = new Map<string, string>();
  opts: ShellOptions = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false, noclobber: false, allexport: false, verbose: false };
  status = 0;
  lastBg?: number;
  jobs: Job[] = [];
  traps = new Map<string, string>();
  pendingSignals: number[] = [];
  signalWaiters: (() => void)[] = [];
  fds = new Map<number, Stream>();
  fs: Fs;
  history: string[] = [];
  umask = 0o022;
  lineno = 0;
  steps = 0;
  /** >0 while running a condition (if/while, left of && ||, after !): set -e does not apply there. */
  noErrexit = 0;
  loopDepth = 0;
  /** >0 while a `.`/`source` file runs (where `return` is allowed). */
  sourcing = 0;
  funcDepth = 0;
  mode: 'interactive' | 'command' | 'script' = 'command';
  isSubshell = false;
  readonly expander: Expander;
  /** Status of the last command substitution (the status of `a=$(false)`). */
  substStatus?: number;
  readonly pid: number;
  startTime: number;
  pseudoPid = 90000;
  hash = new Map<string, string>();
  /** Completion and other hooks set by the program entry (see programs.ts). */
  signal: AbortSignal;

  constructor(
    readonly ctx: ProgramContext,
    readonly flavour: Flavour,
  ) {
    this.fs = ctx.fs;
    this.signal = ctx.signal;
    this.argv0 = ctx.argv[0] ?? flavour.name;
    this.pid = ctx.proc.info.nsPid;
    this.startTime = ctx.sys.clock.now();
    for (const [k, v] of Object.entries(ctx.env)) this.vars.set(k, { value: v, exported: true, readonly: false });
    this.fds.set(0, new PushbackReader(ctx.stdin));
    this.fds.set(1, ctx.stdout);
    this.fds.set(2, ctx.stderr);
    this.expander = new Expander(this);
  }

  get sys(): System {
    return this.ctx.sys;
  }

  get proc(): ProcessApi {
    return this.ctx.proc;
  }

  // ---- ExpandHost ----
  get nounset(): boolean {
    return this.opts.nounset;
  }
  get noglob(): boolean {
    return this.opts.noglob;
  }

  getVar(name: string): string | undefined {
    switch (name) {
      case 'RANDOM':
        return String(this.sys.rng.int(32768));
      case 'LINENO':
        return String(this.lineno);
      case 'SECONDS':
        return String(Math.floor((this.sys.clock.now() - this.startTime) / 1000));
    }
    return this.vars.get(name)?.value;
  }

  setVar(name: string, value: string, opts: { export?: boolean } = {}): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: readonly variable`);
    accountString(this, v?.value?.length ?? 0, value.length);
    if (v) {
      v.value = value;
      if (opts.export || this.opts.allexport) v.exported = true;
    } else this.vars.set(name, { value, exported: !!opts.export || this.opts.allexport, readonly: false });
  }

  unsetVar(name: string): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ShellError(`${name}: cannot unset: readonly variable`);
    this.vars.delete(name);
  }

  positional(): string[] {
    return this.positionalParams;
  }

  special(name: '?' | '$' | '!' | '-' | '0'): string {
    switch (name) {
      case '?': return String(this.status);
      case '$': return String(this.pid);
      case '!': return this.lastBg === undefined ? '' : String(this.lastBg);
      case '0': return this.argv0;
      case '-': {
        let s = '';
        if (this.opts.errexit) s += 'e';
        if (this.opts.noglob) s += 'f';
        if (this.mode === 'interactive') s += 'i';
        if (this.opts.nounset) s += 'u';
        if (this.opts.xtrace) s += 'x';
        return this.flavour.name === 'bash' ? s + 'hB' + (this.mode === 'command' ? 'c' : '') : s;
      }
    }
  }

  pause(): Promise<void> {
    return this.sys.tick(this.signal);
  }
  commandSubst(body: List): Promise<string> {
    return late('commandSubst')(this, body);
  }

  /** Environment passed to commands: exported variables plus a command's own assignments. */
  environ(extra?: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported && v.value !== undefined) env[k] = v.value;
    return Object.assign(env, extra);
  }

  /** The error prefix (`bash: line 3: `) for the current line. */
  errPrefix(): string {
    return this.flavour.prefix(this.argv0, this.lineno, this.mode);
  }

  async writeErr(msg: string): Promise<void> {
    const e = this.fds.get(2) as WriteStream | undefined;
    if (!e) return;
    try {
      await e.write(msg);
    } catch {
      /* stderr gone: nothing to tell */
    }
  }

  /** Print `bash: line 1: msg` on stderr. */
  error(msg: string): Promise<void> {
    return this.writeErr(this.errPrefix() + msg + '\n');
  }

  stdin(): PushbackReader {
    const s = this.fds.get(0) as ReadStream | undefined;
    if (!s) return new PushbackReader({ read: async () => null, isTTY: false, close() {} });
    if (s instanceof PushbackReader) return s;
    const p = new PushbackReader(s);
    this.fds.set(0, p);
    return p;
  }

  /** A copy for a subshell: same values, independent from here on. */
  clone(ctx?: ProgramContext): Shell {
    const c = new Shell(ctx ?? this.ctx, this.flavour);
    c.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    c.locals = [];
    c.positionalParams = [...this.positionalParams];
    c.argv0 = this.argv0;
    c.funcs = new Map(this.funcs);
    c.aliases = new Map(this.aliases);
    c.opts = { ...this.opts };
    c.status = this.status;
    c.lastBg = this.lastBg;
    c.traps = new Map([...this.traps].filter(([k, v]) => v === '' && k !== 'EXIT'));
    c.fds = new Map(this.fds);
    if (!ctx) {
      c.fs = this.fs;
      c.signal = this.signal;
    } else c.fs = ctx.fs.withCwd(this.fs.cwd);
    c.umask = this.umask;
    c.lineno = this.lineno;
    c.mode = this.mode === 'interactive' ? 'command' : this.mode;
    if (this.mode === 'interactive') c.mode = 'interactive';
    c.isSubshell = true;
    c.hash = this.hash;
    c.pseudoPid = this.pseudoPid + 1000;
    c.startTime = this.startTime;
    Object.defineProperty(c, 'pid', { value: this.pid });
    return c;
  }

  /** Every few hundred steps, let the page breathe and let signals in (`while :; do :; done`). */
  async step(): Promise<void> {
    if (this.interrupted) {
      this.interrupted = false;
      throw new Interrupted();
    }
    if (++this.steps % 200 === 0) await this.sys.tick(this.signal);
    else if (this.signal.aborted) throw this.signal.reason;
    if (this.pendingSignals.length) await late('runPendingTraps')(this);
  }
}

/**
 * The interpreter's entry points the shell state calls back into. exec.ts imports this module and
 * fills them in as it loads; a dynamic `import('./exec')` here would make every `$(…)` wait on
 * the host's module loader (real time, outside the machine's clock) instead of running at once.
 */
export const interpreter: {
  commandSubst?: (sh: Shell, body: List) => Promise<string>;
  runPendingTraps?: (sh: Shell) => Promise<void>;
} = {};

function late<K extends keyof typeof interpreter>(name: K): NonNullable<(typeof interpreter)[K]> {
  const fn = interpreter[name];
  if (!fn) throw new Error(`shell interpreter not loaded (${name})`);
  return fn as NonNullable<(typeof interpreter)[K]>;
}

/** An error a builtin or the interpreter reports as `bash: msg` with status 1. */
export class ShellError extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
    this.name = 'ShellError';
  }
}
