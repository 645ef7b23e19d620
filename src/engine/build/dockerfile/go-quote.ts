/**
 * Go's text rules the parser depends on. `isGoSpace` is `unicode.IsSpace` (JavaScript's `\s` also
 * takes U+FEFF and misses U+0085). `goQuote` is Go's `strconv.Quote`, which BuildKit uses in `Node.Dump()` (the fixtures' `result` files) and in
 * error texts such as `failed to process "${X:?}": …` (`%q`).
 */
export { goQuote } from '../../../lib/go-quote';

const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** Go's unicode.IsSpace for one character. */
export const isGoSpace = (ch: string): boolean => GO_SPACE.test(ch);

/** bytes.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftGoSpace(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s[i])) i++;
  return s.slice(i);
}

/** strings.TrimSpace. */
export function trimGoSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isGoSpace(s[end - 1])) end--;
  return trimLeftGoSpace(s.slice(0, end));
}
