/**
 * The daemon's image store (Docker's graph-driver store: image store + reference store + layer
 * store in one object). Images are content-addressed by their config; layers are shared by
 * reference and counted by chain ID, so deleting one image frees only the layers nobody else uses.
 * Deletion follows moby's daemon/images/image_delete.go, including its conflict texts.
 */
import { chainIds, cloneConfig, imageId, shortId, type ImageConfig } from './config';
import type { LayerLike } from './layer-ref';
import {
  familiarString, fullString, parseAnyReference, parseReference, tagNameOnly, trimNamed,
  type ImageRef,
} from '../../lib/reference';

/** A container that uses an image, as the store needs to know it for delete conflicts. */
export interface ContainerUse {
  id: string;
  running: boolean;
}
export type ContainersUsing = (imageId: string) => ContainerUse[];

/** One line of `docker rmi` output, in the Engine API's shape. */
export type DeleteRecord = { Untagged: string } | { Deleted: string };

export class ImageError extends Error {
  constructor(
    readonly kind: 'not-found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

export interface Image {
  /** 'sha256:<64 hex>' */
  readonly id: string;
  readonly config: ImageConfig;
  /** Bottom to top. */
  readonly layers: readonly LayerLike[];
  readonly chainIds: readonly string[];
  /** The image this one was built FROM by the classic builder or commit (local only). */
  readonly parent?: string;
  /** Insertion order, used as a tie-break when listing. */
  readonly seq: number;
}

interface LayerSlot {
  layer: LayerLike;
  refs: number;
}

export class ImageStore {
  private readonly images = new Map<string, Image>();
  /** Full reference string (`docker.io/library/ubuntu:latest` or `…@sha256:…`) → image ID. */
  private readonly refs = new Map<string, string>();
  private readonly layerTable = new Map<string, LayerSlot>();
  private seq = 0;

  constructor(private containersUsing: ContainersUsing = () => []) {}

  /** Tell the store which containers use an image (the container module owns that knowledge). */
  setContainersUsing(fn: ContainersUsing): void {
    this.containersUsing = fn;
  }

  /**
   * Store an image made of `config` and `layers` (bottom→top, matching config.rootfs.diff_ids).
   * Adding an image that already exists returns it unchanged. Layers already present under the
   * same chain ID are reused, so the given objects may be dropped in favour of shared ones.
   */
  add(config: ImageConfig, layers: readonly LayerLike[], opts: { parent?: string } = {}): Image {
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== layers.length || layers.some((l, i) => l.diffId !== diffIds[i])) {
      throw new ImageError('invalid', 'layer diff IDs do not match the image config');
    }
    const id = imageId(config);
    const existing = this.images.get(id);
    if (existing) return existing;
    const chains = chainIds(diffIds);
    const shared = layers.map((l, i) => {
      const slot = this.layerTable.get(chains[i]);
      if (slot) {
        slot.refs++;
        return slot.layer;
      }
      this.layerTable.set(chains[i], { layer: l, refs: 1 });
      return l;
    });
    const img: Image = Object.freeze({
      id, config: Object.freeze(cloneConfig(config)), layers: Object.freeze(shared),
      chainIds: Object.freeze(chains), parent: opts.parent, seq: this.seq++,
    });
    this.images.set(id, img);
    return img;
  }

  get(id: string): Image | undefined {
    return this.images.get(id);
  }

  /**
   * BuildKit's step results: kept for the build cache and `COPY --from`, but they are cache
   * records, not images, so `docker images` (even `-a`) leaves them out while they are untagged.
   */
  private readonly cacheOnly = new Set<string>();
  setCacheOnly(id: string, on: boolean): void {
    if (on) this.cacheOnly.add(id);
    else this.cacheOnly.delete(id);
  }
  isCacheOnly(id: string): boolean {
    return this.cacheOnly.has(id);
  }

  /** Every image, oldest first. */
  list(): Image[] {
    return [...this.images.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Point a reference at an image (`docker tag`, pull, build -t, commit). `ref` is what the user
   * typed; a name without tag gets `:latest`; a digest reference records a repo digest. Returns
   * the image the reference pointed at before, if it moved (that image may now be dangling).
   */
  addReference(id: string, ref: string | ImageRef): string | undefined {
    if (!this.images.has(id)) throw new ImageError('not-found', `No such image: ${id}`);
    const r = typeof ref === 'string' ? parseReference(ref) : ref;
    const key = fullString(r.digest !== undefined ? { ...trimNamed(r), digest: r.digest } : tagNameOnly(r));
    const prev = this.refs.get(key);
    this.refs.delete(key); // re-insert so the newest reference lists last
    this.refs.set(key, id);
    return prev !== undefined && prev !== id ? prev : undefined;
  }

  /** Remove a reference; returns the image it pointed at. */
  removeReference(ref: string | ImageRef): string | undefined {
    const r = typeof ref === 'string' ? parseReference(ref) : ref;
    const key = fullString(r.digest !== undefined ? { ...trimNamed(r), digest: r.digest } : tagNameOnly(r));
    const id = this.refs.get(key);
    this.refs.delete(key);
    return id;
  }

  /** The image a reference points at (no ID search). */
  resolveReference(ref: string | ImageRef): string | undefined {
    const r = typeof ref === 'string' ? parseReference(ref) : ref;
    const key = fullString(r.digest !== undefined ? { ...trimNamed(r), digest: r.digest } : tagNameOnly(r));
    return this.refs.get(key);
  }

  /** Familiar tags of an image, oldest first: `['ubuntu:latest', 'myubuntu:v1']`. */
  repoTags(id: string): string[] {
    return this.refsOf(id).filter((r) => r.digest === undefined).map(familiarString);
  }

  /** Familiar repo digests: `['ubuntu@sha256:…']`. */
  repoDigests(id: string): string[] {
    return this.refsOf(id).filter((r) => r.digest !== undefined).map(familiarString);
  }

  /** The parsed references pointing at an image. */
  refsOf(id: string): ImageRef[] {
    const out: ImageRef[] = [];
    for (const [k, v] of this.refs) if (v === id) out.push(parseReference(k));
    return out;
  }

  /** All references, as [full reference, image ID] (for `docker images` and snapshots). */
  allReferences(): [string, string][] {
    return [...this.refs];
  }

  /** Images whose parent is `id` (the legacy builder's chain). */
  children(id: string): Image[] {
    return this.list().filter((i) => i.parent === id);
  }

  /** An image without tags: `<none>:<none>` in `docker images`. */
  isDangling(id: string): boolean {
    return this.repoTags(id).length === 0;
  }

  /** Sum of the image's layer sizes (what `docker images` SIZE shows). */
  size(id: string): number {
    const img = this.images.get(id);
    return img ? img.layers.reduce((n, l) => n + l.size, 0) : 0;
  }

  /** Bytes on disk: each shared layer counted once (`docker system df`). */
  totalLayerSize(): number {
    let n = 0;
    for (const s of this.layerTable.values()) n += s.layer.size;
    return n;
  }

  /** How many images hold the layer with this chain ID. */
  layerRefs(chainId: string): number {
    return this.layerTable.get(chainId)?.refs ?? 0;
  }

  layerCount(): number {
    return this.layerTable.size;
  }

  /** Every distinct layer: [chain ID, layer]. */
  layerEntries(): [string, LayerLike][] {
    return [...this.layerTable].map(([k, s]) => [k, s.layer]);
  }

  /**
   * Docker's GetImage: a full ID or `sha256:` ID; then a name[:tag] / name@digest reference; then
   * a unique ID prefix (with or without `sha256:`). Throws ImageError('not-found') with Docker's
   * `No such image: …` text, or InvalidReference for malformed input.
   */
  lookup(refOrId: string): Image {
    const found = this.find(refOrId);
    if (found) return found;
    throw new ImageError('not-found', notFoundText(refOrId));
  }

  /** lookup without throwing for a missing image (still throws InvalidReference). */
  find(refOrId: string): Image | undefined {
    const any = parseAnyReference(refOrId);
    if ('id' in any) return this.images.get(any.id);
    const byRef = this.resolveReference(any);
    if (byRef !== undefined) return this.images.get(byRef);
    const id = this.searchId(refOrId);
    return id ? this.images.get(id) : undefined;
  }

  /** digestset.Lookup: a unique prefix of an ID, optionally `sha256:`-prefixed. */
  private searchId(term: string): string | undefined {
    const hex = term.startsWith('sha256:') ? term.slice(7) : term;
    if (hex === '' || !/^[a-f0-9]+$/.test(hex)) return undefined;
    const hits = [...this.images.keys()].filter((id) => id.startsWith('sha256:' + hex));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /**
   * `docker rmi` for one argument: returns the Untagged/Deleted records or throws ImageError with
   * the daemon's message. `prune` (default true; `--no-prune` clears it) also removes untagged
   * parents left unused.
   */
  remove(refOrId: string, opts: { force?: boolean; prune?: boolean } = {}): DeleteRecord[] {
    const force = opts.force ?? false;
    const prune = opts.prune ?? true;
    const img = this.lookup(refOrId);
    const records: DeleteRecord[] = [];
    let refs = this.refsOf(img.id);
    let removedRepositoryRef = false;
    const isIdPrefix = img.id.startsWith(refOrId) || img.id.slice(7).startsWith(refOrId);
    if (!isIdPrefix) {
      if (!force && isSingleReference(refs)) {
        const c = this.containersUsing(img.id)[0];
        if (c) {
          throw new ImageError('conflict', `conflict: unable to remove repository reference "${refOrId}" ` +
            `(must force) - container ${shortId(c.id)} is using its referenced image ${shortId(img.id)}`);
        }
      }
      const parsed = parseReference(refOrId);
      const removed = parsed.digest !== undefined ? { ...trimNamed(parsed), digest: parsed.digest } : tagNameOnly(parsed);
      this.removeReference(removed);
      records.push({ Untagged: familiarString(removed) });
      refs = this.refsOf(img.id);
      if (removed.digest === undefined) {
        const same = (r: ImageRef) => r.domain === removed.domain && r.path === removed.path;
        if (!refs.some((r) => r.digest === undefined && same(r))) {
          for (const r of refs.filter((x) => x.digest !== undefined && same(x))) {
            this.removeReference(r);
            records.push({ Untagged: familiarString(r) });
          }
          refs = this.refsOf(img.id);
        }
      }
      if (refs.length > 0) return records;
      removedRepositoryRef = true;
    } else if (isSingleReference(refs)) {
      const c = this.conflict(img.id, force ? HARD : HARD | STOPPED);
      if (c) throw c.error;
      for (const r of refs) {
        this.removeReference(r);
        records.push({ Untagged: familiarString(r) });
      }
    }
    this.deleteHelper(img.id, records, force, prune, removedRepositoryRef);
    return records;
  }

  /**
   * A container's writable layer sits on its image's layers: they stay while it exists, even if
   * the image itself is deleted with -f (moby keeps the RW layer's parent chain referenced).
   */
  retainLayers(chainIds: readonly string[]): void {
    for (const c of chainIds) {
      const slot = this.layerTable.get(c);
      if (slot) slot.refs++;
    }
  }

  /** The container is gone: release what retainLayers took; returns the chain IDs freed. */
  releaseLayers(chainIds: readonly string[]): string[] {
    const freed: string[] = [];
    for (let i = chainIds.length - 1; i >= 0; i--) {
      const slot = this.layerTable.get(chainIds[i]);
      if (!slot) continue;
      if (--slot.refs === 0) {
        this.layerTable.delete(chainIds[i]);
        freed.push(chainIds[i]);
      }
    }
    return freed;
  }

  private deleteHelper(id: string, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean): void {
    const c = this.conflict(id, force ? HARD : HARD | SOFT);
    if (c) {
      if (quiet && (!this.isDangling(id) || c.used)) return;
      throw c.error;
    }
    const img = this.images.get(id)!;
    for (const r of this.refsOf(id)) {
      this.removeReference(r);
      records.push({ Untagged: familiarString(r) });
    }
    this.images.delete(id);
    records.push({ Deleted: id });
    // Release the layers top-down; a layer whose last holder went away is deleted (its chain ID
    // is what Docker prints).
    for (let i = img.chainIds.length - 1; i >= 0; i--) {
      const slot = this.layerTable.get(img.chainIds[i]);
      if (!slot) continue;
      if (--slot.refs === 0) {
        this.layerTable.delete(img.chainIds[i]);
        records.push({ Deleted: img.chainIds[i] });
      }
    }
    // A parent that is build cache (a BuildKit step result or base) is not an image to untag or
    // delete here: `docker builder prune` takes it.
    if (prune && img.parent && this.images.has(img.parent) && !this.isCacheOnly(img.parent)) {
      this.deleteHelper(img.parent, records, false, true, true);
    }
  }

  /** checkImageDeleteConflict, in moby's order: children, running, references, stopped. */
  private conflict(id: string, mask: number): { error: ImageError; used: boolean } | undefined {
    const fail = (hard: boolean, msg: string, used: boolean) => ({
      used,
      error: new ImageError('conflict',
        `conflict: unable to delete ${shortId(id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${msg}`),
    });
    if (mask & CHILD && this.children(id).length > 0) return fail(true, 'image has dependent child images', false);
    const users = this.containersUsing(id);
    const running = users.find((c) => c.running);
    if (mask & RUNNING && running) return fail(true, `image is being used by running container ${shortId(running.id)}`, true);
    if (mask & ACTIVE_REF && this.refsOf(id).length > 0) return fail(false, 'image is referenced in multiple repositories', false);
    const stopped = users.find((c) => !c.running);
    if (mask & STOPPED && stopped) return fail(false, `image is being used by stopped container ${shortId(stopped.id)}`, true);
    return undefined;
  }
}

const CHILD = 1;
const RUNNING = 2;
const ACTIVE_REF = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = ACTIVE_REF | STOPPED;

/** moby's isSingleReference: one tag, possibly with digests of that same repository. */
function isSingleReference(refs: ImageRef[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: ImageRef | undefined;
  const canonical = new Set<string>();
  for (const r of refs) {
    if (r.digest !== undefined) canonical.add(r.domain + '/' + r.path);
    else if (!single) single = r;
    else return false;
  }
  single ??= refs[0];
  return canonical.size === 1 && canonical.has(single.domain + '/' + single.path);
}

/** ErrImageDoesNotExist: the familiar reference with `:latest` added, or the ID as given. */
export function notFoundText(refOrId: string): string {
  try {
    const any = parseAnyReference(refOrId);
    if ('id' in any) return `No such image: ${any.id}`;
    return `No such image: ${familiarString(tagNameOnly(any))}`;
  } catch {
    return `No such image: ${refOrId}`;
  }
}

/** The lines `docker rmi` prints for records. */
export function formatDeleteRecords(records: DeleteRecord[]): string[] {
  return records.map((r) => ('Untagged' in r ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`));
}
