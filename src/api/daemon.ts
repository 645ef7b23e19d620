/**
 * The contract between the docker client and the simulated daemon, in Docker Engine API terms
 * (JSON field names as the Engine API sends them): what the CLI verbs may ask, and nothing else.
 * The daemon (src/engine/dockerd.ts) implements it; the verbs only format. Failures are thrown as
 * DaemonError (./errors.ts) with the daemon's message; the CLI prefixes `Error response from daemon: `.
 */
export { DaemonError, StreamError } from './errors';

export interface ImageSummary {
  Id: string; ParentId: string; RepoTags: string[]; RepoDigests: string[];
  /** Unix seconds. */
  Created: number; Size: number; SharedSize: number; Labels: Record<string, string> | null; Containers: number;
}

export interface Port { IP?: string; PrivatePort: number; PublicPort?: number; Type: 'tcp' | 'udp' | 'sctp' }

export interface ContainerSummary {
  Id: string; Names: string[]; Image: string; ImageID: string; Command: string;
  /** Unix seconds. */
  Created: number; Ports: Port[]; SizeRw?: number; SizeRootFs?: number;
  Labels: Record<string, string>; State: string; Status: string;
  Mounts: Array<{ Type: string; Name?: string; Source: string; Destination: string }>;
  NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
}

export interface ImageHistoryItem { Id: string; Created: number; CreatedBy: string; Tags: string[] | null; Size: number; Comment: string }
export interface ImageDeleteItem { Untagged?: string; Deleted?: string }
export interface SearchResult { name: string; description: string; star_count: number; is_official: boolean; is_automated: boolean }
/** One progress message of /images/create (as `docker pull` renders them). */
export interface PullProgress { id?: string; status: string; progress?: string }

export interface ServerVersion {
  Platform: { Name: string };
  Components: Array<{ Name: string; Version: string; Details?: Record<string, string> }>;
  Version: string; ApiVersion: string; MinAPIVersion: string; GitCommit: string; GoVersion: string;
  Os: string; Arch: string; KernelVersion: string; Experimental?: boolean; BuildTime: string;
}

export interface DaemonApi {
  version(): Promise<ServerVersion>;
  /** GET /info: Docker's SystemInfo JSON (format left to the `info` verb). */
  info(): Promise<Record<string, unknown>>;
  /**
   * dockerd restarted by systemd (rereads /etc/docker/daemon.json); host programs only. A file
   * dockerd refuses leaves it down: DaemonError with dockerd's startup error.
   */
  restartEngine(): Promise<void>;
  engineProcess(): { pid: number; startTime: number } | undefined;
  engineFailed(): string | undefined;
  imageList(opts: { all: boolean; filters: Record<string, string[]> }): Promise<ImageSummary[]>;
  imagePull(ref: string, opts: { platform?: string; onProgress: (p: PullProgress) => Promise<void> }): Promise<void>;
  imageRemove(ref: string, opts: { force: boolean; noPrune: boolean }): Promise<ImageDeleteItem[]>;
  imageTag(source: string, target: string): Promise<void>;
  imageHistory(ref: string): Promise<ImageHistoryItem[]>;
  /** GET /images/{name}/json: ImageInspect, fields in Docker's order. */
  imageInspect(ref: string): Promise<Record<string, unknown>>;
  imagePrune(opts: { all: boolean; filters: Record<string, string[]> }): Promise<{ ImagesDeleted: ImageDeleteItem[] | null; SpaceReclaimed: number }>;
  search(term: string, opts: { limit: number; filters: Record<string, string[]> }): Promise<SearchResult[]>;
  containerList(opts: { all: boolean; limit: number; size: boolean; filters: Record<string, string[]> }): Promise<ContainerSummary[]>;
  /** POST /containers/create with Docker's Config/HostConfig/NetworkingConfig bodies. */
  containerCreate(body: { name?: string; config: Record<string, unknown>; hostConfig: Record<string, unknown>; networkingConfig?: Record<string, unknown>; platform?: string }): Promise<{ Id: string; Warnings: string[] }>;
  containerStart(id: string): Promise<void>;
  /**
   * POST /containers/{id}/attach?stream=1&stdout=1&stderr=1 (+stdin): from now on `onOutput`
   * receives what the container writes (with a TTY everything arrives as 'stdout'). If `stdin` is
   * given its bytes are fed to the container's first process. Attach before start to miss nothing.
   * With a TTY container and a terminal as `stdin` (`-it`), the terminals are linked instead: keys
   * reach the container's pty directly and its screen is shown (onOutput is not called); the
   * detach keys (default `ctrl-p,ctrl-q`) end the attachment and resolve `detached`.
   */
  containerAttach(
    id: string,
    opts: {
      stdin?: import('./streams').ReadStream;
      onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void;
      detachKeys?: string;
      /**
       * Resize the container's terminal to one more row and column and back once linked (POST
       * /containers/{id}/resize twice), as `docker attach` does so the shell redraws its prompt.
       */
      nudgeSize?: boolean;
    },
  ): Promise<{ detach(): void; detached?: Promise<void>; drain?: () => Promise<void> }>;
  /** POST /containers/{id}/wait: resolves when the container next stops (or now if it is not running). */
  containerWait(id: string, condition?: 'next-exit' | 'not-running' | 'removed'): Promise<{ StatusCode: number }>;
  /** DELETE /containers/{id}?force=&v= */
  containerRemove(id: string, opts: { force: boolean; volumes: boolean }): Promise<void>;
  /**
   * POST /containers/{id}/exec + /exec/{id}/start: run a command in a running container and resolve
   * with its exit code. With `tty` and a terminal as `stdin`, the terminals are linked (as attach).
   */
  containerExec(
    id: string,
    opts: { cmd: string[]; env?: string[]; workdir?: string; user?: string; tty?: boolean; stdin?: import('./streams').ReadStream; onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void },
  ): Promise<number>;
  /** POST /commit: the container's changes as a new image; resolves with its ID. */
  containerCommit(id: string, opts: { reference?: string; author?: string; message?: string; changes?: string[]; pause?: boolean }): Promise<{ Id: string }>;
  /** GET /containers/{id}/changes: Kind 0 = C, 1 = A, 2 = D. */
  containerDiff(id: string): Promise<{ Kind: number; Path: string }[]>;
  /** GET/PUT/HEAD /containers/{id}/archive (entries of the simulator's tar module). */
  containerArchiveGet(id: string, path: string): Promise<import('../lib/tar').TarEntry[]>;
  containerArchivePut(id: string, dir: string, entries: import('../lib/tar').TarEntry[], rename?: string): Promise<void>;
  containerArchiveStat(id: string, path: string): Promise<{ exists: boolean; dir: boolean }>;
  /** GET /containers/{id}/stats?stream=0, reduced to what `docker stats` shows. */
  containerStats(id: string): Promise<{ id: string; name: string; cpu: number; mem: number; limit: number; netRx: number; netTx: number; blockRead: number; blockWrite: number; pids: number }>;
  /** GET /containers/{id}/export */
  containerExport(id: string): Promise<Uint8Array>;
  /** POST /images/create?fromSrc=-: a filesystem tarball as a new image; resolves with its ID. */
  imageImport(tar: Uint8Array, opts: { source: string; reference?: string; message?: string; changes?: string[]; platform?: string }): Promise<string>;
  containerPause(id: string): Promise<void>;
  containerUnpause(id: string): Promise<void>;
  containerRename(id: string, name: string): Promise<void>;
  /** GET /containers/{id}/top: `ps -ef` columns of the container's processes, host view. */
  /** `psArgs`: the ps options after the container (`aux`, `-eo pid,comm` …); none means `-ef`. */
  containerTop(id: string, psArgs?: string[]): Promise<{ Titles: string[]; Processes: string[][] }>;
  containerPrune(): Promise<{ ContainersDeleted: string[] | null; SpaceReclaimed: number }>;
  /** POST /containers/{id}/stop?t=&signal= : resolves once it has stopped. */
  containerStop(id: string, opts: { timeout?: number; signal?: string }): Promise<void>;
  /** POST /containers/{id}/kill?signal= */
  containerKill(id: string, signal?: string): Promise<void>;
  /** POST /containers/{id}/update: resources and restart policy. */
  containerUpdate(id: string, body: { Memory?: number; MemorySwap?: number; NanoCpus?: number; RestartPolicy?: { Name: string; MaximumRetryCount?: number } }): Promise<{ Warnings: string[] }>;
  /** POST /containers/{id}/restart?t= */
  containerRestart(id: string, opts: { timeout?: number; signal?: string }): Promise<void>;
  /**
   * GET /containers/{id}/logs: lines go to `onOutput`; with `follow` it resolves when the
   * container stops or `signal` aborts. `since`/`until` are ms since the epoch; `tail` is "all" or N.
   */
  containerLogs(
    id: string,
    opts: { follow: boolean; timestamps: boolean; tail: string; since?: number; until?: number; signal?: AbortSignal; onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void },
  ): Promise<void>;
  /** GET /containers/{id}/json: ContainerInspect, fields in Docker's order. */
  containerInspect(id: string, opts?: { size?: boolean }): Promise<Record<string, unknown>>;
  /**
   * POST /build: the context as tar entries; progress text streamed to onOutput; resolves with the
   * image ID. A failed build throws StreamError (printed bare, its exitCode the client's) or, for a
   * refusal before the build, DaemonError.
   */
  imageBuild(
    req: import('./bodies').BuildRequest,
    onOutput: (text: string) => Promise<void>,
  ): Promise<string>;
  /** POST /build/prune: build cache records removed and the bytes that frees. */
  buildPrune(all: boolean): Promise<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>;
  volumeCreate(opts: { name?: string; driver?: string; labels?: Record<string, string>; options?: Record<string, string> }): Promise<Record<string, unknown>>;
  volumeList(filters: Record<string, string[]>): Promise<Record<string, unknown>[]>;
  volumeInspect(name: string): Promise<Record<string, unknown>>;
  volumeRemove(name: string, force: boolean): Promise<void>;
  volumePrune(all: boolean, filters?: Record<string, string[]>): Promise<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }>;
  systemDf(): Promise<import('./bodies').DiskUsage>;
  networkList(filters: Record<string, string[]>): Promise<Record<string, unknown>[]>;
  networkInspect(ref: string): Promise<Record<string, unknown>>;
  networkCreate(name: string, opts: { driver?: string; subnet?: string; gateway?: string; labels?: Record<string, string> }): Promise<{ Id: string }>;
  networkRemove(ref: string): Promise<void>;
  networkConnect(net: string, container: string, aliases: string[]): Promise<void>;
  networkDisconnect(net: string, container: string): Promise<void>;
  networkPrune(): Promise<string[]>;
  containerPort(id: string): Promise<{ containerPort: string; hostIp: string; hostPort: number }[]>;
  imagePush(ref: string, opts: { username?: string; onProgress: (p: PullProgress) => Promise<void> }): Promise<void>;
  imageSave(refs: string[]): Promise<Uint8Array>;
  imageLoad(bytes: Uint8Array, quiet?: boolean): Promise<import('./bodies').LoadMessage[]>;
  /**
   * GET /events?since=&until=&filters=: `since`/`until` as the CLI sends them (Unix seconds with
   * optional nanoseconds); resolves once `until` has passed or `signal` aborts.
   */
  events(opts: { since?: string; until?: string; filters: Record<string, string[]>; signal?: AbortSignal; onEvent: (m: import('./bodies').EventMessage) => Promise<void> | void }): Promise<void>;
  /** POST /auth: the registry checks the credentials (`docker login`). */
  registryLogin(auth: { username: string; password: string; serveraddress: string }): Promise<{ Status: string }>;
}
