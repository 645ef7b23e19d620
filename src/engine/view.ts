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

export interface MachineView {
  images: ImageView[];
  containers: ContainerView[];
  processes: ProcessView[];
}
