/**
 * The body of a `$'…'` string from `pos` up to (not including) its closing quote, with the
 * backslash escapes bash decodes there; returns the text and the position of the closing quote.
 */
export function decodeAnsiC(s: string, pos: number): { text: string; pos: number } {
  let out = '';
  while (pos < s.length && s[pos] !== "'") {
    const c = s[pos++];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[pos++];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    if (e in simple) out += simple[e];
    else if (e === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(pos));
      if (m) (out += String.fromCharCode(parseInt(m[0], 16))), (pos += m[0].length);
      else out += '\\x';
    } else if (e === 'u' || e === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${e === 'u' ? 4 : 8}}`).exec(s.slice(pos));
      if (m) (out += String.fromCodePoint(parseInt(m[0], 16))), (pos += m[0].length);
      else out += '\\' + e;
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{0,2}/.exec(s.slice(pos))!;
      out += String.fromCharCode(parseInt(e + m[0], 8) & 255);
      pos += m[0].length;
    } else if (e === 'c') {
      const ch = s[pos++] ?? '';
      out += String.fromCharCode(ch.toUpperCase().charCodeAt(0) ^ 64);
    } else out += '\\' + (e ?? '');
  }
  return { text: out, pos };
}
