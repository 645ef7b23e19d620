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
  | { type: 'build.step'; text: string; cached: boolean; reason: string; imageId: string; size: number }
  | { type: 'volume.created'; name: string }
  | { type: 'volume.removed'; name: string }
  | { type: 'network.changed'; id: string }
  | { type: 'editor.open'; path: string };

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
