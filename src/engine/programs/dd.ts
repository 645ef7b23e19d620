/**
 * dd (GNU coreutils 9): copy blocks from if= (default stdin) to of= (default stdout).
 * Operands: if= of= bs= ibs= obs= (one block size: the largest given) count= skip= seek=
 * status=none|noxfer|progress conv=notrunc. Sizes take dd's suffixes (c w b kB K MB M GB G ...).
 * The summary goes to stderr as dd prints it: `N+M records in`, `N+M records out`, then
 * `X bytes (1.1 GB, 1.0 GiB) copied, T s, R GB/s`. A block of zeros is the shared chunk of
 * /dev/zero, so `dd if=/dev/zero of=big bs=1M` fills a disk without holding it (fs/repeat.ts).
 * Time is the machine's clock, and at least what a 2 GB/s disk would take (virtual time only
 * moves on ticks). Left out: conv= other than notrunc, iflag/oflag, cbs, the BxC size form.
 */
import type { ProgramContext } from '../process/types';
import { deviceAt, deviceChunk } from './lib/devices';
import { errText, isWriteError, q } from './lib/io';
import { sharedZeros } from '../fs/repeat';
import { FsError, isFsError } from '../../api/fs';

const MULT: Record<string, number> = {
  '': 1, c: 1, w: 2, b: 512, kB: 1e3, K: 1024, KiB: 1024, MB: 1e6, M: 1 << 20, MiB: 1 << 20, xM: 1 << 20,
  GB: 1e9, G: 2 ** 30, GiB: 2 ** 30, TB: 1e12, T: 2 ** 40, TiB: 2 ** 40, PB: 1e15, P: 2 ** 50, EB: 1e18, E: 2 ** 60,
};
/** Pieces a huge block is written in (the same bytes, so memory stays bounded). */
const PIECE = 16 << 20;
const DISK_BYTES_PER_S = 2e9;

function size(s: string): number | undefined {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(s);
  if (!m || !(m[2] in MULT)) return undefined;
  const n = Number(m[1]) * MULT[m[2]];
  return Number.isSafeInteger(n) ? n : undefined;
}

/** GNU human_readable with autoscale and round-to-nearest: `512 B`, `1.1 GB`, `105 MB`, `1.0 GiB`. */
export function human(n: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = n;
  let i = 0;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  if (i === 0) return `${Math.round(n)} B`;
  if (v < 10 && Math.round(v * 10) / 10 < 10) return `${(Math.round(v * 10) / 10).toFixed(1)} ${units[i]}`;
  const r = Math.round(v);
  return r >= base && i < units.length - 1 ? `1.0 ${units[i + 1]}` : `${r} ${units[i]}`;
}

/** C's %g (6 significant digits). */
function g(x: number): string {
  if (x === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e < -4 || e >= 6) return x.toExponential(5).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
  return String(Number(x.toPrecision(6)));
}

export function xferLine(bytes: number, seconds: number): string {
  const si = human(bytes, 1000);
  const iec = human(bytes, 1024);
  const rate = `${human(bytes / seconds, 1000)}/s`;
  const t = `${g(seconds)} s`;
  if (si.endsWith(' B')) return `${bytes} byte${bytes === 1 ? '' : 's'} copied, ${t}, ${rate}\n`;
  if (iec.endsWith(' B')) return `${bytes} bytes (${si}) copied, ${t}, ${rate}\n`;
  return `${bytes} bytes (${si}, ${iec}) copied, ${t}, ${rate}\n`;
}

export async function dd(ctx: ProgramContext): Promise<number> {
  const err = (s: string) => ctx.stderr.write(`dd: ${s}\n`);
  const ops = new Map<string, string>();
  for (const a of ctx.argv.slice(1)) {
    if (a === '--help') {
      await ctx.stdout.write('Usage: dd [OPERAND]...\n  or:  dd OPTION\nCopy a file, converting and formatting according to the operands.\n');
      return 0;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(0, eq) : '';
    if (!['if', 'of', 'bs', 'ibs', 'obs', 'count', 'skip', 'seek', 'status', 'conv', 'iflag', 'oflag'].includes(key)) {
      await err(`unrecognized operand ${q(a)}\nTry 'dd --help' for more information.`);
      return 1;
    }
    ops.set(key, a.slice(eq + 1));
  }
  const num = async (key: string, dflt: number): Promise<number | undefined> => {
    const v = ops.get(key);
    if (v === undefined) return dflt;
    const n = size(v);
    if (n === undefined || ((key === 'bs' || key === 'ibs' || key === 'obs') && n === 0)) {
      await err(`invalid number: ${q(v)}`);
      return undefined;
    }
    return n;
  };
  const sizes = [await num('bs', 0), await num('ibs', 0), await num('obs', 0)];
  if (sizes.includes(undefined)) return 1;
  const bs = Math.max(...(sizes as number[])) || 512;
  const count = await num('count', Infinity);
  const skip = await num('skip', 0);
  const seek = await num('seek', 0);
  if (count === undefined || skip === undefined || seek === undefined) return 1;
  const status = ops.get('status') ?? 'default';
  if (!['default', 'none', 'noxfer', 'progress'].includes(status)) {
    await err(`invalid status level: ${q(status)}\nTry 'dd --help' for more information.`);
    return 1;
  }
  const conv = (ops.get('conv') ?? '').split(',').filter(Boolean);
  for (const c of conv) {
    if (c !== 'notrunc') {
      await err(`invalid conversion: ${q(c)}\nTry 'dd --help' for more information.`);
      return 1;
    }
  }

  // ---- input: a device, a file, or stdin; one block per read ----
  const inPath = ops.get('if');
  const dev = inPath !== undefined ? deviceAt(ctx, inPath) : undefined;
  let file: Uint8Array | undefined;
  let filePos = 0;
  let pending: Uint8Array | null = new Uint8Array(0);
  if (inPath !== undefined && !dev) {
    try {
      file = ctx.fs.readFile(inPath);
    } catch (e) {
      await err(`failed to open ${q(inPath)}: ${errText(e)}`);
      return 1;
    }
  }
  /** One input block, as pieces of at most PIECE bytes (a 1G block of zeros is 64 shared pieces). */
  const readBlock = async (): Promise<Uint8Array[] | null> => {
    if (dev) {
      if (dev === 'null') return null;
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bs; at += PIECE) {
        pieces.push(deviceChunk(ctx, dev, Math.min(PIECE, bs - at)));
        // Random bytes take real work to make: let Ctrl-C in between the pieces of a huge block.
        if (dev === 'random' || dev === 'urandom') await ctx.sys.tick(ctx.signal);
      }
      return pieces;
    }
    if (file) {
      if (filePos >= file.length) return null;
      const b = file.subarray(filePos, filePos + bs);
      filePos += b.length;
      return [b];
    }
    if (pending && !pending.length) pending = await ctx.stdin.read(ctx.signal);
    if (!pending) return null;
    const b = pending.subarray(0, bs);
    pending = pending.subarray(b.length);
    return [b];
  };

  // ---- output ----
  const outPath = ops.get('of');
  let outSize = 0;
  const notrunc = conv.includes('notrunc');
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  const offset = seek * bs;
  if (outPath !== undefined) {
    try {
      if (ctx.fs.exists(outPath) && ctx.fs.stat(outPath).kind === 'dir') throw new FsError('EISDIR', 'open', outPath);
      if (!notrunc) {
        // Truncate to the seek offset (keeping what lies before it, zeros where the file was shorter).
        let prefix: Uint8Array = new Uint8Array(0);
        if (offset && ctx.fs.exists(outPath)) prefix = ctx.fs.readFile(outPath).subarray(0, offset);
        ctx.fs.writeFile(outPath, prefix);
        for (let at = prefix.length; at < offset; at += PIECE) ctx.fs.writeFile(outPath, sharedZeros(Math.min(PIECE, offset - at)), { append: true });
        outSize = offset;
      } else if (!ctx.fs.exists(outPath)) ctx.fs.writeFile(outPath, new Uint8Array(0));
    } catch (e) {
      if (isWriteError(e)) await err(`error writing ${q(outPath)}: ${errText(e)}`);
      else await err(`failed to open ${q(outPath)}: ${errText(e)}`);
      return 1;
    }
  }
  const writeBlock = async (pieces: Uint8Array[]): Promise<void> => {
    for (const piece of pieces) {
      if (outPath === undefined) {
        await ctx.stdout.write(piece);
        continue;
      }
      if (notrunc) {
        heldBytes += piece.length;
        if (heldBytes > 64 << 20) throw new FsError('EFBIG', 'write', outPath);
        held.push(piece.slice());
        continue;
      }
      const before = ctx.fs.stat(outPath).size;
      try {
        ctx.fs.writeFile(outPath, piece, { append: true });
      } finally {
        outSize += ctx.fs.stat(outPath).size - before;
      }
    }
  };

  const clock = ctx.sys.clock;
  const t0 = clock.now();
  let fullIn = 0, partIn = 0, fullOut = 0, partOut = 0, bytes = 0;
  let lastProgress = t0;
  let sinceTick = 0;
  let blocksSinceTick = 0;
  const seconds = () => Math.max((clock.now() - t0) / 1000, bytes / DISK_BYTES_PER_S, 0.0001);
  const summary = async (xfer: boolean) => {
    if (status === 'none') return;
    let s = `${fullIn}+${partIn} records in\n${fullOut}+${partOut} records out\n`;
    if (xfer && status !== 'noxfer') s += xferLine(bytes, seconds());
    await ctx.stderr.write(s);
  };
  let status1 = 0;
  try {
    for (let i = 0; i < skip; i++) {
      if (!(await readBlock())) break;
      await ctx.sys.tick(ctx.signal);
    }
    for (let n = 0; n < count; n++) {
      const pieces = await readBlock();
      if (!pieces) break;
      const b = { length: pieces.reduce((a, p) => a + p.length, 0) };
      if (b.length === bs) fullIn++;
      else partIn++;
      const startOut = outSize;
      try {
        await writeBlock(pieces);
      } catch (e) {
        if (!isFsError(e) || outPath === undefined) throw e;
        const got = outSize - startOut;
        if (got > 0) partOut++;
        bytes += got;
        await err(`error writing ${q(outPath)}: ${errText(e)}`);
        status1 = 1;
        break;
      }
      if (b.length === bs) fullOut++;
      else partOut++;
      bytes += b.length;
      if (status === 'progress' && clock.now() - lastProgress >= 1000) {
        lastProgress = clock.now();
        await ctx.stderr.write(xferLine(bytes, seconds()).replace('\n', '\r'));
      }
      // A tick per 64 blocks or 256 MiB: blocks of shared zeros cost next to nothing to write.
      sinceTick += b.length;
      if (++blocksSinceTick >= 64 || sinceTick >= 256 << 20) {
        sinceTick = blocksSinceTick = 0;
        await ctx.sys.tick(ctx.signal);
      }
    }
    if (notrunc && outPath !== undefined && status1 === 0) {
      const old = ctx.fs.readFile(outPath);
      const out = new Uint8Array(Math.max(old.length, offset + heldBytes));
      out.set(old);
      let at = offset;
      for (const h of held) {
        out.set(h, at);
        at += h.length;
      }
      held = [];
      ctx.fs.writeFile(outPath, out);
    }
  } catch (e) {
    if (isWriteError(e) && outPath === undefined) {
      await err(`error writing 'standard output': ${errText(e)}`);
      status1 = 1;
    } else throw e;
  }
  if (status === 'progress' && lastProgress !== t0) await ctx.stderr.write('\n');
  await summary(true);
  return status1;
}
