/**
 * Moving images out of and into the daemon: `docker push` to the simulated Hub (your own
 * namespace, after `docker login`) or to a private registry container on localhost:5000, and
 * `docker save` / `docker load` as a real tar in Docker 28's save format (an OCI image layout with
 * Docker's manifest.json and repositories beside it: `tar tf` lists them).
 */
import type { ImageStore, Image } from '../image/store';
import { cloneConfig, sha256Digest, shortId, type ImageConfig } from '../image/config';
import { parseReference, familiarString, type ImageRef } from '../image/reference';
import type { Registry } from '../registry/registry';
import { Layer } from '../fs/layer';
import { layerEntriesToTar, readTar, tarToLayerEntries, writeTar, type TarEntry } from '../fs/tar';
import { DaemonError, type PullProgress } from '../../cli/daemon-api';

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface PushDeps {
  store: ImageStore;
  registry: (host: string) => Registry | undefined;
  /** The user logged in to this registry host (undefined when not logged in). */
  user: (host: string) => string | undefined;
  /** A push to a private registry also lands in that registry container's storage. */
  stored?: (host: string, path: string, tag: string, digest: string) => void;
}

function domainOf(ref: ImageRef): string {
  return ref.domain ?? 'docker.io';
}

export async function pushImage(d: PushDeps, refText: string, onProgress: (p: PullProgress) => Promise<void>): Promise<void> {
  let ref: ImageRef;
  try {
    ref = parseReference(refText);
  } catch (e) {
    throw new DaemonError((e as Error).message, 400);
  }
  const host = domainOf(ref);
  const full = `${host}/${ref.path}`;
  const tags = ref.tag ? [ref.tag] : tagsOf(d.store, ref);
  await onProgress({ status: `The push refers to repository [${full}]` });
  if (!tags.length || (ref.tag && !d.store.find(familiarString(ref)))) {
    throw new DaemonError(`An image does not exist locally with the tag: ${familiarString({ ...ref, tag: undefined })}`, 404);
  }
  const registry = d.registry(host);
  if (!registry) throw new DaemonError(`Get "http://${host}/v2/": dial tcp ${host.replace(/^localhost/, '127.0.0.1')}: connect: connection refused`, 500);
  for (const tag of tags) {
    const img = d.store.find(familiarString({ ...ref, tag }));
    if (!img) throw new DaemonError(`An image does not exist locally with the tag: ${familiarString({ ...ref, tag })}`, 404);
    const layers = [...img.layers].reverse();
    const ids = layers.map((l) => shortId(sha256Digest('gzip:' + l.diffId)));
    for (const id of ids) await onProgress({ id, status: 'Preparing' });
    const user = d.user(host);
    const owner = ref.path.split('/')[0];
    // The Hub lets you push only into your own namespace; library/ is Docker's.
    if (host === 'docker.io' && (!user || !ref.path.includes('/') || owner === 'library' || owner !== user)) {
      throw new DaemonError('denied: requested access to the resource is denied', 403);
    }
    for (let i = 0; i < layers.length; i++) {
      const l = layers[i];
      const official = host === 'docker.io' ? registry.ownerOf(l.diffId) : undefined;
      const status = registry.repoHasLayer(ref.path, l.diffId) ? 'Layer already exists' : official ? `Mounted from ${official}` : registry.hasLayer(l.diffId) ? 'Layer already exists' : 'Pushed';
      if (status === 'Pushed') await onProgress({ id: ids[i], status: 'Pushing', progress: '' });
      await onProgress({ id: ids[i], status });
    }
    const r = registry.push(ref.path, tag, { config: img.config, layers: img.layers });
    d.stored?.(host, ref.path, tag, r.manifestDigest);
    d.store.addReference(img.id, `${host === 'docker.io' ? 'docker.io' : host}/${ref.path}@${r.manifestDigest}`);
    await onProgress({ status: `${tag}: digest: ${r.manifestDigest} size: ${r.size}` });
  }
}

function tagsOf(store: ImageStore, ref: ImageRef): string[] {
  const name = familiarString({ ...ref, tag: undefined });
  return store.allReferences().map(([r]) => r).filter((r) => !r.includes('@')).map((r) => {
    const i = r.lastIndexOf(':');
    return [familiarString(parseReference(r.slice(0, i))), r.slice(i + 1)];
  }).filter(([n]) => n === name).map(([, t]) => t);
}

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
    const cfg = enc.encode(JSON.stringify(img.config));
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
        store.addReference(img.id, t);
        out.push(`Loaded image: ${t}`);
      }
    } else out.push(`Loaded image ID: ${img.id}`);
  }
  return out;
}
