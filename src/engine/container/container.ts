/**
 * A container as the daemon keeps it: configuration, state, its writable layer over the image's
 * layers, its log, and (while running) its first process.
 *
 * Real concept: dockerd's container object (daemon/container), its state machine
 * (created → running ⇄ paused, → exited, restarting, removing, dead) and the json-file log driver.
 * Simulated: the same fields with Docker's JSON names, so `docker inspect` can print them as-is.
 */
import type { FsBackend } from '../fs/types';
import type { Pty } from '../process/pty';
import type { Proc } from '../process/kernel';

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

export class Container {
  state: ContainerState = {
    Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
    Pid: 0, ExitCode: 0, Error: '', StartedAt: 0, FinishedAt: 0,
  };
  restartCount = 0;
  logs: LogEntry[] = [];
  private logListeners = new Set<LogListener>();
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
    this.logs.push(e);
    for (const fn of this.logListeners) fn(e);
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
