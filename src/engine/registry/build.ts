/**
 * Turning a recipe into a real image the first time it is pulled: build each layer's entries,
 * size the bulk files so the layer reports its real size, make the config JSON, and derive the
 * registry-side digests (compressed blob digests and the manifest digest) deterministically from
 * the content, so they are the same on every run.
 */
import { Layer } from '../fs/layer';
import type { LayerEntry } from '../../api/fs';
import { canonicalJSON, imageId, sha256Digest, type ImageConfig } from '../image/config';
import { isLayerStep, type ImageSpec } from './recipe';
import type { Tree } from './tree';

export interface BuiltImage {
  config: ImageConfig;
  layers: Layer[];
  /** Compressed blob digests, bottom→top (pull output shows their first 12 hex). */
  layerDigests: string[];
  manifestDigest: string;
}

const enc = new TextEncoder();

function storedSize(e: LayerEntry): number {
  if (e.kind !== 'file') return 0;
  if (e.size !== undefined) return e.size;
  return typeof e.data === 'string' ? enc.encode(e.data).length : e.data.length;
}

/** Entries of a tree with its bulk files grown so that the file sizes add up to `target`. */
export function sizedEntries(tree: Tree, target: number): LayerEntry[] {
  const entries = tree.build();
  const fill = new Set(tree.fill);
  let known = 0;
  for (const e of entries) if (!fill.has(e.path)) known += storedSize(e);
  const rest = Math.max(0, target - known);
  const n = fill.size;
  let i = 0;
  let given = 0;
  return entries.map((e) => {
    if (!fill.has(e.path) || e.kind !== 'file') return e;
    // Split the remainder unevenly (halves) so the bulk files do not all look identical.
    const share = i === n - 1 ? rest - given : Math.floor(rest * 0.5 ** (i + 1));
    given += share;
    i++;
    return { ...e, size: share };
  });
}

export function buildImage(spec: ImageSpec, cache: Map<string, Layer>): BuiltImage {
  const layers: Layer[] = [];
  for (const s of spec.steps) {
    if (!isLayerStep(s)) continue;
    let l = cache.get(s.key);
    if (!l) {
      const tree = s.tree();
      l = Layer.fromEntries(sizedEntries(tree, s.size), { mtime: tree.mtime });
      cache.set(s.key, l);
    }
    layers.push(l);
  }
  const c = spec.config;
  const config: ImageConfig = {
    architecture: 'amd64',
    config: {
      Hostname: '', Domainname: '', User: c.User ?? '', AttachStdin: false, AttachStdout: false,
      AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false,
      ...c,
      Image: '', Volumes: c.Volumes ?? null, WorkingDir: c.WorkingDir ?? '',
      Entrypoint: c.Entrypoint ?? null, OnBuild: null, Labels: c.Labels ?? null,
    },
    created: spec.created,
    docker_version: spec.dockerVersion ?? '20.10.23',
    history: spec.steps.map((s) => {
      const h: { created: string; created_by: string; empty_layer?: boolean } = {
        created: s.created ?? spec.created, created_by: s.createdBy,
      };
      if (!isLayerStep(s)) h.empty_layer = true;
      return h;
    }),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  };
  // gzip typically shrinks a root filesystem to about 40%; the digest only has to be stable.
  const layerDigests = layers.map((l) => sha256Digest('gzip:' + l.diffId));
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: canonicalJSON(config).length, digest: imageId(config) },
    layers: layers.map((l, i) => ({
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: Math.round(l.size * 0.4), digest: layerDigests[i],
    })),
  };
  return { config, layers, layerDigests, manifestDigest: sha256Digest(canonicalJSON(manifest)) };
}
