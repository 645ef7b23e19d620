/**
 * The .xz container format (xz-file-format-1.2.1) with LZMA2 "uncompressed" chunks.
 *
 * Real concept: an xz stream is a header (magic, flags, CRC32), blocks (a block header naming the
 * filter chain, the filtered data, padding and a check of the uncompressed data), an index of the
 * blocks' sizes and a footer. LZMA2 data is a sequence of chunks, each either LZMA-compressed or
 * stored ("uncompressed chunk": control byte 1 or 2, 16-bit size, the bytes).
 *
 * Simulated: `xzEncode` writes a valid stream whose LZMA2 chunks are all stored, so real `xz -d`
 * reads it (it is not smaller; like our gzip, it is about the format, not the ratio). `xzDecode`
 * reads such streams, checks every CRC32, and reports LZMA-compressed chunks (from a real xz) as
 * not simulated rather than producing wrong bytes.
 */
import { crc32 } from './gzip';
import { concat as concatAll } from './io';

export class XzError extends Error {}

const MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const FLAGS = [0x00, 0x01]; // check type 1: CRC32
const CHUNK = 0x10000;

function u32(n: number): number[] {
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function pad4(a: number[]): void {
  while (a.length % 4) a.push(0);
}

export function isXz(b: Uint8Array): boolean {
  return MAGIC.every((m, i) => b[i] === m);
}

export function xzEncode(data: Uint8Array): Uint8Array {
  const out: number[] = [...MAGIC, ...FLAGS, ...u32(crc32(new Uint8Array(FLAGS)))];
  const records: Array<[number, number]> = [];
  if (data.length) {
    // Block header: size, flags (one filter, no sizes), LZMA2 filter (id 0x21, 1 property byte:
    // the dictionary size), padding, CRC32.
    const header = [0, 0x00, 0x21, 0x01, 0x00];
    pad4(header);
    header[0] = (header.length + 4) / 4 - 1;
    const headerBytes = [...header, ...u32(crc32(new Uint8Array(header)))];
    const body: number[] = [];
    for (let off = 0; off < data.length; off += CHUNK) {
      const n = Math.min(CHUNK, data.length - off);
      body.push(off === 0 ? 0x01 : 0x02, (n - 1) >> 8, (n - 1) & 255);
      for (let i = 0; i < n; i++) body.push(data[off + i]);
    }
    body.push(0x00);
    const unpadded = headerBytes.length + body.length + 4;
    for (const x of headerBytes) out.push(x);
    for (const x of body) out.push(x);
    pad4(out);
    out.push(...u32(crc32(data)));
    records.push([unpadded, data.length]);
  }
  const index = [0x00, ...varint(records.length)];
  for (const [u, s] of records) index.push(...varint(u), ...varint(s));
  pad4(index);
  const indexBytes = [...index, ...u32(crc32(new Uint8Array(index)))];
  out.push(...indexBytes);
  const backward = [...u32(indexBytes.length / 4 - 1), ...FLAGS];
  out.push(...u32(crc32(new Uint8Array(backward))), ...backward, 0x59, 0x5a);
  return new Uint8Array(out);
}

export function xzDecode(b: Uint8Array): Uint8Array {
  if (!isXz(b)) throw new XzError('File format not recognized');
  if (b.length < 24) throw new XzError('Unexpected end of input');
  const crcAt = (o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  if (crcAt(8) !== crc32(b.subarray(6, 8))) throw new XzError('Compressed data is corrupt');
  const check = b[7] & 0x0f;
  const checkSize = check === 0 ? 0 : check === 1 ? 4 : check <= 3 ? 4 : check <= 6 ? 8 : check <= 9 ? 16 : 32;
  let o = 12;
  const parts: Uint8Array[] = [];
  while (o < b.length && b[o] !== 0x00) {
    const hsize = (b[o] + 1) * 4;
    if (o + hsize > b.length) throw new XzError('Unexpected end of input');
    if (crcAt(o + hsize - 4) !== crc32(b.subarray(o, o + hsize - 4))) throw new XzError('Compressed data is corrupt');
    const flags = b[o + 1];
    let p = o + 2;
    const readVar = (): number => {
      let n = 0;
      let mul = 1;
      for (;;) {
        const c = b[p++];
        n += (c & 0x7f) * mul;
        mul *= 128;
        if (!(c & 0x80)) return n;
      }
    };
    if (flags & 0x40) readVar();
    if (flags & 0x80) readVar();
    const filters = (flags & 3) + 1;
    if (filters !== 1 || readVar() !== 0x21) throw new XzError('Unsupported filter chain (only LZMA2 is simulated)');
    o += hsize;
    const start = o;
    const block: Uint8Array[] = [];
    for (;;) {
      const c = b[o++];
      if (c === undefined) throw new XzError('Unexpected end of input');
      if (c === 0x00) break;
      if (c === 0x01 || c === 0x02) {
        const n = ((b[o] << 8) | b[o + 1]) + 1;
        block.push(b.subarray(o + 2, o + 2 + n));
        o += 2 + n;
      } else throw new XzError('LZMA-compressed data is not simulated (only stored xz streams can be read)');
    }
    void start;
    while (o % 4) o++;
    const data = concatAll(block);
    if (check === 1 && crcAt(o) !== crc32(data)) throw new XzError('Compressed data is corrupt');
    o += checkSize;
    parts.push(data);
  }
  return concatAll(parts);
}

