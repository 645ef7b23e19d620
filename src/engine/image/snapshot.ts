/**
 * Saving and restoring the image store as plain JSON-able data (autosave, share links, workspace
 * export). Layers are written once each, keyed by diff ID, as entry lists; binary file contents
 * become base64. Layers the caller can rebuild (registry images) may be left out and resolved by
 * diff ID on restore, which keeps snapshots small.
 */
import type { LayerEntry } from '../../api/fs';
import type { ImageConfig } from './config';
import type { LayerLike } from './layer-ref';
import { ImageStore, type ContainersUsing } from './store';

/** A LayerEntry whose binary data is base64 (`data64`) so the whole thing survives JSON. */
export type SnapshotEntry = Exclude<LayerEntry, { kind: 'file' }> | (Omit<Extract<LayerEntry, { kind: 'file' }>, 'data'> & { data?: string; data64?: string });

export interface ImageStoreSnapshot {
  version: 1;
  /** Oldest first. */
  images: { config: ImageConfig; parent?: string; cacheOnly?: true }[];
  /** [full reference, image ID], in insertion order. */
  refs: [string, string][];
  /** diff ID → entries; absent when the caller said it can rebuild the layer. */
  layers: Record<string, SnapshotEntry[]>;
}

export interface SnapshotOptions {
  /** Return true for layers that restore can get back from `resolveLayer` (not serialised). */
  external?: (diffId: string) => boolean;
}

export interface RestoreOptions {
  fromEntries: (entries: LayerEntry[]) => LayerLike;
  /** Layers left out of the snapshot. */
  resolveLayer?: (diffId: string) => LayerLike | undefined;
  containersUsing?: ContainersUsing;
}

export function snapshotImageStore(store: ImageStore, opts: SnapshotOptions = {}): ImageStoreSnapshot {
  const layers: Record<string, SnapshotEntry[]> = {};
  for (const [, layer] of store.layerEntries()) {
    if (layers[layer.diffId] || opts.external?.(layer.diffId)) continue;
    layers[layer.diffId] = layer.entries().map(encodeEntry);
  }
  return {
    version: 1,
    images: store.list().map((i) => ({ config: i.config, ...(i.parent ? { parent: i.parent } : {}), ...(store.isCacheOnly(i.id) ? { cacheOnly: true as const } : {}) })),
    refs: store.allReferences(),
    layers,
  };
}

export function restoreImageStore(snap: ImageStoreSnapshot, opts: RestoreOptions): ImageStore {
  const store = new ImageStore(opts.containersUsing);
  const cache = new Map<string, LayerLike>();
  const layer = (diffId: string): LayerLike => {
    let l = cache.get(diffId);
    if (l) return l;
    const entries = snap.layers[diffId];
    l = entries ? opts.fromEntries(entries.map(decodeEntry)) : opts.resolveLayer?.(diffId);
    if (!l) throw new Error(`image snapshot: layer ${diffId} is missing`);
    if (l.diffId !== diffId) throw new Error(`image snapshot: layer ${diffId} restored as ${l.diffId}`);
    cache.set(diffId, l);
    return l;
  };
  for (const i of snap.images) {
    const img = store.add(i.config, i.config.rootfs.diff_ids.map(layer), { parent: i.parent });
    if (i.cacheOnly) store.setCacheOnly(img.id, true);
  }
  for (const [ref, id] of snap.refs) store.addReference(id, ref);
  return store;
}

export function encodeEntry(e: LayerEntry): SnapshotEntry {
  if (e.kind !== 'file' || typeof e.data === 'string') return e as SnapshotEntry;
  const { data, ...rest } = e;
  return { ...rest, data64: toBase64(data) };
}

export function decodeEntry(e: SnapshotEntry): LayerEntry {
  if (e.kind !== 'file' || e.data64 === undefined) return e as LayerEntry;
  const { data64, ...rest } = e;
  return { ...rest, data: fromBase64(data64) } as LayerEntry;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
