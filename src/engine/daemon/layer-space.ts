/**
 * Room for a layer in /var/lib/docker before it is unpacked (pull, load, build). On a full disk the
 * overlay2 driver's untar fails on the first file that does not fit, and moby reports
 * `failed to register layer: write <path>: no space left on device` (layer/layer_store.go wraps the
 * applyTar error; Go's os.PathError prints the op, the path and the lower-case strerror). Also the
 * block a new folder takes and the wording of a daemon write that hits the full disk.
 */
import type { DiskSpace } from '../fs/disk';
import type { Layer } from '../fs/layer';
import { DaemonError, StreamError } from '../../api/daemon';
import { isFsError } from '../../api/fs';

/** The path a failed untar names: the layer's biggest file (where a real untar most likely stops). */
function biggestFile(layer: Layer): string {
  let best = { path: '/', size: -1 };
  for (const e of layer.entries()) {
    if (e.kind !== 'file') continue;
    const size = e.size ?? (typeof e.data === 'string' ? e.data.length : e.data.length);
    if (size > best.size) best = { path: e.path, size };
  }
  return best.path;
}

/**
 * Throw Docker's error when `layer` does not fit beside `pending` bytes already promised to layers
 * of the same pull that are not in the store yet.
 */
export function ensureLayerRoom(disk: DiskSpace | undefined, layer: Layer, pending: number): void {
  if (!disk || layer.size + pending <= disk.avail()) return;
  throw new StreamError(`failed to register layer: write ${biggestFile(layer)}: no space left on device`, 500);
}

/**
 * Room for `docker commit`'s new layer: the overlay2 driver makes the layer's folder, then untars
 * the container's changes into it (a copy: the container keeps its writable layer). The commit
 * path does not wrap the error as a pull does (daemon/images/image_commit.go returns
 * layerStore.Register's error as it is).
 */
export function ensureCommitRoom(disk: DiskSpace | undefined, layer: Layer, folder: string): void {
  ensureDirRoom(disk, folder);
  if (disk && layer.size > disk.avail()) throw new DaemonError(`write ${biggestFile(layer)}: no space left on device`, 500);
}

/**
 * ext4 gives a new directory one block (4 KiB) for its entries, so on a full disk the first mkdir
 * fails: the overlay2 driver's `<mount id>-init` folder when a container's writable layer is made
 * (daemon/create.go → layer store → overlay2 create), `docker-import-*` under /var/lib/docker/tmp
 * when a load unpacks its tar. The disk model counts no space for folders, so the daemon asks for
 * that block itself where Docker makes one of these.
 */
const DIR_BLOCK = 4096;

export function ensureDirRoom(disk: DiskSpace | undefined, path: string): void {
  if (disk && disk.avail() < DIR_BLOCK) throw new DaemonError(`mkdir ${path}: no space left on device`, 500);
}

/** A write the daemon made that hit the full disk, worded as Go's os.PathError (`write PATH: no space left on device`). */
export function daemonDiskError(e: unknown): unknown {
  if (!isFsError(e, 'ENOSPC')) return e;
  return new DaemonError(`${e.syscall} ${e.path}: no space left on device`, 500);
}
