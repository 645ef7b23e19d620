/**
 * A process as the kernel keeps it: its PID namespace, its context (namespaces, cgroup, root), and
 * the record with its signal dispositions, stop/resume and exit (Linux's task_struct and
 * kernel/signal.c's default actions, in miniature). The process table itself is kernel.ts.
 */
import type { Kernel } from './kernel';
import type { MemoryCgroup } from './cgroup';
import type { NetNamespace } from '../network/stack';
import type { Cred, Fs } from '../../api/fs';
import {
  SIGNALS,
  Terminated,
  type HostServices,
  type ProcessApi,
  type ProcessInfo,
  type SignalDisposition,
} from './types';

export class PidNamespace {
  private next = 1;
  /** The next pseudo-terminal number handed to a session in this namespace (pts/0, pts/1 …). */
  nextPty = 0;
  readonly members = new Map<number, Proc>();
  constructor(readonly parent?: PidNamespace) {}
  allocate(): number {
    while (this.members.has(this.next)) this.next++;
    return this.next++;
  }
  /** Is `ns` this namespace or one nested inside it? (Processes see their own and descendants.) */
  contains(ns: PidNamespace): boolean {
    for (let n: PidNamespace | undefined = ns; n; n = n.parent) if (n === this) return true;
    return false;
  }
}

/** The namespaces and identity a process runs in; children inherit them unless told otherwise. */
export interface ProcContext {
  pidNs: PidNamespace;
  uts: { hostname: string };
  /** The mount namespace, seen as a filesystem root: views are made per credentials and cwd. */
  fsRoot: { view(cred: Cred, cwd?: string): Fs };
  /** The container this process belongs to, if any (for events and `docker top`). */
  container?: string;
  host?: HostServices;
  /** The memory cgroup charged for this process's memory (the host's when absent). */
  cgroup?: MemoryCgroup;
  /** The network namespace (sockets, interfaces, name resolution). */
  netns?: NetNamespace;
  /** Namespaces this process was moved into by unshare/nsenter (see namespaces.ts), by type. */
  ns?: Partial<Record<'cgroup' | 'ipc' | 'mnt' | 'net' | 'pid' | 'time' | 'user' | 'uts', string>>;
}

const TERMINATE = new Set<number>([
  SIGNALS.SIGHUP, SIGNALS.SIGINT, SIGNALS.SIGQUIT, SIGNALS.SIGILL, SIGNALS.SIGTRAP, SIGNALS.SIGABRT,
  SIGNALS.SIGBUS, SIGNALS.SIGFPE, SIGNALS.SIGKILL, SIGNALS.SIGUSR1, SIGNALS.SIGSEGV, SIGNALS.SIGUSR2,
  SIGNALS.SIGPIPE, SIGNALS.SIGALRM, SIGNALS.SIGTERM,
]);
const STOP = new Set<number>([SIGNALS.SIGSTOP, SIGNALS.SIGTSTP, SIGNALS.SIGTTIN, SIGNALS.SIGTTOU]);

export class Proc implements ProcessApi {
  readonly info: ProcessInfo;
  private readonly abort = new AbortController();
  private dispositions = new Map<number, SignalDisposition>();
  status: number | undefined;
  private waiters: ((status: number) => void)[] = [];
  private resumers: (() => void)[] = [];
  readonly children = new Set<Proc>();
  /** Bytes charged to the cgroup by this process (released when it exits). */
  memory = 0;
  /** CPU time used, in ms (see Kernel.account): what top's TIME+ and docker stats' CPU % read. */
  cpuMs = 0;
  /** Real clock: when this process last got the CPU back from a tick (undefined before its first). */
  lastRun?: number;
  /**
   * Aborts when the process ends, however it ends (a normal exit does not abort `signal`, which
   * other code may still hold). Reads of the process's stdin take it, so a read left pending by a
   * finished program never swallows the next line typed at the terminal.
   */
  private readonly ended = new AbortController();

  constructor(
    readonly kernel: Kernel,
    info: ProcessInfo,
    readonly ctx: ProcContext,
    readonly parent?: Proc,
  ) {
    this.info = info;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }
  get alive(): boolean {
    return this.status === undefined;
  }
  get endSignal(): AbortSignal {
    return this.ended.signal;
  }

  setSignal(signal: number, d: SignalDisposition): SignalDisposition {
    const prev = this.getSignal(signal);
    if (signal === SIGNALS.SIGKILL || signal === SIGNALS.SIGSTOP) return prev;
    this.dispositions.set(signal, d);
    return prev;
  }
  getSignal(signal: number): SignalDisposition {
    return this.dispositions.get(signal) ?? 'default';
  }
  setArgv(argv: string[]): void {
    this.info.argv = [...argv];
  }
  async checkpoint(): Promise<void> {
    while (this.info.state === 'stopped' && this.alive) {
      await new Promise<void>((r) => this.resumers.push(r));
    }
    if (!this.alive) throw this.signal.reason;
  }

  wait(): Promise<number> {
    if (this.status !== undefined) return Promise.resolve(this.status);
    return new Promise((r) => this.waiters.push(r));
  }

  /** Deliver a signal as the kernel does. `fromOutside`: sender is in an ancestor PID namespace. */
  deliver(sig: number, fromOutside: boolean): void {
    if (!this.alive) return;
    if (sig === SIGNALS.SIGCONT) {
      this.resume();
      const d = this.getSignal(sig);
      if (typeof d === 'function') d(sig);
      return;
    }
    const isInit = this.info.nsPid === 1 && this.ctx.pidNs !== this.kernel.rootNs;
    if (sig === SIGNALS.SIGKILL) {
      // init is immune to SIGKILL from inside its own namespace
      if (isInit && !fromOutside) return;
      this.terminate(128 + sig);
      return;
    }
    if (sig === SIGNALS.SIGSTOP) {
      if (isInit && !fromOutside) return;
      this.stop();
      return;
    }
    const d = this.getSignal(sig);
    if (d === 'ignore') return;
    if (typeof d === 'function') {
      d(sig);
      return;
    }
    if (isInit) return; // init ignores signals it has no handler for
    if (TERMINATE.has(sig)) this.terminate(128 + sig);
    else if (STOP.has(sig)) this.stop();
  }

  stop(): void {
    if (this.alive && this.info.state !== 'stopped') {
      this.info.state = 'stopped';
      this.kernel.emitState(this);
    }
  }
  resume(): void {
    if (this.info.state === 'stopped') {
      this.info.state = 'running';
      const rs = this.resumers;
      this.resumers = [];
      rs.forEach((r) => r());
    }
  }

  /** The signal that killed the process, if one did (a parent shell reports it: `Killed`). */
  killedBy?: number;

  /** End the process now with `status`; its program's pending waits reject with Terminated. */
  terminate(status: number): void {
    if (!this.alive) return;
    if (status > 128) this.killedBy = status - 128;
    this.exit(status);
    this.abort.abort(new Terminated(status > 128 ? status - 128 : 0));
  }

  exit(status: number): void {
    if (!this.alive) return;
    this.status = status & 0xff;
    this.info.state = 'zombie';
    this.resume();
    this.kernel.reap(this);
    const ws = this.waiters;
    this.waiters = [];
    ws.forEach((w) => w(this.status!));
    this.ended.abort(new Terminated(this.status > 128 ? this.status - 128 : 0));
  }
}
