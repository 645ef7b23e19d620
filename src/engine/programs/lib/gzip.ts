/**
 * gzip framing (RFC 1952) around DEFLATE (RFC 1951). Compression is store-only: stored blocks,
 * valid gzip that real gunzip reads, but no smaller than the input (the simulator's archives are
 * small and speed matters more than ratio). Decompression is a full inflate (stored, fixed and
 * dynamic Huffman blocks), so real .gz files placed in the simulator can be unpacked.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(d: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function gzip(data: Uint8Array, mtime = 0, name?: string): Uint8Array {
  const nameBytes = name ? new TextEncoder().encode(name + '\0') : new Uint8Array(0);
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(10 + nameBytes.length + data.length + blocks * 5 + 8);
  const secs = Math.floor(mtime / 1000);
  out.set([0x1f, 0x8b, 8, name ? 8 : 0, secs & 0xff, (secs >>> 8) & 0xff, (secs >>> 16) & 0xff, (secs >>> 24) & 0xff, 0, 3]);
  let o = 10;
  out.set(nameBytes, o);
  o += nameBytes.length;
  for (let b = 0; b < blocks; b++) {
    const chunk = data.subarray(b * 65535, (b + 1) * 65535);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = chunk.length & 0xff;
    out[o++] = chunk.length >>> 8;
    out[o++] = ~chunk.length & 0xff;
    out[o++] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, o);
    o += chunk.length;
  }
  const crc = crc32(data);
  const len = data.length >>> 0;
  out.set([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, len & 0xff, (len >>> 8) & 0xff, (len >>> 16) & 0xff, len >>> 24], o);
  return out;
}

export function isGzip(d: Uint8Array): boolean {
  return d.length >= 18 && d[0] === 0x1f && d[1] === 0x8b;
}

export class GzipError extends Error {}

/** The original name stored in a gzip header, if any. */
export function gzipName(d: Uint8Array): string | undefined {
  if (!isGzip(d) || !(d[3] & 8)) return undefined;
  let o = 10;
  if (d[3] & 4) o += 2 + (d[10] | (d[11] << 8));
  const end = d.indexOf(0, o);
  return new TextDecoder().decode(d.subarray(o, end));
}

export function gunzip(d: Uint8Array): Uint8Array {
  if (!isGzip(d)) throw new GzipError('not in gzip format');
  if (d[2] !== 8) throw new GzipError('unknown method');
  const flg = d[3];
  let o = 10;
  if (flg & 4) o += 2 + (d[o] | (d[o + 1] << 8));
  if (flg & 8) o = d.indexOf(0, o) + 1;
  if (flg & 16) o = d.indexOf(0, o) + 1;
  if (flg & 2) o += 2;
  const { out, end } = inflate(d, o);
  if (end + 8 > d.length) throw new GzipError('unexpected end of file');
  const crc = (d[end] | (d[end + 1] << 8) | (d[end + 2] << 16) | (d[end + 3] << 24)) >>> 0;
  if (crc !== crc32(out)) throw new GzipError('invalid compressed data--crc error');
  return out;
}

const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huff {
  counts: Uint16Array;
  symbols: Uint16Array;
}
function huff(lengths: ArrayLike<number>): Huff {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]]++;
  counts[0] = 0;
  const offs = new Uint16Array(16);
  for (let i = 1; i < 16; i++) offs[i] = offs[i - 1] + counts[i - 1];
  const symbols = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offs[lengths[i]]++] = i;
  return { counts, symbols };
}

/** Raw DEFLATE decoder (puff-style, canonical Huffman decoding bit by bit). */
export function inflate(d: Uint8Array, start = 0): { out: Uint8Array; end: number } {
  let pos = start;
  let bitbuf = 0;
  let bitcnt = 0;
  let out = new Uint8Array(Math.max(1024, d.length * 4));
  let olen = 0;
  const need = (n: number) => {
    if (olen + n > out.length) {
      const m = new Uint8Array(Math.max(out.length * 2, olen + n));
      m.set(out.subarray(0, olen));
      out = m;
    }
  };
  const bits = (n: number): number => {
    let v = bitbuf;
    while (bitcnt < n) {
      if (pos >= d.length) throw new GzipError('unexpected end of file');
      v |= d[pos++] << bitcnt;
      bitcnt += 8;
    }
    bitbuf = v >>> n;
    bitcnt -= n;
    return v & ((1 << n) - 1);
  };
  const decode = (h: Huff): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.counts[len];
      if (code - count < first) return h.symbols[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new GzipError('invalid compressed data--format violated');
  };
  const fixedL = huff(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
  const fixedD = huff(new Array(30).fill(5));
  let last = 0;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitbuf = 0;
      bitcnt = 0;
      const len = d[pos] | (d[pos + 1] << 8);
      pos += 4;
      need(len);
      out.set(d.subarray(pos, pos + len), olen);
      olen += len;
      pos += len;
      continue;
    }
    let lh = fixedL;
    let dh = fixedD;
    if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      const cl = new Array(19).fill(0);
      for (let i = 0; i < ncode; i++) cl[CLORDER[i]] = bits(3);
      const ch = huff(cl);
      const lengths: number[] = [];
      while (lengths.length < nlen + ndist) {
        const sym = decode(ch);
        if (sym < 16) lengths.push(sym);
        else if (sym === 16) lengths.push(...new Array(3 + bits(2)).fill(lengths[lengths.length - 1]));
        else if (sym === 17) lengths.push(...new Array(3 + bits(3)).fill(0));
        else lengths.push(...new Array(11 + bits(7)).fill(0));
      }
      lh = huff(lengths.slice(0, nlen));
      dh = huff(lengths.slice(nlen));
    } else if (type === 3) throw new GzipError('invalid compressed data--format violated');
    for (;;) {
      const sym = decode(lh);
      if (sym < 256) {
        need(1);
        out[olen++] = sym;
      } else if (sym === 256) break;
      else {
        const len = LBASE[sym - 257] + bits(LEXT[sym - 257]);
        const ds = decode(dh);
        const dist = DBASE[ds] + bits(DEXT[ds]);
        need(len);
        for (let i = 0; i < len; i++, olen++) out[olen] = out[olen - dist];
      }
    }
  } while (!last);
  return { out: out.slice(0, olen), end: pos };
}
