/**
 * Go's text rules the parser depends on. `isGoSpace` is `unicode.IsSpace` (JavaScript's `\s` also
 * takes U+FEFF and misses U+0085). `goQuote` is Go's `strconv.Quote`, which BuildKit uses in `Node.Dump()` (the fixtures' `result` files) and in
 * error texts such as `failed to process "${X:?}": …` (`%q`).
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    else if (c === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (c < 0x80) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}

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
