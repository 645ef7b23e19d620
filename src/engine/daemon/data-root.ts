/**
 * Bytes under /var/lib/docker that are not files of the host tree: image layers (each shared layer
 * once, as overlay2 stores it once) and every container's writable layer. Volumes are files of the
 * host tree (/var/lib/docker/volumes/NAME/_data), so the host disk already counts them.
 * The same figures `docker system df` adds up, so `df` and it agree.
 */
import type { Daemon } from '../dockerd';
import type { Overlay } from '../fs/overlay';

export function dataRootBytes(d: Daemon): number {
  let n = d.store.totalLayerSize();
  for (const c of d.containers.containers.values()) n += (c.rootfs as Overlay).upper.bytes;
  return n;
}
