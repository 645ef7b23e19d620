/**
 * Plain-data views of the machine for the pictures (the UI reads these; it never reaches into
 * engine objects). Kept small and serialisable so they cross the worker boundary as-is.
 */
export interface LayerView {
  diffId: string;
  /** Reported size in bytes. */
  size: number;
  /** The history entry that made it (`RUN apt-get install …`, `ADD file:… in /`). */
  createdBy: string;
}

export interface ImageView {
  id: string;
  tags: string[];
  /** Bottom to top. */
  layers: LayerView[];
  size: number;
}

export interface ContainerView {
  id: string;
  name: string;
  imageId: string;
  image: string;
  state: string;
  /** Changes in its writable layer, as `docker diff` reports them. */
  changes: { kind: 'A' | 'C' | 'D'; path: string }[];
  /** Volumes, bind mounts and tmpfs: paths that bypass the union filesystem. */
  mounts: MountView[];
  /** Ports published on the host while it runs (docker-proxy forwards). */
  ports: PortView[];
  /** `--link` entries as given (`name:alias` or `name`). */
  links: string[];
}

export interface MountView {
  type: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name (volumes only). */
  name?: string;
  /** Where the data lives on the host (empty for tmpfs). */
  source: string;
  /** The path inside the container. */
  target: string;
  rw: boolean;
}

export interface PortView {
  hostIp: string;
  hostPort: number;
  /** `80/tcp` */
  containerPort: string;
}

export interface EndpointView {
  containerId: string;
  containerName: string;
  ip: string;
  aliases: string[];
}

export interface NetworkView {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  subnet: string;
  gateway: string;
  endpoints: EndpointView[];
}

export interface ProcessView {
  /** Host PID. */
  pid: number;
  ppid: number;
  /** PID inside the process's own PID namespace (equal to pid on the host). */
  nsPid: number;
  argv: string[];
  uid: number;
  state: string;
  /** The container whose namespaces it runs in (full ID), if any. */
  container?: string;
}

/** A Compose project as the daemon sees it: everything labelled com.docker.compose.project=NAME. */
export interface ProjectView {
  name: string;
  /** Service → its containers (name and state). */
  services: { name: string; containers: { name: string; state: string }[] }[];
  networks: string[];
  volumes: string[];
}

export interface MachineView {
  images: ImageView[];
  containers: ContainerView[];
  processes: ProcessView[];
  networks: NetworkView[];
  /** Compose projects (grouped by their labels; nothing else marks a project). */
  projects: ProjectView[];
}
