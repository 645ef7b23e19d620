/**
 * `docker import`: a filesystem tarball (usually from `docker export`) becomes a one-layer image
 * with no parent and an empty config, plus `--change` instructions; history says where it came from.
 */
import type { Clock } from '../clock';
import { Layer } from '../fs/layer';
import { readTar, tarToLayerEntries } from '../../lib/tar';
import type { ImageConfig } from '../image/config';
import type { Image, ImageStore } from '../image/store';
import { DaemonError } from '../../api/daemon';

export function importTarball(store: ImageStore, clock: Clock, tar: Uint8Array, opts: { source: string; message?: string; changes?: string[] }, applyChange: (cfg: ImageConfig['config'], line: string) => void): Image {
  let layer: Layer;
  try {
    layer = Layer.fromEntries(tarToLayerEntries(readTar(tar)), { mtime: clock.now() });
  } catch (e) {
    throw new DaemonError(`archive/tar: invalid tar header`, 400);
  }
  const created = new Date(clock.now()).toISOString();
  const cfg: ImageConfig['config'] = {};
  for (const ch of opts.changes ?? []) applyChange(cfg, ch);
  const config: ImageConfig = {
    architecture: 'amd64',
    os: 'linux',
    config: cfg,
    created,
    docker_version: '28.5.2',
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    history: [{ created, created_by: `Imported from ${opts.source}`, ...(opts.message ? { comment: opts.message } : {}) }],
  };
  return store.add(config, [layer]);
}
