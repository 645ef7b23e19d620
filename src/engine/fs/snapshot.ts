/**
 * Snapshots: layers as plain JSON-able data (for IndexedDB autosave and share links) and back,
 * exactly: same bytes, modes, owners, all three times, virtual sizes, markers, so the same diffIds.
 * File bytes are base64 strings; everything else is numbers and strings.
 */
import type { LayerEntry } from '../../api/fs';
import { STORE_CAP } from './repeat';
import { Layer, MutableLayer, type MutableLayerOptions } from './layer';
import { applyEntry, contentEntries, emptyContent, rootMeta, type Content, type EntryExtra } from './content';

export type SnapEntry =
  | (Exclude<LayerEntry, { kind: 'file' }> & EntryExtra)
  | ({ path: string; kind: 'file'; b64: string; mode?: number; uid?: number; gid?: number; mtime?: number; size?: number; repeat?: { b64?: string; zeros?: number; count: number; part?: number } } & EntryExtra);

export interface LayerSnapshot {
  v: 1;
  /** Root directory first (path '/'), then the entries in tar order. Empty for an unwritten MutableLayer. */
  entries: SnapEntry[];
}

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function unb64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function snapContent(c: Content): LayerSnapshot {
  const entries: SnapEntry[] = [{ path: '/', kind: 'dir', ...rootMeta(c) }];
  for (const e of contentEntries(c, true)) {
    if (e.kind === 'file') {
      const { data, repeat, ...rest } = e;
      entries.push({
        ...rest,
        b64: b64(typeof data === 'string' ? new TextEncoder().encode(data) : data),
        ...(repeat ? { repeat: { ...(repeat.data.every((b) => b === 0) ? { zeros: repeat.data.length } : { b64: b64(repeat.data) }), count: repeat.count, ...(repeat.part ? { part: repeat.part } : {}) } } : {}),
      });
    } else entries.push(e);
  }
  return { v: 1, entries };
}

function restoreContent(s: LayerSnapshot): Content {
  const c = emptyContent(0);
  for (const e of s.entries) {
    if (e.kind === 'file') {
      const { b64: data, repeat, ...rest } = e;
      applyEntry(c, { ...rest, data: unb64(data), ...(repeat ? { repeat: { data: repeat.b64 !== undefined ? unb64(repeat.b64) : zeroChunk(repeat.zeros ?? 0), count: repeat.count, ...(repeat.part ? { part: repeat.part } : {}) } } : {}) }, 0);
    } else applyEntry(c, e as LayerEntry & EntryExtra, 0);
  }
  return c;
}

export function snapshotLayer(layer: Layer): LayerSnapshot {
  return snapContent(layer.snapshotContent());
}

export function restoreLayer(s: LayerSnapshot): Layer {
  return Layer.fromContent(restoreContent(s));
}

export function snapshotMutable(layer: MutableLayer): LayerSnapshot {
  return layer.hasWrites ? snapContent(layer.materialise()) : { v: 1, entries: [] };
}

export function restoreMutable(s: LayerSnapshot, opts: MutableLayerOptions = {}): MutableLayer {
  const m = new MutableLayer(opts);
  if (s.entries.length) m.restore(restoreContent(s));
  return m;
}

/** A run's chunk of zeros saved as its length (a saved state is untrusted: sizes are checked). */
function zeroChunk(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0 || n > STORE_CAP) throw new Error(`a repeated chunk of ${n} bytes`);
  return new Uint8Array(n);
}
