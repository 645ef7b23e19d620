/** Small helpers of the builder: paths, durations, Go's sorted maps, what a step changed. */
import type { Image } from '../image/store';
import type { Layer } from '../fs/layer';
import type { Overlay } from '../fs/overlay';
import type { Change } from './types';

/** What a step's container changed, as `docker diff` says it (capped: the picture lists a few). */
export function changes(rootfs: Overlay): Change[] {
  return rootfs.diff().slice(0, 200);
}

/** The layer `img` adds on top of `parent`, if any. */
export function newLayer(parent: Image, img: Image): { layer?: string; size: number } {
  if (img.layers.length <= parent.layers.length) return { size: 0 };
  const top = img.layers[img.layers.length - 1] as Layer;
  return { layer: top.diffId, size: top.size ?? 0 };
}

/** Go marshals maps with sorted keys: image configs (and `inspect`) list labels, ports, volumes so. */
export function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return '/' + parts.join('/');
}

/** A Go duration (`30s`, `1.5m`) in nanoseconds; 0 for what does not parse. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(s);
  if (!m) return 0;
  const unit = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 }[m[2] as 'ns'];
  return Math.round(Number(m[1]) * unit);
}

/** Go's `%v` of a string slice in history texts: `["a" "b"]`. */
export const goQuote = (a: string[]) => '[' + a.map((x) => JSON.stringify(x)).join(' ') + ']';
