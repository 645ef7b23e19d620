/** Small display helpers for the pictures (the CLI has its own, exact formatters). */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Docker's human size: decimal units, 3 significant digits (`13.3kB`, `7.8MB`, `0B`). */
export function humanSize(bytes: number): string {
  let size = Math.max(0, bytes);
  let i = 0;
  while (size >= 1000 && i < UNITS.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(3))}${UNITS[i]}`;
}

/** The 12 hex digits after `sha256:` (Docker's short ID). */
export function shortId(id: string): string {
  const hex = id.startsWith('sha256:') ? id.slice(7) : id;
  return hex.slice(0, 12);
}

/** A history entry made readable: drop the `/bin/sh -c #(nop) ` marker, cut to `max` characters. */
export function shortCreatedBy(createdBy: string, max = 48): string {
  let s = createdBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '').replace(/\s+/g, ' ').trim();
  if (s.startsWith('/bin/sh -c ')) s = 'RUN ' + s.slice('/bin/sh -c '.length);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
