/**
 * What a lesson (or any observer above the engine) may ask the simulated machine: plain facts,
 * read from the daemon's Engine API views and the host's files, never from the screen. The engine
 * implements it (src/engine/query.ts); the lesson checker (src/lessons) consumes it. Everything
 * here is plain data, so it crosses the worker boundary as it is.
 */

export interface ImageFacts {
  id: string;
  /** `repo:tag` references, as `docker images` lists them. */
  tags: string[];
  /** Layers in RootFS (what `docker history` counts as non-empty rows). */
  layers: number;
  /** Diff IDs of its layers, bottom to top (images that share a base share a prefix). */
  layerIds: string[];
  size: number;
  author: string;
  comment: string;
  /** The image config: Cmd, Entrypoint, Env, WorkingDir, User, ExposedPorts, Volumes, Labels … */
  config: Record<string, unknown>;
  /** `created_by` of each history entry, oldest first. */
  history: string[];
  /** How many containers (any state) use it. */
  containers: number;
}

export interface ContainerFacts {
  id: string;
  name: string;
  /** The image as the learner named it (`docker ps` IMAGE column). */
  image: string;
  imageId: string;
  /** created | running | paused | restarting | exited | dead */
  state: string;
  exitCode: number;
  oomKilled: boolean;
  /** Path and arguments of its first process. */
  command: string[];
  tty: boolean;
  openStdin: boolean;
  hostname: string;
  /** Published ports while it runs: `80/tcp` → host port. */
  ports: { containerPort: string; hostPort: number }[];
  /** Port bindings asked for at create (kept while it is stopped). */
  portBindings: { containerPort: string; hostPort: string }[];
  mounts: { type: string; name?: string; source: string; target: string; rw: boolean }[];
  /** Its writable layer as `docker diff` reports it. */
  changes: { kind: 'A' | 'C' | 'D'; path: string }[];
  networks: string[];
  links: string[];
  memoryLimit: number;
  nanoCpus: number;
  pidMode: string;
  volumesFrom: string[];
  restartPolicy: string;
  restartCount: number;
  labels: Record<string, string>;
  /** The container's main process, host PID (0 when not running). */
  pid: number;
}

export interface VolumeFacts {
  name: string;
  mountpoint: string;
  /** Containers (names) that mount it. */
  usedBy: string[];
}

export interface NetworkFacts {
  name: string;
  driver: string;
  subnet: string;
  /** Names of the containers attached. */
  containers: string[];
}

export interface ProcessFacts {
  /** Host PID. */
  pid: number;
  /** PID in its own namespace. */
  nsPid: number;
  argv: string[];
  uid: number;
  /** Full ID of the container whose namespaces it runs in. */
  container?: string;
}

/** A finished command on the host (see CommandRecord in the engine's process types). */
export type CommandFact =
  | { kind: 'line'; text: string; status: number }
  | { kind: 'docker'; argv: string[]; status: number };

export interface EngineFacts {
  registryMirrors: string[];
  /** Is dockerd running (false after a failed restart)? */
  running: boolean;
}

export interface MachineQuery {
  images(): Promise<ImageFacts[]>;
  /** The image a reference names (`ubuntu` means `ubuntu:latest`), or an ID prefix. */
  image(ref: string): Promise<ImageFacts | undefined>;
  /** Is `path` in the image's filesystem (the union of its layers)? */
  imageHasFile(ref: string, path: string): Promise<boolean>;
  containers(): Promise<ContainerFacts[]>;
  /** A file's text as the container sees it (its merged root; mounts included), if it exists. */
  containerFile(idOrName: string, path: string): Promise<string | undefined>;
  volumes(): Promise<VolumeFacts[]>;
  /** A file inside a volume's data, if it exists. */
  volumeFile(name: string, path: string): Promise<string | undefined>;
  networks(): Promise<NetworkFacts[]>;
  /** A file on the host, read as root; `~` is the learner's home. */
  hostFile(path: string): Promise<string | undefined>;
  processes(): Promise<ProcessFacts[]>;
  engine(): Promise<EngineFacts>;
}
