/**
 * Room for a layer in /var/lib/docker before it is unpacked (pull, load, build). On a full disk the
 * overlay2 driver's untar fails on the first file that does not fit, and moby reports
 * `failed to register layer: write <path>: no space left on device` (layer/layer_store.go wraps the
 * applyTar error; Go's os.PathError prints the op, the path and the lower-case strerror).
 */
import type { DiskSpace } from '../fs/disk';
import type { Layer } from '../fs/layer';
import { StreamError } from '../../api/daemon';

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
