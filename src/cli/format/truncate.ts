/** The CLI's presentation helpers from `cli/command/formatter/displayutils.go`. */
import { charWidth } from './width';

const SHORT_LEN = 12;

/** Drop the digest algorithm (`sha256:`) and keep 12 characters. */
export function truncateID(id: string): string {
  const i = id.indexOf(':');
  if (i >= 0) id = id.slice(i + 1);
  return id.length > SHORT_LEN ? id.slice(0, SHORT_LEN) : id;
}

/**
 * Fit `s` into `max` display columns, ending with `…` when cut. Width 1 returns the first
 * character whatever its width (as the CLI does); 0 or less returns "".
 */
export function ellipsis(s: string, max: number): string {
  if (max <= 0) return '';
  const rs = Array.from(s);
  if (max === 1) return rs[0] ?? '';
  let total = 0;
  const ends: number[] = [];
  for (const r of rs) {
    total += charWidth(r.codePointAt(0)!);
    ends.push(total);
  }
  if (total <= max) return s;
  let keep = 0;
  while (keep < ends.length && ends[keep]! <= max - 1) keep++;
  return rs.slice(0, keep).join('') + '…';
}
