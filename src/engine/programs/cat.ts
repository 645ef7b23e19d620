/**
 * cat (GNU: -n -b -s -E -T -A), and more/less, which behave as cat: a pager needs a full-screen
 * terminal, which the simulator's terminal layer does not offer, so paging is left out.
 * Stdin is copied chunk by chunk, so `cat` in a pipeline or on a terminal streams.
 */
import { deviceAt, deviceChunk } from './lib/devices';
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, decode, encode, errText, isWriteError } from './lib/io';

export async function cat(ctx: ProgramContext, fl: Flavour = GNU, name = 'cat'): Promise<number> {
  const io = new Io(ctx, name, fl);
  const p = await io.parse(
    { short: 'nbsETAveut', long: { number: 'n', 'number-nonblank': 'b', 'squeeze-blank': 's', 'show-ends': 'E', 'show-tabs': 'T', 'show-all': 'A', 'show-nonprinting': 'v' } },
    'Usage: cat [OPTION]... [FILE]...\nConcatenate FILE(s) to standard output.\n',
  );
  if (typeof p === 'number') return p;
  const numberAll = p.has('n') && !p.has('b');
  const numberNb = p.has('b');
  const squeeze = p.has('s');
  const ends = p.has('E') || p.has('A') || p.has('e');
  const tabs = p.has('T') || p.has('A') || p.has('t');
  const plain = !numberAll && !numberNb && !squeeze && !ends && !tabs;
  // Line state carries across chunks and files, as GNU's does.
  let line = 0;
  let atStart = true;
  let blanks = 0;
  const transform = (text: string): string => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (atStart) {
        if (c === '\n') {
          blanks++;
          if (squeeze && blanks > 1) continue;
        } else blanks = 0;
        if (numberAll || (numberNb && c !== '\n')) out += String(++line).padStart(6) + '\t';
        atStart = false;
      }
      if (c === '\n') {
        out += ends ? '$\n' : '\n';
        atStart = true;
      } else if (c === '\t' && tabs) out += '^I';
      else out += c;
    }
    return out;
  };
  const emit = async (chunk: Uint8Array) => {
    await io.out(plain ? chunk : encode(transform(decode(chunk))));
  };
  let status = 0;
  const files = p.operands.length ? p.operands : ['-'];
  for (const f of files) {
    if (ctx.signal.aborted) break;
    if (f === '-') {
      for (;;) {
        const c = await ctx.stdin.read(ctx.signal);
        if (!c) break;
        await emit(c);
      }
      continue;
    }
    const dev = deviceAt(ctx, f);
    if (dev) {
      // An endless device streams until a signal (Ctrl-C) or a closed pipe ends cat.
      while (dev !== 'null') {
        // 128 KiB, GNU cat's buffer (io_blksize).
        await emit(deviceChunk(ctx, dev, 131072));
        await io.tick();
      }
      continue;
    }
    try {
      const st = ctx.fs.stat(f);
      if (st.kind === 'dir') {
        await io.err(`${f}: Is a directory`);
        status = 1;
        continue;
      }
      const data = ctx.fs.readFile(f);
      // Big files go out in slices so a Ctrl-C gets through between them.
      const SLICE = 64 * 1024;
      for (let o = 0; o < data.length; o += SLICE) {
        await emit(data.subarray(o, o + SLICE));
        if (data.length > SLICE) await io.tick();
      }
    } catch (e) {
      if (isWriteError(e)) throw e;
      await io.err(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

/** A pager's own options (`less -R`, `more -d`) do not apply to plain copying: drop them. */
function pager(name: string) {
  return (ctx: ProgramContext): Promise<number> => {
    const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
    return cat({ ...ctx, argv: [name, '--', ...files] }, GNU, name);
  };
}
export const more = pager('more');
export const less = pager('less');
