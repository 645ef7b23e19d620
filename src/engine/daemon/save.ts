/**
 * `docker save`: a real tar in Docker 28's format, an OCI image layout (`oci-layout`,
 * `index.json`, `blobs/sha256/…` holding each config, layer tar and manifest) with Docker's legacy
 * `manifest.json` and `repositories` beside it, so `tar tf` lists it and older loaders read it.
 */
import type { ImageStore } from '../image/store';
import { canonicalJSON, sha256Digest } from '../image/config';
import { parseReference, familiarString } from '../image/reference';
import type { Layer } from '../fs/layer';
import { layerEntriesToTar, writeTar, type TarEntry } from '../fs/tar';
import { DaemonError } from '../../cli/daemon-api';

const enc = new TextEncoder();

/** `docker save`: the OCI layout plus Docker's manifest.json and repositories. */
export function saveImages(store: ImageStore, refs: string[], now: number): Uint8Array {
  const entries: TarEntry[] = [];
  const dirs = new Set<string>();
  const file = (name: string, data: Uint8Array) => {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/') + '/';
      if (!dirs.has(dir)) {
        dirs.add(dir);
        entries.push({ name: dir, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: now });
      }
    }
    if (!entries.some((e) => e.name === name)) entries.push({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: now, data });
  };
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const index: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[] = [];
  for (const ref of refs) {
    const img = store.find(ref);
    if (!img) throw new DaemonError(`reference does not exist`, 404);
    // The config blob is the exact JSON the image ID is the digest of.
    const cfg = enc.encode(canonicalJSON(img.config));
    const cfgDigest = img.id.slice(7);
    file(`blobs/sha256/${cfgDigest}`, cfg);
    const layerPaths: string[] = [];
    const descs: { mediaType: string; digest: string; size: number }[] = [];
    for (const l of img.layers as Layer[]) {
      const tar = writeTar(layerEntriesToTar(l.entries ? l.entries() : []));
      const dg = sha256Digest(tar).slice(7);
      file(`blobs/sha256/${dg}`, tar);
      layerPaths.push(`blobs/sha256/${dg}`);
      descs.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${dg}`, size: tar.length });
    }
    const ociManifest = enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: img.id, size: cfg.length }, layers: descs }));
    const mDigest = sha256Digest(ociManifest);
    file(`blobs/sha256/${mDigest.slice(7)}`, ociManifest);
    const isId = !store.repoTags(img.id).some((t) => t === familiarish(ref));
    const tag = isId ? null : familiarish(ref);
    manifest.push({ Config: `blobs/sha256/${cfgDigest}`, RepoTags: tag ? [tag] : null, Layers: layerPaths });
    index.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: mDigest, size: ociManifest.length, ...(tag ? { annotations: { 'io.containerd.image.name': `docker.io/${tag.includes('/') ? '' : 'library/'}${tag}`, 'org.opencontainers.image.ref.name': tag.split(':').pop()! } } : {}) });
    if (tag) {
      const i = tag.lastIndexOf(':');
      (repositories[tag.slice(0, i)] ??= {})[tag.slice(i + 1)] = cfgDigest;
    }
  }
  file('index.json', enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: index })));
  file('manifest.json', enc.encode(JSON.stringify(manifest)));
  file('oci-layout', enc.encode('{"imageLayoutVersion":"1.0.0"}'));
  if (Object.keys(repositories).length) file('repositories', enc.encode(JSON.stringify(repositories)));
  return writeTar(entries);
}

function familiarish(ref: string): string {
  try {
    const r = parseReference(ref);
    return familiarString({ ...r, tag: r.tag ?? 'latest' });
  } catch {
    return ref;
  }
}
