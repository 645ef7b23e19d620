/**
 * Go's encoding/json output. Objects keep the key order they were built with (callers build them
 * in Docker's struct field order); Go maps are sorted by key, so callers pass maps through
 * `sortedMap`. `json.Marshal` escapes <, >, & (and U+2028/9); the CLI's `{{json}}` template
 * function turns that off, `docker inspect` keeps it on.
 */

export function escapeHtml(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A Go map: keys sorted bytewise, as encoding/json writes them. */
export function sortedMap<T>(m: Record<string, T> | undefined | null): Record<string, T> | null {
  if (m == null) return null;
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort(byteCompare)) out[k] = m[k]!;
  return out;
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** json.Marshal (compact). */
export function marshal(v: unknown, escapeHTML = true): string {
  const s = JSON.stringify(v === undefined ? null : v) ?? 'null';
  return escapeHTML ? escapeHtml(s) : s;
}

/** json.MarshalIndent / json.Indent with the prefix "" and the given indent (docker inspect: 4 spaces). */
export function marshalIndent(v: unknown, indent = '    ', escapeHTML = true): string {
  const s = JSON.stringify(v === undefined ? null : v, null, indent) ?? 'null';
  return escapeHTML ? escapeHtml(s) : s;
}
