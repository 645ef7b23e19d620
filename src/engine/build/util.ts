/** Small helpers of the builder: durations, Go's sorted maps, what a step changed. */
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

/** A Go duration (`30s`, `1.5m`) in nanoseconds; 0 for what does not parse. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(s);
  if (!m) return 0;
  const unit = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 }[m[2] as 'ns'];
  return Math.round(Number(m[1]) * unit);
}

/** Go's `%v` of a string slice in history texts: `["a" "b"]`. */
export const goQuote = (a: string[]) => '[' + a.map((x) => JSON.stringify(x)).join(' ') + ']';

/** Go's time.Duration.String (`0s`, `1.5s`, `100ms`, `1m30s`, `1h0m0s`) of nanoseconds. */
export function goDurationString(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let u = Math.abs(ns);
  // The fraction of `v` in units of 10^digits, without trailing zeros.
  const frac = (v: number, digits: number) => {
    const unit = 10 ** digits;
    const whole = Math.floor(v / unit);
    const rest = String(v % unit).padStart(digits, '0').replace(/0+$/, '');
    return rest ? `${whole}.${rest}` : `${whole}`;
  };
  if (u < 1e9) {
    if (u < 1e3) return `${sign}${u}ns`;
    if (u < 1e6) return `${sign}${frac(u, 3)}µs`;
    return `${sign}${frac(u, 6)}ms`;
  }
  const h = Math.floor(u / 3.6e12);
  u -= h * 3.6e12;
  const m = Math.floor(u / 6e10);
  u -= m * 6e10;
  const s = `${frac(u, 9)}s`;
  return sign + (h ? `${h}h${m}m${s}` : m ? `${m}m${s}` : s);
}

/** Go's `%q` of an int: a quoted rune (`'\x03'`), as the classic builder's HEALTHCHECK history shows Retries. */
export function goQuoteRune(r: number): string {
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' };
  if (named[r]) return `'${named[r]}'`;
  if (r >= 0x20 && r < 0x7f) return `'${String.fromCharCode(r)}'`;
  if (r < 0x80) return `'\\x${r.toString(16).padStart(2, '0')}'`;
  return `'\\u${r.toString(16).padStart(4, '0')}'`;
}
