/**
 * `docker save`: a real tar in Docker 28's format, an OCI image layout (`oci-layout`,
 * `index.json`, `blobs/sha256/…` holding each config, layer tar and manifest) with Docker's legacy
 * `manifest.json` and `repositories` beside it, so `tar tf` lists it and older loaders read it.
 */
import type { Image, ImageStore } from '../image/store';
import { canonicalJSON, chainIds, sha256Digest, type ImageConfig } from '../image/config';
import { parseReference, familiarString, type ImageRef } from '../../lib/reference';
import type { Layer } from '../fs/layer';
import { layerEntriesToTar, PAX_VSIZE, tarVirtualSize, writeTar, type TarEntry } from '../../lib/tar';
import { DaemonError } from '../../api/daemon';

const enc = new TextEncoder();

interface Selected {
  img: Image;
  /** Familiar NAME:TAG references to record (none when saved by ID). */
  tags: string[];
}

/**
 * moby's parseNames: NAME:TAG is that tag; a bare NAME is every tag of the repository (or an ID
 * prefix when no repository has that name); an ID saves the image untagged.
 */
function select(store: ImageStore, names: string[]): Selected[] {
  const out = new Map<string, Selected>();
  const add = (img: Image, tag?: string) => {
    let s = out.get(img.id);
    if (!s) out.set(img.id, (s = { img, tags: [] }));
    if (tag && !s.tags.includes(tag)) s.tags.push(tag);
  };
  for (const name of names) {
    let ref: ImageRef | undefined;
    try {
      ref = parseReference(name);
    } catch {
      ref = undefined;
    }
    const byId = !ref || /^(sha256:)?[0-9a-f]{6,64}$/.test(name) && !store.find(`${name}:latest`);
    if (ref && !byId && !ref.tag && !ref.digest) {
      const repo = familiarString({ ...ref, tag: undefined });
      const tagged = store.allReferences().filter(([r]) => !r.includes('@') && familiarString({ ...parseReference(r.slice(0, r.lastIndexOf(':'))), tag: undefined }) === repo);
      for (const [r, id] of tagged) add(store.get(id)!, familiarish(r));
      if (tagged.length) continue;
    }
    const img = store.find(name);
    if (!img) throw new DaemonError(byId || (ref && !ref.tag) ? `No such image: ${name}` : 'reference does not exist', 404);
    add(img, ref && !byId && !ref.digest ? familiarish(name) : undefined);
  }
  return [...out.values()];
}

/** Go's time.Time JSON for the zero Unix time, as the legacy layer configs carry it. */
const EPOCH = '1970-01-01T00:00:00Z';
const EMPTY_CONTAINER_CONFIG = { Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false, Env: null, Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null };

/**
 * `docker save` as moby's saveSession: per layer a legacy v1 config blob and the layer tar under
 * its diff ID, the image config under the image ID, an OCI manifest per image, `index.json`
 * naming each tag, `manifest.json`, `oci-layout` and the legacy `repositories` (tag → top layer).
 */
export function saveImages(store: ImageStore, names: string[], now: number): Uint8Array {
  const files = new Map<string, Uint8Array>();
  const layerBlobs = new Set<string>();
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const index: unknown[] = [];
  for (const { img, tags } of select(store, names)) {
    const diffIds = img.config.rootfs.diff_ids;
    if (!diffIds.length) throw new DaemonError('empty export - not implemented', 500);
    const chains = chainIds(diffIds);
    let parent = '';
    img.layers.forEach((l, i) => {
      const last = i === diffIds.length - 1;
      const { rootfs: _r, history: _h, ...imageV1 } = img.config as ImageConfig & Record<string, unknown>;
      const v1: Record<string, unknown> = last ? { ...imageV1 } : { created: EPOCH, container_config: EMPTY_CONTAINER_CONFIG };
      const id = sha256Digest(canonicalJSON({ v1, chain: chains[i], parent })).slice(7);
      const json = { id, ...(parent ? { parent } : {}), ...v1, os: img.config.os ?? 'linux' };
      files.set(`blobs/sha256/${sha256Digest(JSON.stringify(json)).slice(7)}`, enc.encode(JSON.stringify(json)));
      parent = id;
      files.set(`blobs/sha256/${diffIds[i].slice(7)}`, writeTar(layerEntriesToTar((l as Layer).entries ? (l as Layer).entries() : [])));
      layerBlobs.add(`blobs/sha256/${diffIds[i].slice(7)}`);
    });
    // The config blob is the exact JSON the image ID is the digest of.
    const cfg = enc.encode(canonicalJSON(img.config));
    files.set(`blobs/sha256/${img.id.slice(7)}`, cfg);
    const platform = { architecture: img.config.architecture ?? 'amd64', os: img.config.os ?? 'linux' };
    const oci = enc.encode(JSON.stringify({
      schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: img.id, size: cfg.length, platform }, layers: [],
    }));
    const ociDigest = sha256Digest(oci);
    files.set(`blobs/sha256/${ociDigest.slice(7)}`, oci);
    for (const t of tags) {
      const i = t.lastIndexOf(':');
      (repositories[t.slice(0, i)] ??= {})[t.slice(i + 1)] = diffIds[diffIds.length - 1].slice(7);
      const full = parseReference(t);
      index.push({
        mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: ociDigest, size: oci.length, platform,
        annotations: { 'io.containerd.image.name': `${full.domain ?? 'docker.io'}/${full.path}:${full.tag}`, 'org.opencontainers.image.ref.name': full.tag },
      });
    }
    manifest.push({ Config: `blobs/sha256/${img.id.slice(7)}`, RepoTags: tags.length ? tags : null, Layers: diffIds.map((d) => `blobs/sha256/${d.slice(7)}`) });
  }
  // json.Encoder ends manifest.json and repositories with a newline; index.json is Marshal'd.
  files.set('index.json', enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: index })));
  files.set('manifest.json', enc.encode(JSON.stringify(manifest) + '\n'));
  files.set('oci-layout', enc.encode('{"imageLayoutVersion": "1.0.0"}'));
  if (Object.keys(repositories).length) files.set('repositories', enc.encode(JSON.stringify(repositories) + '\n'));
  // archive.Tar walks the directory in lexical order.
  const entries: TarEntry[] = [
    { name: 'blobs/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: now },
    { name: 'blobs/sha256/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: now },
  ];
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name)!;
    // A layer blob is itself a tar whose bulk files stand for bigger ones: the blob says how big
    // it really is, so the archive's size on disk is the images' (tarVirtualSize).
    const vsize = layerBlobs.has(name) ? tarVirtualSize(data) : data.length;
    entries.push({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: now, data, ...(vsize > data.length ? { pax: { [PAX_VSIZE]: String(vsize) } } : {}) });
  }
  return writeTar(entries);
}

function familiarish(ref: string): string {
  try {
    const r = parseReference(ref);
    return familiarString({ ...r, tag: r.tag ?? (r.digest ? undefined : 'latest') });
  } catch {
    return ref;
  }
}
