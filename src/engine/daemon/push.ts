/**
 * `docker push`: to the simulated Hub (your own namespace, after `docker login`) or to a private
 * registry container on localhost:PORT. Prints Docker's per-layer stream: `Preparing`, then
 * `Mounted from library/ubuntu` (a blob the Hub already has in an official repository),
 * `Layer already exists` (this repository, or another one of yours, has it) or `Pushed`, and the
 * final `TAG: digest: sha256:… size: N` line.
 */
import type { ImageStore } from '../image/store';
import { sha256Digest, shortId } from '../image/config';
import { parseReference, familiarString, type ImageRef } from '../../lib/reference';
import type { Registry } from '../registry/registry';
import { DaemonError, type PullProgress } from '../../api/daemon';

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
