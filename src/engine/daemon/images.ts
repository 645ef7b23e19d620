/**
 * dockerd's image side: pull from the simulated Hub, list with filters, tag, remove, history,
 * inspect, prune, search — answering in the Engine API's JSON shapes (src/api/daemon.ts).
 */
import type { Clock } from '../clock';
import { imageId } from '../image/config';
import type { Emitter } from '../events';
import { ImageError, type Image, type ImageStore } from '../image/store';
import { familiarString, familiarName, parseReference, tryParseReference, type ImageRef } from '../../lib/reference';
import { loadHubData, type Registry } from '../registry/registry';
import type { DiskSpace } from '../fs/disk';
import type { Layer } from '../fs/layer';
import { ensureLayerRoom } from './layer-space';
import { DaemonError, type ImageDeleteItem, type ImageHistoryItem, type ImageSummary, type PullProgress, type SearchResult } from '../../api/daemon';
import { pushAll } from '../../lib/arrays';
import { imageEvent } from './event-log';

export function createdSeconds(img: Image): number {
  const c = img.config.created ? Date.parse(img.config.created) : 0;
  return Number.isFinite(c) ? Math.floor(c / 1000) : 0;
}

export function toDaemonError(e: unknown): never {
  if (e instanceof ImageError) throw new DaemonError(e.message, e.kind === 'not-found' ? 404 : e.kind === 'conflict' ? 409 : 400);
  throw e;
}

/** Docker's glob for the `reference=` filter (path.Match: `*` does not cross `/`). */
function refMatch(pattern: string, value: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(value);
}

export class ImageService {
  /** Hub references pulled so far (a snapshot lets the Hub rebuild their layers instead of copying them). */
  readonly pulled: string[] = [];
  constructor(
    private readonly store: ImageStore,
    private readonly registries: (host: string) => Registry | undefined,
    private readonly clock: Clock,
    private readonly events: Emitter,
    private readonly containersUsing: (id: string) => number,
    private readonly disk?: DiskSpace,
  ) {}

  list(opts: { all: boolean; filters: Record<string, string[]> }): ImageSummary[] {
    const f = opts.filters;
    for (const key of Object.keys(f)) {
      if (!['dangling', 'reference', 'since', 'before', 'label', 'until'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 400);
    }
    const dangling = f.dangling?.[0];
    if (dangling !== undefined && !['true', 'false', '1', '0'].includes(dangling)) {
      throw new DaemonError(`invalid filter 'dangling=${dangling}'`, 400);
    }
    const since = f.since?.[0] ? this.store.lookup(f.since[0]) : undefined;
    const before = f.before?.[0] ? this.store.lookup(f.before[0]) : undefined;
    const out: ImageSummary[] = [];
    for (const img of this.store.list()) {
      const tags = this.store.repoTags(img.id);
      const digests = this.store.repoDigests(img.id);
      const isDangling = tags.length === 0;
      // BuildKit's untagged step results are build cache, not images (store.isCacheOnly).
      if (isDangling && this.store.isCacheOnly(img.id)) continue;
      // Without -a, intermediate images (untagged parents of other images) are hidden.
      if (!opts.all && isDangling && dangling === undefined && this.store.children(img.id).length > 0) continue;
      if (dangling === 'true' || dangling === '1') { if (!isDangling) continue; }
      if (dangling === 'false' || dangling === '0') { if (isDangling) continue; }
      if (since && img.seq <= since.seq) continue;
      if (before && img.seq >= before.seq) continue;
      const labels = img.config.config.Labels ?? {};
      if (f.label && !f.label.every((l) => {
        const [k, v] = l.split('=');
        return v === undefined ? k in labels : labels[k] === v;
      })) continue;
      let shownTags = tags;
      if (f.reference?.length) {
        shownTags = tags.filter((t) => f.reference.some((p) => refMatch(p, t) || refMatch(p, t.replace(/:[^:/]*$/, ''))));
        if (!shownTags.length) continue;
      }
      out.push({
        Id: img.id,
        ParentId: img.parent ?? '',
        RepoTags: shownTags,
        RepoDigests: digests,
        Created: createdSeconds(img),
        Size: this.store.size(img.id),
        SharedSize: -1,
        Labels: img.config.config.Labels ?? null,
        Containers: -1,
      });
    }
    return out.sort((a, b) => b.Created - a.Created);
  }

  /** Resolve a reference for pulling; the registry is chosen by its domain. */
  private registryFor(ref: ImageRef): Registry {
    const reg = this.registries(ref.domain);
    if (!reg) {
      const local = /^(localhost|127\.0\.0\.1)(?::(\d+))?$/.exec(ref.domain);
      if (local) throw new DaemonError(`Get "http://${ref.domain}/v2/": dial tcp 127.0.0.1:${local[2] ?? '80'}: connect: connection refused`, 500);
      throw new DaemonError(
        `Get "https://${ref.domain}/v2/": dial tcp: lookup ${ref.domain.split(':')[0]}: no such host`,
        500,
      );
    }
    return reg;
  }

  /**
   * Pull an image. `intoBuildCache` is BuildKit fetching a build's base with the classic image
   * store: the content lands as build cache — no tag, no digest reference, not in `docker images`
   * (moby/moby#39229: "the base image is pulled in the build-cache, but does not appear in the list
   * of images"); a later `docker pull` of it makes it an image.
   */
  async pull(refText: string, onProgress: (p: PullProgress) => Promise<void>, signal?: AbortSignal, intoBuildCache = false): Promise<Image> {
    const parsed = tryParseReference(refText);
    if ('error' in parsed) throw new DaemonError(parsed.error, 400);
    const ref = parsed.ref;
    if (!ref.tag && !ref.digest) ref.tag = 'latest';
    const reg = this.registryFor(ref);
    await loadHubData(); // the Hub's recipes are a chunk of their own (registry.ts)
    const resolved = reg.resolve(ref);
    if ('error' in resolved) throw new DaemonError(resolved.error, 404);
    const name = familiarName(ref);
    const repoPath = ref.path;
    await onProgress({ id: ref.digest ?? ref.tag, status: `Pulling from ${repoPath}` });
    // Already have exactly this image under this name: nothing to fetch, no layer lines.
    const current = this.store.resolveReference(ref);
    const same = current !== undefined && current === imageId(resolved.config);
    const present = new Set(this.store.layerEntries().map(([, l]) => l.diffId));
    const ids = resolved.shortLayerDigests;
    for (let i = 0; i < resolved.layers.length && !same; i++) {
      if (present.has(resolved.layers[i].diffId)) await onProgress({ id: ids[i], status: 'Already exists' });
      else await onProgress({ id: ids[i], status: 'Pulling fs layer' });
    }
    let pending = 0;
    for (let i = 0; i < resolved.layers.length; i++) {
      const layer = resolved.layers[i];
      if (present.has(layer.diffId)) continue;
      // A download takes a moment: long enough to watch, short enough not to bore.
      const ms = 40 + Math.min(1500, layer.size / 40_000);
      await onProgress({ id: ids[i], status: 'Downloading' });
      await this.clock.sleep(ms, signal);
      await onProgress({ id: ids[i], status: 'Verifying Checksum' });
      await onProgress({ id: ids[i], status: 'Download complete' });
      await onProgress({ id: ids[i], status: 'Extracting' });
      ensureLayerRoom(this.disk, layer as Layer, pending);
      pending += layer.size;
      await onProgress({ id: ids[i], status: 'Pull complete' });
      this.events.emit({ type: 'layer.created', diffId: layer.diffId });
    }
    await onProgress({ status: `Digest: ${resolved.manifestDigest}` });
    if (reg.isHub) {
      const key = ref.digest ? `${ref.path}@${ref.digest}` : `${ref.path}:${ref.tag}`;
      if (!this.pulled.includes(key)) this.pulled.push(key);
    }
    const before = this.store.resolveReference(ref);
    const known = this.store.get(imageId(resolved.config)) !== undefined;
    const img = this.store.add(resolved.config, resolved.layers);
    if (intoBuildCache) {
      if (!known) this.store.setCacheOnly(img.id, true);
      return img;
    }
    this.store.setCacheOnly(img.id, false);
    const tagged = ref.digest ? undefined : ref;
    if (tagged) this.store.addReference(img.id, tagged);
    this.store.addReference(img.id, { domain: ref.domain, path: ref.path, digest: resolved.manifestDigest });
    const shown = ref.digest ? `${name}@${ref.digest}` : `${name}:${ref.tag}`;
    const upToDate = before === img.id;
    await onProgress({ status: upToDate ? `Status: Image is up to date for ${shown}` : `Status: Downloaded newer image for ${shown}` });
    if (!upToDate) this.events.emit({ type: 'image.pulled', id: img.id, ref: shown });
    // distribution/pull.go: logged on every pull, named by the reference as typed (familiar form).
    imageEvent(this.events, img, shown, familiarName(ref), 'pull');
    return img;
  }

  remove(ref: string, opts: { force: boolean; noPrune: boolean }): ImageDeleteItem[] {
    let records;
    let target: Image | undefined;
    try {
      target = this.store.lookup(ref);
    } catch {
      /* the remove below reports it */
    }
    try {
      records = this.store.remove(ref, { force: opts.force, prune: !opts.noPrune });
    } catch (e) {
      toDaemonError(e);
    }
    for (const r of records) {
      if ('Untagged' in r) this.events.emit({ type: 'image.untagged', id: '', ref: r.Untagged });
      else this.events.emit({ type: 'image.deleted', id: r.Deleted });
      // The classic store names untag and delete events by the image ID (daemon/images/image_delete.go).
      if ('Untagged' in r && target) imageEvent(this.events, target, target.id, target.id, 'untag');
      else if ('Deleted' in r && r.Deleted) imageEvent(this.events, undefined, r.Deleted, r.Deleted, 'delete');
    }
    return records as ImageDeleteItem[];
  }

  tag(source: string, target: string): void {
    let img: Image;
    try {
      img = this.store.lookup(source);
    } catch (e) {
      toDaemonError(e);
    }
    const parsed = tryParseReference(target);
    if ('error' in parsed) throw new DaemonError(parsed.error, 400);
    if (parsed.ref.digest) throw new DaemonError('refusing to create a tag with a digest reference', 400);
    if (!parsed.ref.tag) parsed.ref.tag = 'latest';
    this.store.addReference(img.id, parsed.ref);
    this.events.emit({ type: 'image.tagged', id: img.id, ref: familiarString(parsed.ref) });
    imageEvent(this.events, img, img.id, familiarString(parsed.ref), 'tag');
  }

  history(ref: string): ImageHistoryItem[] {
    let img: Image;
    try {
      img = this.store.lookup(ref);
    } catch (e) {
      toDaemonError(e);
    }
    const items: ImageHistoryItem[] = [];
    let layer = 0;
    for (const h of img.config.history ?? []) {
      const size = h.empty_layer ? 0 : (img.layers[layer++]?.size ?? 0);
      const created = h.created ? Math.floor(Date.parse(h.created) / 1000) : 0;
      items.push({ Id: '<missing>', Created: created, CreatedBy: h.created_by ?? '', Tags: null, Size: size, Comment: h.comment ?? '' });
    }
    items.reverse();
    if (items.length) {
      items[0].Id = img.id;
      items[0].Tags = this.store.repoTags(img.id);
    }
    // Locally built parents (commit, classic builder) fill in their own rows from the top.
    let parent = img.parent;
    let row = 1;
    while (parent && row < items.length) {
      const p = this.store.get(parent);
      if (!p) break;
      const own = p.config.history?.length ?? 0;
      const idx = items.length - own;
      if (idx >= 0 && idx < items.length) {
        items[idx].Id = p.id;
        items[idx].Tags = this.store.repoTags(p.id);
      }
      parent = p.parent;
      row++;
    }
    return items;
  }

  inspect(ref: string): Record<string, unknown> {
    let img: Image;
    try {
      img = this.store.lookup(ref);
    } catch (e) {
      toDaemonError(e);
    }
    const c = img.config;
    const lastTag = this.clock.now();
    return {
      Id: img.id,
      RepoTags: this.store.repoTags(img.id),
      RepoDigests: this.store.repoDigests(img.id),
      Parent: img.parent ?? '',
      Comment: c.history?.[c.history.length - 1]?.comment ?? '',
      Created: c.created ?? '',
      DockerVersion: c.docker_version ?? '',
      Author: c.author ?? '',
      Config: { ...c.config },
      Architecture: c.architecture,
      Os: c.os,
      Size: this.store.size(img.id),
      GraphDriver: {
        Data: {
          LowerDir: img.chainIds.slice(0, -1).reverse().map((id) => `/var/lib/docker/overlay2/${id.slice(7, 33)}/diff`).join(':') || undefined,
          MergedDir: `/var/lib/docker/overlay2/${img.chainIds[img.chainIds.length - 1]?.slice(7, 33)}/merged`,
          UpperDir: `/var/lib/docker/overlay2/${img.chainIds[img.chainIds.length - 1]?.slice(7, 33)}/diff`,
          WorkDir: `/var/lib/docker/overlay2/${img.chainIds[img.chainIds.length - 1]?.slice(7, 33)}/work`,
        },
        Name: 'overlay2',
      },
      RootFS: { Type: 'layers', Layers: [...c.rootfs.diff_ids] },
      Metadata: { LastTagTime: new Date(lastTag).toISOString() },
    };
  }

  prune(opts: { all: boolean; filters: Record<string, string[]> }): { ImagesDeleted: ImageDeleteItem[] | null; SpaceReclaimed: number } {
    const deleted: ImageDeleteItem[] = [];
    let reclaimed = 0;
    const before = this.store.totalLayerSize();
    for (const img of [...this.store.list()].reverse()) {
      if (!this.store.get(img.id)) continue;
      const dangling = this.store.repoTags(img.id).length === 0;
      if (!opts.all && !dangling) continue;
      // Build cache (BuildKit's step results and implicitly pulled bases) is not an image:
      // `docker builder prune` removes it, image prune neither lists nor deletes it.
      if (dangling && this.store.isCacheOnly(img.id)) continue;
      if (this.containersUsing(img.id) > 0) continue;
      if (this.store.children(img.id).length > 0) continue;
      try {
        const records = this.store.remove(img.id, { force: true, prune: true }) as ImageDeleteItem[];
        for (const r of records) imageEvent(this.events, r.Untagged ? img : undefined, r.Deleted ?? img.id, r.Deleted ?? img.id, r.Untagged ? 'untag' : 'delete');
        pushAll(deleted, records);
      } catch {
        /* in use: skipped, as prune does */
      }
    }
    reclaimed = before - this.store.totalLayerSize();
    for (const d of deleted) if (d.Deleted) this.events.emit({ type: 'image.deleted', id: d.Deleted });
    return { ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: Math.max(0, reclaimed) };
  }

  search(term: string, opts: { limit: number; filters: Record<string, string[]> }, hub: Registry): SearchResult[] {
    for (const key of Object.keys(opts.filters)) {
      if (!['stars', 'is-official', 'is-automated'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 400);
    }
    const stars = opts.filters.stars?.[0];
    if (stars !== undefined && !/^\d+$/.test(stars)) throw new DaemonError(`invalid filter 'stars=${stars}'`, 400);
    const off = opts.filters['is-official']?.[0];
    if (off !== undefined && !['true', 'false'].includes(off)) throw new DaemonError(`invalid filter 'is-official=${off}'`, 400);
    if (opts.limit < 1 || opts.limit > 100) throw new DaemonError(`limit ${opts.limit} is outside the range of [1, 100]`, 400);
    return hub.search(term, {
      limit: opts.limit,
      stars: stars !== undefined ? Number(stars) : undefined,
      isOfficial: off === undefined ? undefined : off === 'true',
    });
  }
}

export { parseReference };
