/**
 * `docker load`: images from a save tar (Docker's manifest.json names each config and its layer
 * tars). Layers are content-addressed, so ones already present are shared, not stored twice.
 */
import type { ImageStore, Image } from '../image/store';
import { cloneConfig, type ImageConfig } from '../image/config';
import { Layer } from '../fs/layer';
import { readTar, tarToLayerEntries, type TarEntry } from '../fs/tar';
import { DaemonError } from '../../cli/daemon-api';

const dec = new TextDecoder();

/** `docker load`: images from a save tar; returns what to print (`Loaded image: x:y`). */
export function loadImages(store: ImageStore, bytes: Uint8Array): string[] {
  let entries: TarEntry[];
  try {
    entries = readTar(bytes);
  } catch {
    throw new DaemonError('unexpected EOF', 400);
  }
  const files = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.name.replace(/^\.\//, ''), e.data ?? new Uint8Array()]));
  const m = files.get('manifest.json');
  if (!m) throw new DaemonError('open /var/lib/docker/tmp/docker-import-0000000000/repositories: no such file or directory', 400);
  const manifest = JSON.parse(dec.decode(m)) as { Config: string; RepoTags: string[] | null; Layers: string[] }[];
  const out: string[] = [];
  for (const item of manifest) {
    const cfgBytes = files.get(item.Config);
    if (!cfgBytes) throw new DaemonError(`file ${item.Config} not found in the archive`, 400);
    const config = JSON.parse(dec.decode(cfgBytes)) as ImageConfig;
    const layers = item.Layers.map((p) => {
      const data = files.get(p);
      if (!data) throw new DaemonError(`file ${p} not found in the archive`, 400);
      return Layer.fromEntries(tarToLayerEntries(readTar(data)));
    });
    let img: Image;
    try {
      img = store.add(cloneConfig(config), layers);
    } catch (e) {
      throw new DaemonError(`invalid image: ${(e as Error).message}`, 400);
    }
    if (item.RepoTags?.length) {
      for (const t of item.RepoTags) {
        // A tag moving to the loaded image leaves the old one untagged, and load says so.
        const old = store.find(t);
        if (old && old.id !== img.id) out.push(`The image ${t} already exists, renaming the old one with ID ${old.id} to empty string`);
        store.addReference(img.id, t);
        out.push(`Loaded image: ${t}`);
      }
    } else out.push(`Loaded image ID: ${img.id}`);
  }
  return out;
}
