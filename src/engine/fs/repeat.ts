/**
 * Files far bigger than the browser can hold. A disk of tens of gigabytes can be filled for real
 * (`dd if=/dev/zero of=big bs=1M`, `yes > f`, `while :; do echo x; done > log`), but those bytes
 * cannot all sit in memory. Such writers append the SAME chunk again and again, so a file keeps its
 * first bytes as stored bytes and then a run: one chunk and how many times it repeats. Appending that
 * chunk again costs nothing; the reported size and the disk's used bytes grow as on Linux.
 *
 * Limits, honestly: a file's stored (non-repeating) bytes are capped at STORE_CAP, and a file is
 * only handed out whole (read, copied, hashed) up to READ_CAP; past either, the write or read fails
 * with EFBIG (`File too large`), a limit of the simulator, not of the simulated disk.
 */
import { FsError } from '../../api/fs';
import type { MNode } from './store';

/** Stored bytes a file may hold (random data, varied text). */
export const STORE_CAP = 64 * 1024 * 1024;
/** Size up to which a file with a run can be read whole. */
export const READ_CAP = 64 * 1024 * 1024;
/** Stored bytes a file has before a repeated append starts a run (small files stay plain). */
const RUN_MIN = 64 * 1024;

/**
 * Shared read-only chunks of zeros (what /dev/zero hands out). A run whose chunk IS one of them
 * grows by an identity check, not a byte comparison, so filling tens of GB with `dd if=/dev/zero`
 * takes seconds. Nobody may write into them.
 */
const zeroChunks = new Map<number, Uint8Array>();
export function sharedZeros(size: number): Uint8Array {
  if (size > 16 * 1024 * 1024) return new Uint8Array(size);
  let z = zeroChunks.get(size);
  if (!z) {
    if (zeroChunks.size > 16) zeroChunks.clear();
    zeroChunks.set(size, (z = new Uint8Array(size)));
  }
  return z;
}
const isShared = (a: Uint8Array) => zeroChunks.get(a.length) === a;

export function runBytes(n: MNode): number {
  return n.run ? n.run.chunk.length * n.run.count + (n.run.part ?? 0) : 0;
}

/** A regular file's size as stat reports it: the virtual size, or stored bytes plus the run. */
export function fileSize(n: MNode): number {
  return n.sim?.vsize ?? n.getSize() + runBytes(n);
}

/** Is `a` equal to `b` at `bOffset`? Four bytes at a time where both are aligned (big chunks). */
function same(a: Uint8Array, b: Uint8Array, bOffset = 0): boolean {
  if (bOffset < 0 || a.length > b.length - bOffset) return false;
  let i = 0;
  const bo = b.byteOffset + bOffset;
  if (a.length >= 64 && a.byteOffset % 4 === 0 && bo % 4 === 0) {
    const words = a.length >> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, bo, words);
    for (let k = 0; k < words; k++) if (wa[k] !== wb[k]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[bOffset + i]) return false;
  return true;
}

/** The whole content of a file with a run (stored bytes, then the chunk count times). */
export function materialise(n: MNode, path: string, syscall: string): Uint8Array {
  const stored = n.getSize();
  const total = stored + runBytes(n);
  if (total > READ_CAP) throw new FsError('EFBIG', syscall, path);
  const out = new Uint8Array(total);
  out.set(n.buf.subarray(0, stored));
  const { chunk, count, part } = n.run!;
  let at = stored;
  for (let i = 0; i < count; i++, at += chunk.length) out.set(chunk, at);
  if (part) out.set(chunk.subarray(0, part), at);
  return out;
}

/**
 * The disk has room for only `fits` bytes of `data` (< its length): a run can still take them when
 * `data` is its chunk (the write that fills the disk). True when it did.
 */
export function appendPartialToRun(n: MNode, data: Uint8Array, fits: number): boolean {
  if (!n.run || n.run.part || fits <= 0 || fits >= n.run.chunk.length) return false;
  if (!(n.run.chunk === data || same(n.run.chunk, data))) return false;
  n.run.part = fits;
  return true;
}

/** Append `data` to a file, extending its run when `data` is the repeated chunk. */
export function appendWithRuns(n: MNode, data: Uint8Array, path: string, append: (bytes: Uint8Array) => void): void {
  if (!data.length) return;
  if (n.run) {
    if (!n.run.part && (n.run.chunk === data || same(n.run.chunk, data))) {
      n.run.count++;
      return;
    }
    // Something else follows the run: it becomes stored bytes (within the cap).
    const whole = materialise(n, path, 'write');
    if (whole.length + data.length > STORE_CAP) throw new FsError('EFBIG', 'write', path);
    delete n.run;
    n.truncate(0);
    append(whole);
    append(data);
    return;
  }
  const size = n.getSize();
  // A shared chunk of zeros is a run from the start; the same chunk as the last one written
  // starts a run instead of being stored.
  if ((size === 0 && data.length >= RUN_MIN && isShared(data)) || (size >= RUN_MIN && same(data, n.buf.subarray(0, size), size - data.length))) {
    n.run = { chunk: isShared(data) ? data : data.slice(), count: 1 };
    return;
  }
  if (size + data.length > STORE_CAP) throw new FsError('EFBIG', 'write', path);
  append(data);
}
