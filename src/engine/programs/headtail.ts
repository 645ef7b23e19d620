/**
 * head and tail (GNU): -n N, -n -N (head: all but the last N), -n +N (tail: from line N), -c,
 * the obsolete `head -5` form, `==> f <==` headers for several files, and `tail -f`, which polls
 * the file once a simulated second on sys.clock and ends only when the process is signalled.
 */
import { deviceAt, deviceChunk, devicePrefix } from './lib/devices';
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, concat, errText, isWriteError, q } from './lib/io';

/** `-5` → `-n 5` (the historical form both programs still accept). */
function obsolete(args: string[]): string[] {
  if (args.length && /^-\d+[cl]?$/.test(args[0])) {
    const m = /^-(\d+)([cl]?)$/.exec(args[0])!;
    return [m[2] === 'c' ? '-c' : '-n', m[1], ...args.slice(1)];
  }
  if (args.length && /^\+\d+$/.test(args[0])) return ['-n', args[0], ...args.slice(1)];
  return args;
}

function parseCount(s: string): { n: number; sign: '' | '+' | '-' } | undefined {
  const m = /^([+-]?)(\d+)([kKmMbB]?)$/.exec(s.trim());
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, K: 1024, m: 1048576, M: 1048576, b: 512, B: 512 }[m[3]] ?? 1;
  return { n: Number(m[2]) * mult, sign: m[1] as '' | '+' | '-' };
}

function nthNewline(d: Uint8Array, n: number, fromEnd: boolean): number {
  // fromEnd: index after which the last n lines start; else index just past the n-th newline.
  if (!fromEnd) {
    let seen = 0;
    for (let i = 0; i < d.length; i++) if (d[i] === 10 && ++seen === n) return i + 1;
    return d.length;
  }
  let end = d.length;
  if (end > 0 && d[end - 1] === 10) end--;
  let seen = 0;
  for (let i = end - 1; i >= 0; i--) if (d[i] === 10 && ++seen === n) return i + 1;
  return 0;
}

/**
 * head of stdin, or of an endless device, streams: each chunk goes out as it comes, until enough
 * bytes or lines have passed; then head closes its end of the pipe, so `yes | head -n 3` ends (the
 * writer gets SIGPIPE, as on Linux) and `head -c 100000000 /dev/urandom` never holds 100 MB.
 */
async function streamPrefix(ctx: ProgramContext, next: () => Promise<Uint8Array | null>, bytesMode: boolean, n: number, tickEvery = 0): Promise<void> {
  let left = n;
  let sinceTick = 0;
  while (left > 0) {
    const c = await next();
    if (!c) return;
    let take = c.length;
    if (bytesMode) take = Math.min(take, left);
    else {
      for (let i = 0; i < c.length; i++) {
        if (c[i] === 10 && --left === 0) {
          take = i + 1;
          break;
        }
      }
    }
    if (bytesMode) left -= take;
    await ctx.stdout.write(take === c.length ? c : c.subarray(0, take));
    // Shared zero chunks cost nothing to write: a tick per `tickEvery` bytes keeps a disk fill quick.
    sinceTick += take;
    if (sinceTick >= tickEvery) {
      sinceTick = 0;
      await ctx.sys.tick(ctx.signal);
    }
  }
}

/** Chunks of stdin; head closes stdin when done, so a writer upstream stops. */
async function prefixOfStdin(ctx: ProgramContext, bytesMode: boolean, n: number): Promise<void> {
  await streamPrefix(ctx, () => ctx.stdin.read(ctx.signal), bytesMode, n);
  ctx.stdin.close();
}

async function headOrTail(ctx: ProgramContext, fl: Flavour, isTail: boolean): Promise<number> {
  const name = isTail ? 'tail' : 'head';
  const io = new Io(ctx, name, fl);
  const p = await io.parse(
    { short: isTail ? 'n:c:qvfFs:' : 'n:c:qv', long: { lines: 'n=', bytes: 'c=', quiet: 'q', silent: 'q', verbose: 'v', ...(isTail ? { follow: 'f=?', retry: 'R', 'sleep-interval': 's=' } : {}) } },
    `Usage: ${name} [OPTION]... [FILE]...\nPrint the ${isTail ? 'last' : 'first'} 10 lines of each FILE to standard output.\n`,
    1,
    obsolete(ctx.argv.slice(1)),
  );
  if (typeof p === 'number') return p;
  const bytesMode = p.last('n', 'c') === 'c';
  const raw = (bytesMode ? p.get('c') : p.get('n')) ?? '10';
  const count = parseCount(raw);
  if (!count) {
    await io.err(`invalid number of ${bytesMode ? 'bytes' : 'lines'}: ${q(raw)}`);
    return 1;
  }
  const follow = isTail && (p.has('f') || p.has('F'));
  const files = p.operands.length ? p.operands : ['-'];
  const headers = (files.length > 1 && !p.has('q')) || p.has('v');
  let status = 0;
  let first = true;

  const select = (d: Uint8Array): Uint8Array => {
    if (bytesMode) {
      if (!isTail) return count.sign === '-' ? d.subarray(0, Math.max(0, d.length - count.n)) : d.subarray(0, count.n);
      return count.sign === '+' ? d.subarray(Math.max(0, count.n - 1)) : d.subarray(Math.max(0, d.length - count.n));
    }
    if (!isTail) return count.sign === '-' ? d.subarray(0, count.n === 0 ? d.length : nthNewline(d, count.n, true)) : count.n === 0 ? d.subarray(0, 0) : d.subarray(0, nthNewline(d, count.n, false));
    if (count.sign === '+') return count.n <= 1 ? d : d.subarray(nthNewline(d, count.n - 1, false));
    return count.n === 0 ? d.subarray(d.length) : d.subarray(nthNewline(d, count.n, true));
  };

  const followed: { name: string; size: number }[] = [];
  for (const f of files) {
    let data: Uint8Array;
    try {
      const dev = deviceAt(ctx, f);
      if (dev && !isTail && count.sign !== '-') {
        if (headers) await io.out(`${first ? '' : '\n'}==> ${f} <==\n`);
        first = false;
        // Bytes of a device come in 64 KiB chunks; lines of /dev/urandom are few bytes, found by devicePrefix.
        // Zeros come 16 MiB at a time (one shared chunk, kept as a run on disk: fs/repeat.ts), so
        // filling a disk takes seconds of simulated time; random bytes 64 KiB at a time.
        if (bytesMode && dev !== 'null') await streamPrefix(ctx, async () => deviceChunk(ctx, dev, Math.min(dev === 'zero' || dev === 'full' ? 16 << 20 : 65536, count.n)), true, count.n, dev === 'zero' || dev === 'full' ? 256 << 20 : 0);
        else await io.out(select(await devicePrefix(ctx, dev, bytesMode, count.n)));
        continue;
      }
      if (!dev && f !== '-' && ctx.fs.stat(f).kind === 'dir') {
        if (headers) await io.out(`${first ? '' : '\n'}==> ${f} <==\n`);
        first = false;
        await io.err(`error reading ${q(f)}: Is a directory`);
        status = 1;
        continue;
      }
      if (f === '-' && !isTail && count.sign !== '-') {
        if (headers) await io.out(`${first ? '' : '\n'}==> standard input <==\n`);
        first = false;
        await prefixOfStdin(ctx, bytesMode, count.n);
        continue;
      }
      data = await io.readInput(f);
    } catch (e) {
      // Output that did not fit on the disk ends head (the kernel prints `head: write error: ...`).
      if (isWriteError(e)) throw e;
      await io.err(`cannot open ${q(f)} for reading: ${errText(e)}`);
      status = 1;
      continue;
    }
    if (headers) await io.out(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    first = false;
    await io.out(select(data));
    if (follow && f !== '-') followed.push({ name: f, size: data.length });
  }
  if (!follow || followed.length === 0) return status;

  // tail -f: poll each file; print what was appended, note truncation, until signalled.
  const interval = Math.max(0.01, Number(p.get('s') ?? '1')) * 1000;
  let last = followed.length > 1 ? followed[followed.length - 1].name : '';
  for (;;) {
    await ctx.sys.clock.sleep(interval, ctx.signal);
    await ctx.proc.checkpoint();
    for (const fo of followed) {
      let data: Uint8Array;
      try {
        data = ctx.fs.readFile(fo.name);
      } catch {
        continue;
      }
      if (data.length < fo.size) {
        await io.err(`${fo.name}: file truncated`);
        fo.size = 0;
      }
      if (data.length > fo.size) {
        if (followed.length > 1 && last !== fo.name) await io.out(`\n==> ${fo.name} <==\n`);
        last = fo.name;
        await io.out(concat([data.subarray(fo.size)]));
        fo.size = data.length;
      }
    }
  }
}

export const head = (ctx: ProgramContext, fl: Flavour = GNU): Promise<number> => headOrTail(ctx, fl, false);
export const tail = (ctx: ProgramContext, fl: Flavour = GNU): Promise<number> => headOrTail(ctx, fl, true);
