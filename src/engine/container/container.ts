/**
 * A container as the daemon keeps it: configuration, state, its writable layer over the image's
 * layers, its log, and (while running) its first process.
 *
 * Real concept: dockerd's container object (daemon/container), its state machine
 * (created → running ⇄ paused, → exited, restarting, removing, dead) and the json-file log driver.
 * Simulated: the same fields with Docker's JSON names, so `docker inspect` can print them as-is.
 */
import type { FsBackend } from '../../api/fs';
import type { Pty } from '../process/pty';
import type { Proc } from '../process/kernel';
import { Gates, type Gate } from '../process/backpressure';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, object>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, object> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
  /** From the image's HEALTHCHECK or the --health-* flags (durations in nanoseconds). */
  Healthcheck?: import('../image/config').ImageConfig['config']['Healthcheck'];
  /** The image's SHELL, used by CMD-SHELL health checks. */
  Shell?: string[];
}

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'on-failure' | 'unless-stopped';
  MaximumRetryCount: number;
}

export interface HostConfig {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  PidMode: string;
  ReadonlyRootfs: boolean;
  Memory: number;
  /** Memory + swap in bytes (-1 unlimited swap, 0 unset). */
  MemorySwap?: number;
  NanoCpus: number;
  Init?: boolean | null;
  [key: string]: unknown;
}

export interface ContainerState {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** Times in ms since the epoch; 0 means never (Docker prints 0001-01-01T00:00:00Z). */
  StartedAt: number;
  FinishedAt: number;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  time: number;
  data: string;
}

type LogListener = (e: LogEntry) => void;

/**
 * The json-file log driver keeps every line on disk unless `max-size`/`max-file` rotate it; a
 * browser tab has no disk, so the simulator always rotates as `--log-opt max-size=1m
 * --log-opt max-file=2` would: when the current file passes 1 MiB it becomes the old one and the
 * one before is dropped. `docker logs` then shows the last 1–2 MiB, as it does on a rotated host.
 * Sizes count each entry as json-file writes it: the text plus its JSON wrapping.
 */
export const LOG_MAX_SIZE = 1024 * 1024;
export const LOG_MAX_FILE = 2;
const LOG_ENTRY_WRAPPING = '{"log":"","stream":"stdout","time":"2025-10-01T09:00:00.000000000Z"}\n'.length;

export class Container {
  state: ContainerState = {
    Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
    Pid: 0, ExitCode: 0, Error: '', StartedAt: 0, FinishedAt: 0,
  };
  restartCount = 0;
  logs: LogEntry[] = [];
  /** Where the current log file starts in `logs`, and its size so far (see LOG_MAX_SIZE). */
  private logFileStart = 0;
  private logFileSize = 0;
  /** Where the kept old files begin in `logs`, oldest first. */
  private oldFileStarts: number[] = [];
  /** The json-file caps: `--log-opt max-size` / `max-file`, else the simulator's bound. */
  logMaxSize = LOG_MAX_SIZE;
  logMaxFile = LOG_MAX_FILE;
  private logListeners = new Set<LogListener>();
  /** Readers of the log (attach, `logs -f`) that are behind: the container's writes wait on them. */
  private logGates = new Gates();
  private exitWaiters: ((code: number) => void)[] = [];
  /** Set while running. */
  init?: Proc;
  pty?: Pty;
  /** Feeds the first process's stdin when the container was created with -i. */
  stdinWriter?: { write(chunk: string | Uint8Array): Promise<void>; close(): void };
  /** Set when `docker stop`/`kill` asked it to end (restart policies do not restart it then). */
  stoppedByUser = false;
  /** Volumes, bind mounts and tmpfs mounts, resolved at create (`Mounts` in inspect). */
  mounts: import('../volume/mounts').MountPoint[] = [];
  /** `--network-alias` and networks joined with `network connect` (name → aliases). */
  netAliases: string[] = [];
  extraNetworks: Record<string, { aliases: string[] }> = {};

  constructor(
    readonly id: string,
    public name: string,
    readonly created: number,
    /** The image's ID (sha256:…) and the reference the user gave (shown in `docker ps`). */
    readonly imageId: string,
    readonly imageRef: string,
    readonly path: string,
    readonly args: string[],
    readonly config: ContainerConfig,
    readonly hostConfig: HostConfig,
    /** The union filesystem: image layers below, this container's writable layer on top. */
    readonly rootfs: FsBackend & { diff(): { kind: 'A' | 'C' | 'D'; path: string }[] },
  ) {}

  get shortId(): string {
    return this.id.slice(0, 12);
  }

  get running(): boolean {
    return this.state.Running;
  }

  appendLog(stream: 'stdout' | 'stderr', data: string, time: number): void {
    if (!data) return;
    const e = { stream, data, time };
    // moby's LogFile checks the capacity before each write: a full file rotates when the next
    // entry comes, so the last file stays whole until then.
    if (this.logFileSize >= this.logMaxSize) this.rotateLog();
    this.logs.push(e);
    // Each line is one JSON entry: the text escaped (a newline is `\n`) inside the wrapping.
    const lines = Math.max(1, data.split('\n').length - (data.endsWith('\n') ? 1 : 0));
    this.logFileSize += JSON.stringify(data).length - 2 + lines * LOG_ENTRY_WRAPPING;
    for (const fn of this.logListeners) fn(e);
  }

  /** The current file becomes the newest old one; files past logMaxFile are dropped. */
  private rotateLog(): void {
    this.oldFileStarts.push(this.logFileStart);
    const keep = Math.max(0, this.logMaxFile - 1);
    // Everything before the oldest file kept goes (with max-file=1 the file is simply truncated).
    const cut = keep > 0 ? this.oldFileStarts[Math.max(0, this.oldFileStarts.length - keep)] : this.logs.length;
    this.oldFileStarts = keep > 0 ? this.oldFileStarts.slice(-keep).map((s) => s - cut) : [];
    if (cut > 0) {
      const cutMidLine = !this.logs[cut - 1].data.endsWith('\n');
      this.logs = this.logs.slice(cut);
      // json-file writes whole lines, so a kept file never starts inside one: drop the rest of a
      // line the dropped file began.
      const head = this.logs[0];
      if (cutMidLine && head) {
        const nl = head.data.indexOf('\n');
        if (nl < 0) {
          this.logs.shift();
          this.oldFileStarts = this.oldFileStarts.map((s) => Math.max(0, s - 1));
        } else this.logs[0] = { ...head, data: head.data.slice(nl + 1) };
      }
    }
    this.logFileStart = this.logs.length;
    this.logFileSize = 0;
  }

  /** Pace the container's output to its slowest log reader (see logGates); returns the removal. */
  addLogGate(gate: Gate): () => void {
    return this.logGates.add(gate);
  }

  /** A promise while some log reader is behind; undefined when the container may write on. */
  logBehind(): Promise<void> | undefined {
    return this.logGates.behind();
  }

  onLog(fn: LogListener): () => void {
    this.logListeners.add(fn);
    return () => this.logListeners.delete(fn);
  }

  /** Resolves with the exit code the next time the container stops (or now, if it is not running). */
  waitExit(): Promise<number> {
    if (!this.state.Running && this.state.Status !== 'restarting') return Promise.resolve(this.state.ExitCode);
    return new Promise((r) => this.exitWaiters.push(r));
  }

  markExited(code: number, now: number): void {
    this.state = {
      ...this.state,
      Status: 'exited', Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: code, FinishedAt: now,
    };
    this.init = undefined;
    const ws = this.exitWaiters;
    this.exitWaiters = [];
    ws.forEach((w) => w(code));
  }
}
