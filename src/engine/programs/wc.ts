/**
 * wc (GNU): -l -w -c -m -L with GNU's column widths: one count for one input prints the bare
 * number; otherwise every column is as wide as the digits of the inputs' total size, and at least
 * 7 when any input is not a regular file (a pipe's size is unknown in advance).
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, errText } from './lib/io';
import { width as displayWidth } from './lib/format';

interface Counts {
  l: number;
  w: number;
  m: number;
  c: number;
  L: number;
}

/**
 * Counts that grow chunk by chunk, so `yes | head -c 100000000 | wc -c` never holds its input.
 * Characters and line widths cost a decode, so they are counted only when asked for (-m, -L).
 */
class Counter implements Counts {
  l = 0;
  w = 0;
  m = 0;
  c = 0;
  L = 0;
  private inWord = false;
  private readonly dec = new TextDecoder();
  private line = '';

  constructor(
    private readonly chars: boolean,
    private readonly words = true,
  ) {}

  add(d: Uint8Array): void {
    this.c += d.length;
    if (this.chars) this.text(this.dec.decode(d, { stream: true }));
    if (!this.words) {
      // Lines only (`wc -l`, `-c`): a bare newline count, without the word state per byte.
      let l = this.l;
      for (let i = 0; i < d.length; i++) if (d[i] === 10) l++;
      this.l = l;
      return;
    }
    let { l, w, inWord } = this;
    for (let i = 0; i < d.length; i++) {
      const b = d[i];
      if (b === 10) l++;
      const space = b === 32 || (b >= 9 && b <= 13);
      if (space) inWord = false;
      else if (!inWord) {
        inWord = true;
        w++;
      }
    }
    Object.assign(this, { l, w, inWord });
  }

  end(): Counts {
    if (this.chars) {
      this.text(this.dec.decode());
      this.L = Math.max(this.L, lineWidth(this.line));
    }
    return { l: this.l, w: this.w, m: this.m, c: this.c, L: this.L };
  }

  private text(t: string): void {
    for (const _ of t) this.m++;
    const lines = (this.line + t).split('\n');
    this.line = lines.pop()!;
    for (const line of lines) this.L = Math.max(this.L, lineWidth(line));
  }
}

/** A line's width on screen, with tabs moving to the next multiple of 8 (as wc -L counts). */
function lineWidth(line: string): number {
  const parts = line.split('\t');
  let w = 0;
  for (let i = 0; i < parts.length; i++) {
    w += displayWidth(parts[i]);
    if (i < parts.length - 1) w = (Math.floor(w / 8) + 1) * 8;
  }
  return w;
}

export async function wc(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'wc', fl);
  const p = await io.parse({ short: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } }, 'Usage: wc [OPTION]... [FILE]...\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.\n');
  if (typeof p === 'number') return p;
  let fields = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => p.has(k));
  if (fields.length === 0) fields = ['l', 'w', 'c'];
  const files = p.operands.length ? p.operands : ['-'];
  let status = 0;
  const results: { name: string; c: Counts }[] = [];
  let regularTotal = 0;
  let minWidth = 1;
  for (const f of files) {
    try {
      if (f !== '-') {
        const st = ctx.fs.stat(f);
        if (st.kind === 'dir') {
          await io.err(`${f}: Is a directory`);
          results.push({ name: f, c: { l: 0, w: 0, m: 0, c: 0, L: 0 } });
          status = 1;
          continue;
        }
        regularTotal += st.size;
      } else minWidth = 7;
      const counter = new Counter(fields.includes('m') || fields.includes('L'), fields.includes('w'));
      if (f === '-') {
        for (let c = await ctx.stdin.read(ctx.signal); c; c = await ctx.stdin.read(ctx.signal)) {
          counter.add(c);
          await io.tick();
        }
      } else counter.add(await io.readInput(f));
      results.push({ name: f === '-' && !p.operands.length ? '' : f, c: counter.end() });
    } catch (e) {
      await io.err(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  let w = Math.max(minWidth, String(regularTotal).length);
  if (files.length === 1 && fields.length === 1) w = 1;
  if (files.length > 1) {
    const t: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    for (const r of results) {
      t.l += r.c.l;
      t.w += r.c.w;
      t.m += r.c.m;
      t.c += r.c.c;
      t.L = Math.max(t.L, r.c.L);
    }
    results.push({ name: 'total', c: t });
  }
  let out = '';
  for (const r of results) {
    const nums = fields.map((k) => String(r.c[k]).padStart(w)).join(' ');
    out += r.name ? `${nums} ${r.name}\n` : `${nums}\n`;
  }
  await io.out(out);
  return status;
}
