/**
 * What the engine tells the pictures. The engine never draws; it emits small events and the UI
 * batches them, reading `Machine.describe()` snapshots for the full picture when it needs to.
 */
export type MachineEvent =
  | { type: 'image.pulled'; id: string; ref: string }
  | { type: 'image.tagged'; id: string; ref: string }
  | { type: 'image.untagged'; id: string; ref: string }
  | { type: 'image.deleted'; id: string }
  | { type: 'layer.created'; diffId: string }
  | { type: 'layer.deleted'; diffId: string }
  | { type: 'container.created'; id: string; name: string; image: string }
  | { type: 'container.state'; id: string; state: string }
  | { type: 'container.removed'; id: string }
  | { type: 'container.fs'; id: string; path: string; kind: 'A' | 'C' | 'D' }
  | { type: 'process.spawned'; pid: number; ppid: number; argv: string[]; container?: string }
  | { type: 'process.exited'; pid: number; status: number }
  | { type: 'process.oom'; pid: number; container?: string }
  | { type: 'build.started'; build: string; dockerfile: string; tags: string[]; classic: boolean }
  | { type: 'build.step.started'; build: string; step: number; stage: string; text: string; parentId: string }
  | BuildStepEvent
  | { type: 'build.finished'; build: string; imageId?: string; error?: string }
  | { type: 'container.mounts'; id: string; mounts: { type: string; name?: string; source: string; target: string; rw: boolean }[] }
  | { type: 'volume.created'; name: string }
  | { type: 'volume.removed'; name: string }
  | { type: 'network.changed'; id: string }
  | { type: 'editor.open'; path: string }
  | { type: 'command.finished'; record: import('./process/types').CommandRecord }
  /** dockerd's events service (`docker events`): one action on one object, see daemon/event-log.ts. */
  | { type: 'engine.event'; kind: import('../api/bodies').EngineEventType; action: string; id: string; attributes: Record<string, string> }
  /** The page swapped in another machine (undo, redo, reset, a restored session or a link): redraw everything. */
  | { type: 'machine.replaced' };

/**
 * One build step done (`build` ties the steps of one `docker build` together; `step` counts from 1
 * across stages, FROM included). `cached` with `reason` says why the cache was used or not, in
 * words a learner reads ("the files it copies changed since the last build", "--no-cache: …").
 * `layer` is the diff ID of the layer the step added (none for metadata steps and cache hits of
 * them); `files` what that layer changed, as `docker diff` words it (at most 200 entries).
 */
export interface BuildStepEvent {
  type: 'build.step';
  build: string;
  step: number;
  stage: string;
  text: string;
  cached: boolean;
  reason: string;
  parentId: string;
  imageId: string;
  layer?: string;
  size: number;
  files: { path: string; kind: 'A' | 'C' | 'D' }[];
}

export type Listener = (e: MachineEvent) => void;

export class Emitter {
  private listeners = new Set<Listener>();
  on(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(e: MachineEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}
