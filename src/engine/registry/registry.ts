/**
 * A registry: the simulated Docker Hub (`docker.io`, with the official images) or a private
 * registry reached by host (`localhost:5000`, created when a `registry` container runs). Resolves
 * references to manifests, stores pushed images, answers `docker search`.
 */
import type { Layer } from '../fs/layer';
import type { ImageConfig } from '../image/config';
import { shortId } from '../image/config';
import { canonicalJSON, cloneConfig, sha256Digest } from '../image/config';
import type { LayerLike } from '../image/layer-ref';
import type { LayerEntry } from '../../api/fs';
import { decodeEntry, encodeEntry, type SnapshotEntry } from '../image/snapshot';
import { familiarName, parseReference, type ImageRef } from '../../lib/reference';
import { buildImage, type BuiltImage } from './build';
import { trackRealWork } from '../../lib/realwork';

type HubData = typeof import('./hub-data');
let hubData: HubData | undefined;
let hubLoading: Promise<void> | undefined;

/**
 * Load the Hub's content (hub-data.ts, a chunk of its own). Whoever may read it first awaits this:
 * a pull, a search, a restore (Machine.boot). Tracked as real work: virtual time waits for it.
 */
export function loadHubData(): Promise<void> {
  return (hubLoading ??= trackRealWork(import('./hub-data')).then(
    (m) => {
      hubData = m;
    },
    (e: unknown) => {
      hubLoading = undefined;
      throw e;
    },
  ));
}

/** The Hub's content; loadHubData must have settled (a missing await is a bug, said as such). */
function hub(): HubData {
  if (!hubData) throw new Error('internal error: the Hub\'s official images were read before loadHubData() settled');
  return hubData;
}

export interface Resolved {
  manifestDigest: string;
  config: ImageConfig;
  /** Bottom→top. */
  layers: LayerLike[];
  /** Compressed blob digests, bottom→top. */
  layerDigests: string[];
  /** The 12-hex forms pull output prints (`9bb5a5d4561a: Pull complete`). */
  shortLayerDigests: string[];
}

export type ResolveResult = Resolved | { error: string };

export interface SearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}

interface Pushed {
  config: ImageConfig;
  layers: LayerLike[];
  manifestDigest: string;
  layerDigests: string[];
}

export class Registry {
  private readonly built = new Map<string, BuiltImage>();
  private readonly layerCache = new Map<string, Layer>();
  /** repository path → tag → pushed image. */
  private readonly pushed = new Map<string, Map<string, Pushed>>();

  /** `docker.io` ships the official images; any other host starts empty. */
  constructor(readonly host = 'docker.io') {}

  get isHub(): boolean {
    return this.host === 'docker.io';
  }

  /** The manifest and content for a reference (tag or digest), or Docker's pull error text. */
  resolve(ref: string | ImageRef): ResolveResult {
    const r = typeof ref === 'string' ? parseReference(ref) : ref;
    const name = familiarName(r);
    const tag = r.tag ?? (r.digest ? undefined : 'latest');
    const repo = this.pushed.get(r.path);
    const recipes = this.isHub ? hub().OFFICIAL[r.path] : undefined;
    if (!repo && !recipes && !this.isHub) {
      // registry:2 answers MANIFEST_UNKNOWN for a repository it has never seen (the Hub says denied).
      return { error: `manifest for ${name}:${tag ?? r.digest} not found: manifest unknown: manifest unknown` };
    }
    if (!repo && !recipes) {
      const denied = `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
      return { error: r.path.startsWith('library/') ? denied + '\n' + notCarried(name) : denied };
    }
    const candidates: (() => Resolved)[] = [];
    const fromPush = (p: Pushed) => () => this.toResolved(p);
    if (repo) for (const [t, p] of repo) if (t === tag || (r.digest && p.manifestDigest === r.digest)) candidates.push(fromPush(p));
    if (recipes) {
      for (const t of Object.keys(recipes)) {
        if (t === tag || (r.digest && !tag)) candidates.push(() => this.toResolved(this.build(r.path, t)));
      }
    }
    for (const c of candidates) {
      const res = c();
      if (!r.digest || res.manifestDigest === r.digest) return res;
    }
    const shown = r.digest ? `${name}@${r.digest}` : `${name}:${tag}`;
    const unknown = `manifest for ${shown} not found: manifest unknown: manifest unknown`;
    if (!recipes || r.digest) return { error: unknown };
    // The real Hub may well have this tag: say which ones this one has.
    return { error: `${unknown}\n(simulator) This Docker Hub is simulated; it has ${name} with the tags ${Object.keys(recipes).join(', ')}. Other tags may exist on the real Docker Hub.` };
  }

  private build(path: string, tag: string): BuiltImage {
    const key = path + ':' + tag;
    let b = this.built.get(key);
    if (!b) {
      b = buildImage(hub().OFFICIAL[path][tag](), this.layerCache);
      this.built.set(key, b);
    }
    return b;
  }

  private toResolved(p: Pushed | BuiltImage): Resolved {
    return {
      manifestDigest: p.manifestDigest, config: cloneConfig(p.config), layers: [...p.layers],
      layerDigests: [...p.layerDigests], shortLayerDigests: p.layerDigests.map(shortId),
    };
  }

  /** Tags a repository has (pushed ones and, on the Hub, the official recipe tags). */
  tags(path: string): string[] {
    const out = new Set<string>(this.isHub ? Object.keys(hub().OFFICIAL[path] ?? {}) : []);
    for (const t of this.pushed.get(path)?.keys() ?? []) out.add(t);
    return [...out].sort();
  }

  /**
   * Store an image under `path:tag` (`user/app`, `myubuntu`). Returns the manifest digest and the
   * short layer digests (push output prints `<12hex>: Pushed`). Authorisation (`docker login`,
   * namespace ownership) is the caller's business.
   */
  push(path: string, tag: string, image: { config: ImageConfig; layers: readonly LayerLike[] }): { manifestDigest: string; layerDigests: string[]; size: number } {
    const layerDigests = image.layers.map((l) => sha256Digest('gzip:' + l.diffId));
    const cfg = canonicalJSON(image.config);
    const manifest = {
      schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: cfg.length, digest: sha256Digest(cfg) },
      layers: image.layers.map((l, i) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: Math.round(l.size * 0.4), digest: layerDigests[i] })),
    };
    const manifestJson = canonicalJSON(manifest);
    const manifestDigest = sha256Digest(manifestJson);
    let repo = this.pushed.get(path);
    if (!repo) this.pushed.set(path, (repo = new Map()));
    repo.set(tag, { config: cloneConfig(image.config), layers: [...image.layers], manifestDigest, layerDigests });
    return { manifestDigest, layerDigests: layerDigests.map(shortId), size: manifestJson.length };
  }

  /** The official repository whose image holds this blob (`library/ubuntu`), for `Mounted from`. */
  ownerOf(diffId: string): string | undefined {
    for (const [key, b] of this.built) if (b.layers.some((l) => l.diffId === diffId)) return key.split(':')[0];
    return undefined;
  }

  /** Does this repository already hold the blob (push prints `Layer already exists`)? */
  repoHasLayer(path: string, diffId: string): boolean {
    return [...(this.pushed.get(path)?.values() ?? [])].some((p) => p.layers.some((l) => l.diffId === diffId));
  }

  /** Does the registry already hold this blob (push prints `Layer already exists`)? */
  hasLayer(diffId: string): boolean {
    for (const repo of this.pushed.values()) for (const p of repo.values()) if (p.layers.some((l) => l.diffId === diffId)) return true;
    for (const b of this.built.values()) if (b.layers.some((l) => l.diffId === diffId)) return true;
    return false;
  }

  /** `docker search TERM`: official repositories, community ones and pushed ones matching. */
  search(term: string, opts: { limit?: number; stars?: number; isOfficial?: boolean } = {}): SearchResult[] {
    const t = term.toLowerCase();
    const all: SearchResult[] = [];
    const add = (name: string, description: string, stars: number, official: boolean) => {
      if (name.toLowerCase().includes(t) || description.toLowerCase().includes(t)) {
        all.push({ name, description, star_count: stars, is_official: official, is_automated: false });
      }
    };
    if (this.isHub) {
      for (const [n, d, s] of hub().OFFICIAL_SEARCH) add(n, d, s, true);
      for (const [n, d, s] of hub().COMMUNITY_SEARCH) add(n, d, s, false);
    }
    for (const path of this.pushed.keys()) if (!hub().OFFICIAL[path]) add(path.replace(/^library\//, ''), '', 0, false);
    const filtered = all.filter((r) => (opts.stars === undefined || r.star_count >= opts.stars) &&
      (opts.isOfficial === undefined || r.is_official === opts.isOfficial));
    // Hub ranks the exact official match first, then by popularity.
    filtered.sort((a, b) => Number(b.name === t) - Number(a.name === t) || b.star_count - a.star_count);
    return filtered.slice(0, opts.limit ?? 25);
  }

  /**
   * Pushed content as JSON-able data. Layers are named by diff ID; those `external` says the
   * caller keeps (the image store's, the Hub's recipes) are left out, the rest (an image pushed
   * and then removed locally) travel with the snapshot as entry lists.
   */
  snapshot(opts: { external?: (diffId: string) => boolean } = {}): RegistrySnapshot {
    const repos: RegistrySnapshot['repos'] = [];
    const layers: Record<string, SnapshotEntry[]> = {};
    for (const [path, tags] of this.pushed) {
      for (const [tag, p] of tags) {
        repos.push({ path, tag, config: p.config });
        for (const l of p.layers) {
          if (layers[l.diffId] || opts.external?.(l.diffId) || this.isRecipeLayer(l.diffId)) continue;
          layers[l.diffId] = l.entries().map(encodeEntry);
        }
      }
    }
    return Object.keys(layers).length ? { host: this.host, repos, layers } : { host: this.host, repos };
  }

  static restore(snap: RegistrySnapshot, layerByDiffId: (diffId: string) => LayerLike | undefined, fromEntries?: (entries: LayerEntry[]) => LayerLike): Registry {
    const reg = new Registry(snap.host);
    const own = new Map<string, LayerLike>();
    for (const r of snap.repos) {
      const layers = r.config.rootfs.diff_ids.map((d) => {
        let l = own.get(d) ?? layerByDiffId(d) ?? reg.findLayer(d);
        const entries = snap.layers?.[d];
        if (!l && entries && fromEntries) own.set(d, (l = fromEntries(entries.map(decodeEntry))));
        if (!l) throw new Error(`registry snapshot: layer ${d} is missing`);
        return l;
      });
      reg.push(r.path, r.tag, { config: r.config, layers });
    }
    return reg;
  }

  /** A layer of an official recipe built already (restore's findLayer rebuilds it). */
  private isRecipeLayer(diffId: string): boolean {
    for (const l of this.layerCache.values()) if (l.diffId === diffId) return true;
    return false;
  }

  /** A layer of an official image by diff ID (builds recipes until found; used on restore). */
  findLayer(diffId: string): LayerLike | undefined {
    for (const l of this.layerCache.values()) if (l.diffId === diffId) return l;
    if (!this.isHub) return undefined;
    for (const [path, tags] of Object.entries(hub().OFFICIAL)) {
      for (const tag of Object.keys(tags)) {
        const hit = this.build(path, tag).layers.find((l) => l.diffId === diffId);
        if (hit) return hit;
      }
    }
    return undefined;
  }
}

export interface RegistrySnapshot {
  host: string;
  repos: { path: string; tag: string; config: ImageConfig }[];
  /** diff ID → entries, for pushed layers nobody else can give back on restore. */
  layers?: Record<string, SnapshotEntry[]>;
}

/**
 * Docker's "repository does not exist" is true of a misspelt name but not of an official image the
 * real Hub has and this simulation does not build: the learner is told which ones it has.
 */
function notCarried(name: string): string {
  const carried = Object.keys(hub().OFFICIAL).map((p) => p.replace(/^library\//, ''));
  return `(simulator) This Docker Hub is simulated and has only these official images: ${carried.join(', ')}. If ${name} exists on the real Docker Hub, it is not simulated here.`;
}
