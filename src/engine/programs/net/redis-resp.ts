/** RESP, the Redis wire protocol: encoding a reply and reading one value (or an inline command). */

const enc = new TextEncoder();
const dec = new TextDecoder();

export function reply(v: unknown): string {
  if (v === null || v === undefined) return '$-1\r\n';
  if (typeof v === 'number') return `:${v}\r\n`;
  if (Array.isArray(v)) return `*${v.length}\r\n${v.map(reply).join('')}`;
  if (typeof v === 'object' && 'status' in (v as object)) return `+${(v as { status: string }).status}\r\n`;
  if (typeof v === 'object' && 'error' in (v as object)) return `-${(v as { error: string }).error}\r\n`;
  const s = String(v);
  return `$${enc.encode(s).length}\r\n${s}\r\n`;
}
export const OK = { status: 'OK' };
export const err = (m: string) => ({ error: m });

/** Read one RESP value from a buffer; returns undefined when incomplete. */
export function parseResp(buf: string): { value: unknown; rest: string } | undefined {
  const nl = buf.indexOf('\r\n');
  if (nl < 0) return undefined;
  const head = buf.slice(1, nl);
  const rest = buf.slice(nl + 2);
  switch (buf[0]) {
    case '+': return { value: { status: head }, rest };
    case '-': return { value: { error: head }, rest };
    case ':': return { value: Number(head), rest };
    case '$': {
      const n = Number(head);
      if (n < 0) return { value: null, rest };
      const bytes = enc.encode(rest);
      if (bytes.length < n + 2) return undefined;
      const s = dec.decode(bytes.subarray(0, n));
      return { value: s, rest: dec.decode(bytes.subarray(n + 2)) };
    }
    case '*': {
      const n = Number(head);
      if (n < 0) return { value: null, rest };
      const items: unknown[] = [];
      let r = rest;
      for (let k = 0; k < n; k++) {
        const p = parseResp(r);
        if (!p) return undefined;
        items.push(p.value);
        r = p.rest;
      }
      return { value: items, rest: r };
    }
    default: {
      // Inline command (telnet style).
      return { value: buf.slice(0, nl).trim().split(/\s+/), rest };
    }
  }
}
