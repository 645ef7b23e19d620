/**
 * `docker load`: images from a save tar (Docker's manifest.json names each config and its layer
 * tars). Layers are content-addressed, so ones already present are shared, not stored twice.
 */
import type { DiskSpace } from '../fs/disk';
import { ensureDirRoom, ensureLayerRoom } from './layer-space';
import type { ImageStore, Image } from '../image/store';
import { chainIds, cloneConfig, shortId, type ImageConfig } from '../image/config';
import { Layer } from '../fs/layer';
import { readTar, tarToLayerEntries, type TarEntry } from '../../lib/tar';
import { DaemonError, StreamError } from '../../api/daemon';
import type { LoadMessage } from '../../api/bodies';

const dec = new TextDecoder();
/** Where tarexport.Load unpacks (os.MkdirTemp under dockerd's TMPDIR; the number as moby's first). */
const TMP_DIR = '/var/lib/docker/tmp/docker-import-1804289383';

/** On a disk too full for the tar, the untar stops at the first file that does not fit. */
function ensureUntarRoom(disk: DiskSpace | undefined, entries: TarEntry[]): void {
  if (!disk) return;
  let left = disk.avail();
  for (const e of entries) {
    if (e.type !== 'file') continue;
    left -= e.data?.length ?? 0;
    if (left < 0) throw new StreamError(`write ${TMP_DIR}/${e.name.replace(/^\.\//, '')}: no space left on device`, 500);
  }
}

/**
 * `docker load`, as moby's tarexport.Load: for each manifest.json entry, layers whose chain is
 * already in the store are kept (no progress line); new ones print `Loading layer` unless quiet;
 * then `Loaded image: NAME:TAG` per tag (quiet or not), or `Loaded image ID:` when untagged.
 */
export function loadImages(store: ImageStore, bytes: Uint8Array, quiet = false, disk?: DiskSpace): LoadMessage[] {
  let entries: TarEntry[];
  try {
    entries = readTar(bytes);
  } catch {
    throw new DaemonError('unexpected EOF', 400);
  }
  // tarexport.Load unpacks the whole tar into a temporary folder before it reads manifest.json.
  // Its errors come inside the response stream (the API route writes them there), so they print bare.
  try {
    ensureDirRoom(disk, TMP_DIR);
  } catch (e) {
    throw new StreamError((e as Error).message, 500);
  }
  ensureUntarRoom(disk, entries);
  const files = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.name.replace(/^\.\//, ''), e.data ?? new Uint8Array()]));
  const m = files.get('manifest.json');
  if (!m) throw new DaemonError('open /var/lib/docker/tmp/docker-import-1804289383/manifest.json: no such file or directory', 500);
  const manifest = JSON.parse(dec.decode(m)) as { Config: string; RepoTags: string[] | null; Layers: string[] }[] | null;
  if (!manifest) throw new DaemonError('invalid manifest, manifest cannot be null (but can be [])', 500);
  const out: LoadMessage[] = [];
  let ids = '';
  let tagged = 0;
  for (const item of manifest) {
    const cfgBytes = files.get(item.Config);
    if (!cfgBytes) throw new DaemonError(`open /var/lib/docker/tmp/docker-import-1804289383/${item.Config}: no such file or directory`, 500);
    const config = JSON.parse(dec.decode(cfgBytes)) as ImageConfig;
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (item.Layers.length !== diffIds.length) throw new DaemonError(`invalid manifest, layers length mismatch: expected ${item.Layers.length}, got ${diffIds.length}`, 500);
    const present = new Set(store.layerEntries().map(([chain]) => chain));
    const chains = chainIds(diffIds);
    const layers = item.Layers.map((p, i) => {
      const data = files.get(p);
      if (!data) throw new DaemonError(`open /var/lib/docker/tmp/docker-import-1804289383/${p}: no such file or directory`, 500);
      const layer = Layer.fromEntries(tarToLayerEntries(readTar(data)));
      if (layer.diffId !== diffIds[i]) throw new DaemonError(`invalid diffID for layer ${i}: expected "${diffIds[i]}", got "${layer.diffId}"`, 500);
      // The simulated tar holds bulk files as markers: the layer's reported size stands for its bytes.
      if (!quiet && !present.has(chains[i])) out.push({ id: shortId(diffIds[i]), status: 'Loading layer', total: Math.max(layer.size, data.length) });
      return layer;
    });
    // Then each new layer is registered in the layer store (untarred again under overlay2).
    let pending = 0;
    layers.forEach((layer, i) => {
      if (present.has(chains[i])) return;
      ensureLayerRoom(disk, layer, pending);
      pending += layer.size;
    });
    let img: Image;
    try {
      img = store.add(cloneConfig(config), layers);
    } catch (e) {
      throw new DaemonError(`invalid image: ${(e as Error).message}`, 500);
    }
    ids += `Loaded image ID: ${img.id}\n`;
    tagged = 0;
    for (const t of item.RepoTags ?? []) {
      const old = store.find(t);
      if (old && old.id !== img.id) out.push({ status: `The image ${t} already exists, renaming the old one with ID ${old.id} to empty string` });
      store.addReference(img.id, t);
      out.push({ status: `Loaded image: ${t}` });
      tagged++;
    }
  }
  // moby prints the IDs only when the last image had no tag (its own quirk, kept).
  if (tagged === 0) for (const line of ids.split('\n').filter(Boolean)) out.push({ status: line });
  return out;
}
