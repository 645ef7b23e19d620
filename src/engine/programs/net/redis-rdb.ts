/** Redis's RDB file (version 12): enough of the format to save and load strings and lists. */
import { pushAll } from '../../../lib/arrays';

const enc = new TextEncoder();
const dec = new TextDecoder();

export type Value = string | string[];
export interface Entry {
  v: Value;
  expires?: number;
}

function lenBytes(n: number): number[] {
  if (n < 64) return [n];
  if (n < 16384) return [0x40 | (n >> 8), n & 255];
  return [0x80, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
function strBytes(s: string): number[] {
  const b = enc.encode(s);
  return pushAll(lenBytes(b.length), b);
}

export function writeRdb(db: Map<string, Entry>): Uint8Array {
  const out: number[] = [...enc.encode('REDIS0012')];
  for (const [k, v] of [['redis-ver', '7.4.2'], ['redis-bits', '64']]) out.push(0xfa, ...strBytes(k), ...strBytes(v));
  out.push(0xfe, 0, 0xfb, ...lenBytes(db.size), ...lenBytes([...db.values()].filter((e) => e.expires).length));
  for (const [k, e] of db) {
    if (e.expires) {
      out.push(0xfc);
      let t = BigInt(Math.floor(e.expires));
      for (let i = 0; i < 8; i++) {
        out.push(Number(t & 255n));
        t >>= 8n;
      }
    }
    // pushAll, not spreads: a value or a list can be larger than a call's argument limit.
    out.push(typeof e.v === 'string' ? 0 : 1);
    pushAll(out, strBytes(k));
    if (typeof e.v === 'string') pushAll(out, strBytes(e.v));
    else {
      pushAll(out, lenBytes(e.v.length));
      for (const item of e.v) pushAll(out, strBytes(item));
    }
  }
  out.push(0xff, 0, 0, 0, 0, 0, 0, 0, 0);
  return Uint8Array.from(out);
}

export function readRdb(b: Uint8Array): Map<string, Entry> {
  const db = new Map<string, Entry>();
  if (dec.decode(b.subarray(0, 5)) !== 'REDIS') return db;
  let i = 9;
  const len = (): number => {
    const c = b[i++];
    const kind = c >> 6;
    if (kind === 0) return c & 63;
    if (kind === 1) return ((c & 63) << 8) | b[i++];
    const n = (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
    i += 4;
    return n >>> 0;
  };
  const str = () => {
    const n = len();
    const s = dec.decode(b.subarray(i, i + n));
    i += n;
    return s;
  };
  let expires: number | undefined;
  while (i < b.length) {
    const op = b[i++];
    if (op === 0xff) break;
    if (op === 0xfa) {
      str();
      str();
    } else if (op === 0xfe) len();
    else if (op === 0xfb) {
      len();
      len();
    } else if (op === 0xfc) {
      let t = 0n;
      for (let k = 7; k >= 0; k--) t = (t << 8n) | BigInt(b[i + k]);
      i += 8;
      expires = Number(t);
    } else if (op === 0 || op === 1) {
      const key = str();
      const v: Value = op === 0 ? str() : Array.from({ length: len() }, () => str());
      db.set(key, { v, ...(expires ? { expires } : {}) });
      expires = undefined;
    } else break;
  }
  return db;
}

