/**
 * The contract between the kernel (process table, signals, exec) and the programs it runs. A program
 * is an async TypeScript function that an image's file names (see programs/README.md); it gets its
 * argv, environment, filesystem view and stdio, and returns its exit status. Everything it waits on
 * (reads, sleeps) takes `ctx.signal`, so a signal always gets through: that is what makes Ctrl-C,
 * `docker stop` and `kill` preempt even `while true; do :; done`.
 */
import type { Clock } from '../clock';
import type { Rng } from '../rng';
import type { Cred, Fs } from '../../api/fs';
import type { ReadStream, WriteStream } from '../../api/streams';
import type { DaemonApi } from '../../api/daemon';
import type { DockerClient } from '../../api/client';
import type { CompletionTable } from '../../shell/complete';

export const SIGNALS = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGWINCH: 28,
} as const;
export type SignalName = keyof typeof SIGNALS;

export function signalNumber(name: string): number | undefined {
  const n = name.toUpperCase();
  if (/^\d+$/.test(n)) return Number(n);
  const full = (n.startsWith('SIG') ? n : 'SIG' + n) as SignalName;
  return SIGNALS[full];
}

export function signalName(num: number): SignalName | undefined {
  return (Object.keys(SIGNALS) as SignalName[]).find((k) => SIGNALS[k] === num);
}

export { Terminated, EpipeError, type ReadStream, type WriteStream } from '../../api/streams';

/** How a signal is handled by a process (set by the shell's `trap`, or by a program like nginx). */
export type SignalDisposition = 'default' | 'ignore' | ((signal: number) => void);

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** PID as seen inside the process's own PID namespace (1 for a container's first process). */
  nsPid: number;
  argv: string[];
  cred: Cred;
  /** Process group and session, for terminal job control (Ctrl-C goes to the foreground group). */
  pgid: number;
  sid: number;
  state: 'running' | 'sleeping' | 'stopped' | 'zombie';
  startTime: number;
  /** The controlling terminal (`pts/0`), inherited from the parent; set when a session starts on a tty. */
  tty?: string;
}

export interface SpawnOptions {
  /** argv[0] is what the program sees; `path` is the file to execute (resolved by the caller or via PATH). */
  argv: string[];
  path?: string;
  env: Record<string, string>;
  cwd: string;
  stdin: ReadStream;
  stdout: WriteStream;
  stderr: WriteStream;
  cred?: Cred;
  /** Start a new process group (the shell does this for each job). */
  newProcessGroup?: boolean;
  /** setsid(2): lead a new session (runc does this for a container's process and each exec). */
  newSession?: boolean;
  pgid?: number;
}

export interface ChildProcess {
  readonly pid: number;
  /** Resolves with the exit status (128+N when killed by signal N). */
  wait(): Promise<number>;
  kill(signal: number): void;
  /** The signal that killed it, when it died of one (WIFSIGNALED), for the shell's `Killed`. */
  killedBy?(): number | undefined;
}

/** What the kernel offers a running program. */
export interface System {
  readonly clock: Clock;
  readonly rng: Rng;
  /**
   * Let other work run (the terminal, timers, signals). Interpreters call it every few hundred
   * steps so a busy loop never freezes the tab; it costs a little simulated time (10 ms), which is
   * also what lets virtual time reach a `docker stop` grace period while a loop spins.
   * Rejects with Terminated if the process was killed meanwhile.
   */
  tick(signal: AbortSignal): Promise<void>;
  /** The UTS namespace's host name. */
  hostname(): string;
  /** Resolve a command name through PATH the way execvp does; undefined when not found. */
  which(name: string, env: Record<string, string>, fs: Fs): string | undefined;
  /** fork+exec a program file. Rejects with an FsError (ENOENT, EACCES, ENOEXEC) when it cannot start. */
  spawn(opts: SpawnOptions): Promise<ChildProcess>;
  /** exec(3): replace the calling process's program, keeping its PID. Returns the new program's status. */
  exec(self: ProcessApi, opts: Omit<SpawnOptions, 'stdin' | 'stdout' | 'stderr'> & Partial<Pick<SpawnOptions, 'stdin' | 'stdout' | 'stderr'>>): Promise<number>;
  /** kill(2) by PID as seen from this process's PID namespace. */
  kill(pid: number, signal: number, from: ProcessApi): void;
  /** The process table as this process's PID namespace sees it (for ps, top, kill). */
  processes(from: ProcessApi): ProcessInfo[];
  /** Services only the host offers (the docker client's connection to dockerd); undefined in containers. */
  readonly host?: HostServices;
  /**
   * The calling process's network namespace (sockets, name resolution, interfaces). Implemented in
   * ../network; undefined only in unit-test fakes that do not need it.
   */
  readonly net?: NetApi;
  /**
   * Account for memory the program holds (negative releases it). Past its cgroup's limit the OOM
   * killer SIGKILLs the group's largest process; if that is the caller, this throws Terminated.
   */
  charge?(bytes: number): void;
}

/** A connected stream socket: bytes both ways, like a pipe pair. */
export interface Socket {
  readonly input: ReadStream;
  readonly output: WriteStream;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** Close both directions (the peer reads end of file). */
  close(): void;
}

export interface Listener {
  readonly address: string;
  readonly port: number;
  /** Next incoming connection; rejects with Terminated when the process is killed. */
  accept(signal: AbortSignal): Promise<Socket>;
  close(): void;
}

/** errno-style failures of the socket calls, with the C library's wording in `message`. */
export class NetError extends Error {
  constructor(readonly code: 'EADDRINUSE' | 'ECONNREFUSED' | 'ECONNRESET' | 'EHOSTUNREACH' | 'ENETUNREACH' | 'ETIMEDOUT' | 'ENOTFOUND' | 'EACCES', message: string) {
    super(message);
    this.name = 'NetError';
  }
}

export interface NetInterface {
  name: string;
  mac?: string;
  mtu: number;
  state: 'UP' | 'DOWN' | 'UNKNOWN';
  addresses: Array<{ family: 'inet' | 'inet6'; address: string; prefixLength: number }>;
}

/** A network namespace as a program sees it. */
export interface NetApi {
  /** bind+listen on a TCP port (address '0.0.0.0' by default). Throws NetError EADDRINUSE. */
  listen(port: number, opts?: { address?: string }): Listener;
  /** Connect to host:port; host is an address or a name resolved like `resolve`. Rejects with NetError. */
  connect(host: string, port: number, signal: AbortSignal): Promise<Socket>;
  /** /etc/hosts, then Docker's embedded DNS (user-defined networks), then the simulated internet. */
  resolve(name: string): string | undefined;
  /** A DNS query to Docker's embedded DNS (no /etc/hosts): container names and aliases. */
  dnsQuery?(name: string): string | undefined;
  interfaces(): NetInterface[];
  /** ICMP echo reachability of an address (for ping), with a round-trip time in ms. */
  ping(address: string): { reachable: boolean; rttMs: number };
}

/** The calling process's own handle. */
export interface ProcessApi {
  readonly info: ProcessInfo;
  /** Aborts when the process must stop running code (killed, or a signal's default action terminates it). */
  readonly signal: AbortSignal;
  /** Set what a signal does; returns the previous disposition. SIGKILL/SIGSTOP cannot be caught. */
  setSignal(signal: number, disposition: SignalDisposition): SignalDisposition;
  getSignal(signal: number): SignalDisposition;
  /** Update what `ps` shows as the command (exec, or a program renaming itself like nginx's master). */
  setArgv(argv: string[]): void;
  /** Resolves when the process is resumed if stopped (SIGSTOP / docker pause). Called at await points. */
  checkpoint(): Promise<void>;
}

export interface HostServices {
  /**
   * dockerd's API, reached through its socket (the docker client program uses it). Async: on a
   * machine booted with a lazy dockerd (the page), its code loads on first use (machine.ts).
   */
  dockerd(): Promise<DaemonApi>;
  /** The docker client installed on this host (src/api/client.ts), if any. */
  readonly client?: DockerClient;
  /** The UI's file editor (`edit FILE`), when a UI is attached. */
  openEditor?(path: string): void;
  /**
   * What the learner ran on the host and how it ended: each line typed at the host's interactive
   * shell and each `docker` invocation (lessons check "the learner typed …" by these, not by the
   * screen).
   */
  record?(entry: CommandRecord): void;
  /**
   * This machine's Tab-completion table (src/shell/complete.ts CompletionTable), filled at boot:
   * the host's shells complete `docker` arguments from this machine's daemon.
   */
  readonly completions?: CompletionTable;
}

/** One finished command on the host: a typed line, or one run of the docker client. */
export type CommandRecord =
  | { kind: 'line'; text: string; status: number }
  | { kind: 'docker'; argv: string[]; status: number };

export interface ProgramContext {
  argv: string[];
  env: Record<string, string>;
  fs: Fs;
  stdin: ReadStream;
  stdout: WriteStream;
  stderr: WriteStream;
  proc: ProcessApi;
  sys: System;
  /** Shorthand for proc.signal. */
  signal: AbortSignal;
  /** The executable file this program was started from (what /proc/self/exe names), when known. */
  exe?: string;
}

/** A program returns its exit status (0–255). */
export type Program = (ctx: ProgramContext) => Promise<number>;
