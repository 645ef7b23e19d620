/**
 * The machine's whole state as plain data: the base of undo, share links, autosave and lesson
 * set-ups. What it holds: the clock and the random source, the host's disk, the image store, what
 * was pushed to the simulated Hub, and every container (its configuration, state, log and writable
 * layer). Official images' layers are not copied: the Hub rebuilds them, identical, from its recipes.
 *
 * Left out: running processes (an async program cannot be frozen). A container that was running
 * comes back as a machine reboot leaves it, exited with status 255, unless the machine is booted
 * with `resume` (undo, a restored session, a snapshot link): its main process then starts afresh
 * (daemon/resume.ts).
 */
import type { LayerSnapshot } from './fs/snapshot';
import { machineSnapshot, SnapshotError } from './snapshot-check';
import type { ImageStoreSnapshot } from './image/snapshot';
import type { RegistrySnapshot } from './registry/registry';
import type { ContainerConfig, ContainerState, HostConfig, LogEntry } from './container/container';

export interface ContainerSnapshot {
  id: string;
  name: string;
  created: number;
  imageId: string;
  imageRef: string;
  path: string;
  args: string[];
  config: ContainerConfig;
  hostConfig: HostConfig;
  state: ContainerState;
  restartCount: number;
  logs: LogEntry[];
  upper: LayerSnapshot;
  mounts?: import('./volume/mounts').MountPoint[];
}

export interface DaemonSnapshot {
  images: ImageStoreSnapshot;
  /** References pulled from the Hub, so restore can rebuild their layers quickly. */
  pulled: string[];
  hub: RegistrySnapshot;
  /** Private registries' pushed content, by storage key (see Daemon.registryFor). */
  registries?: (RegistrySnapshot & { key: string })[];
  containers: ContainerSnapshot[];
  volumes?: import('./volume/volumes').Volume[];
  networks?: ReturnType<import('./network/networks').NetworkService['snapshot']>;
  /** BuildKit's cache records (the step results are cache-only images in `images`). */
  buildCache?: import('./build/cache').BuildCacheSnapshot;
}

export interface MachineSnapshot {
  format: 'docker-lab-machine';
  version: 1;
  /** Simulated time when the snapshot was taken (ms since the epoch). */
  now: number;
  rng: [number, number, number, number];
  host: LayerSnapshot;
  daemon: DaemonSnapshot;
}

/**
 * Check untrusted data (autosave, a share link, an imported file) before booting from it: the
 * whole structure, every field's type. Throws SnapshotError with a sentence for the learner.
 */
export function validateSnapshot(x: unknown): MachineSnapshot {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || (x as { format?: unknown }).format !== 'docker-lab-machine') {
    throw new SnapshotError('This is not a saved Docker Lab machine.');
  }
  const version = (x as { version?: unknown }).version;
  if (version !== 1) {
    throw new SnapshotError(
      typeof version === 'number' && version > 1
        ? `This machine was saved by a newer Docker Lab (format version ${Math.floor(version)}); this one reads version 1.`
        : 'This saved machine has no format version Docker Lab knows.',
    );
  }
  machineSnapshot(x, 'machine');
  const rng = (x as MachineSnapshot).rng;
  // xoshiro128's state: four 32-bit words, not all zero (an all-zero state only ever yields 0).
  if (rng.some((w) => w < 0 || w > 0xffffffff) || rng.every((w) => w === 0)) throw new SnapshotError('This saved machine is damaged and cannot be loaded (machine.rng: not a random generator state).');
  return x as MachineSnapshot;
}

export function isMachineSnapshot(x: unknown): x is MachineSnapshot {
  return typeof x === 'object' && x !== null && (x as MachineSnapshot).format === 'docker-lab-machine' && (x as MachineSnapshot).version === 1;
}

export { SnapshotError };
