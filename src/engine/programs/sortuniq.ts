/**
 * sort (-n -r -u -f -k lite -t -o -h) and uniq (-c -d -u -i), GNU flavour. sort compares by the
 * locale (UTF-8 hosts collate like glibc, containers with no LANG in byte order) and falls back to
 * comparing whole lines, as GNU's "last-resort comparison" does.
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, decode, errText, q, splitLines } from './lib/io';
import { nameComparator } from './lib/format';

interface Key {
  f1: number;
  c1: number;
  f2?: number;
  c2?: number;
  n: boolean;
  r: boolean;
  f: boolean;
  h: boolean;
}

function parseKey(s: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinrMV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinrMV]*))?$/.exec(s);
  if (!m || m[1] === '0') return undefined;
  const opts = (m[3] ?? '') + (m[6] ?? '');
  return { f1: Number(m[1]), c1: Number(m[2] ?? 1), f2: m[4] ? Number(m[4]) : undefined, c2: m[5] ? Number(m[5]) : undefined, n: opts.includes('n'), r: opts.includes('r'), f: opts.includes('f'), h: opts.includes('h') };
}

function fields(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let s = 0;
    for (;;) {
      const i = line.indexOf(sep, s);
      if (i < 0) {
        out.push({ start: s, end: line.length });
        break;
      }
      out.push({ start: s, end: i });
      s = i + sep.length;
    }
    return out;
  }
  // Default: a field is leading blanks plus non-blanks, as GNU counts them.
  const re = /[ \t]*[^ \t]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function keyText(line: string, k: Key, sep: string | undefined): string {
  const fs = fields(line, sep);
  const a = fs[k.f1 - 1];
  if (!a) return '';
  const start = a.start + k.c1 - 1;
  let end = line.length;
  if (k.f2 !== undefined) {
    const b = fs[k.f2 - 1];
    end = b ? (k.c2 ? b.start + k.c2 : b.end) : line.length;
  }
  return line.slice(start, Math.max(start, end));
}

function numeric(s: string): number {
  const m = /^\s*([+-]?\d*\.?\d+|[+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}
function human(s: string): number {
  const m = /^\s*([+-]?\d*\.?\d+)([KMGTPE]?)/i.exec(s);
  if (!m) return 0;
  return Number(m[1]) * 1024 ** ('KMGTPE'.indexOf(m[2].toUpperCase()) + 1);
}

async function readAll(io: Io, files: string[], prefix: string): Promise<{ text: string; ok: boolean }> {
  let text = '';
  let ok = true;
  for (const f of files) {
    try {
      const t = decode(await io.readInput(f));
      text += t && !t.endsWith('\n') ? t + '\n' : t;
    } catch (e) {
      await io.err(`${prefix}${f}: ${errText(e)}`);
      ok = false;
    }
  }
  return { text, ok };
}

export async function sort(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'sort', fl);
  const p = await io.parse({ short: 'nrufk:t:o:hbsV', long: { 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', key: 'k=', 'field-separator': 't=', output: 'o=', 'human-numeric-sort': 'h', stable: 's' } }, 'Usage: sort [OPTION]... [FILE]...\nWrite sorted concatenation of all FILE(s) to standard output.\n', 2);
  if (typeof p === 'number') return p;
  const keys: Key[] = [];
  for (const k of p.all('k')) {
    const key = parseKey(k);
    if (!key) {
      await io.err(`invalid number at field start: invalid count at start of ${q(k)}`);
      return 2;
    }
    keys.push(key);
  }
  const sep = p.get('t');
  if (sep !== undefined && sep.length !== 1) {
    await io.err(`multi-character tab ${q(sep)}`);
    return 2;
  }
  const { text, ok } = await readAll(io, p.operands.length ? p.operands : ['-'], 'cannot read: ');
  if (!ok) return 2;
  const lines = splitLines(text);
  const coll = nameComparator(ctx.env);
  const global = { n: p.has('n'), r: p.has('r'), f: p.has('f'), h: p.has('h') };
  const cmpBy = (a: string, b: string, o: { n: boolean; f: boolean; h: boolean }) => {
    if (o.n) return numeric(a) - numeric(b);
    if (o.h) return human(a) - human(b);
    if (o.f) return coll(a.toUpperCase(), b.toUpperCase());
    return coll(a, b);
  };
  const keyCmp = (a: string, b: string): number => {
    for (const k of keys) {
      const o = k.n || k.f || k.h || k.r ? k : { ...k, ...global, r: k.r };
      let c = cmpBy(keyText(a, k, sep), keyText(b, k, sep), o);
      if (o.r || (global.r && !(k.n || k.f || k.h || k.r))) c = -c;
      if (c) return c;
    }
    if (!keys.length) {
      const c = cmpBy(a, b, global);
      if (c) return global.r ? -c : c;
    }
    return 0;
  };
  const full = (a: string, b: string): number => {
    const c = keyCmp(a, b);
    if (c || p.has('u') || p.has('s')) return c;
    const d = a < b ? -1 : a > b ? 1 : 0;
    return global.r ? -d : d;
  };
  lines.sort(full);
  let out: string[] = lines;
  if (p.has('u')) out = lines.filter((l, i) => i === 0 || keyCmp(lines[i - 1], l) !== 0);
  const result = out.map((l) => l + '\n').join('');
  if (p.has('o')) {
    try {
      ctx.fs.writeFile(p.get('o')!, result);
    } catch (e) {
      await io.err(`open failed: ${p.get('o')}: ${errText(e)}`);
      return 2;
    }
    return 0;
  }
  await io.out(result);
  return 0;
}

export async function uniq(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'uniq', fl);
  const p = await io.parse({ short: 'cduif:s:', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i', 'skip-fields': 'f=', 'skip-chars': 's=' } }, 'Usage: uniq [OPTION]... [INPUT [OUTPUT]]\nFilter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).\n');
  if (typeof p === 'number') return p;
  if (p.operands.length > 2) return io.usage(`extra operand ${q(p.operands[2])}`);
  const { text, ok } = await readAll(io, [p.operands[0] ?? '-'], '');
  if (!ok) return 1;
  const skipF = Number(p.get('f') ?? 0);
  const skipC = Number(p.get('s') ?? 0);
  const key = (l: string) => {
    let s = l;
    for (let i = 0; i < skipF; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
    s = s.slice(skipC);
    return p.has('i') ? s.toLowerCase() : s;
  };
  const lines = splitLines(text);
  let out = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && key(lines[j]) === key(lines[i])) j++;
    const n = j - i;
    const show = (!p.has('d') || n > 1) && (!p.has('u') || n === 1);
    if (show) out += (p.has('c') ? String(n).padStart(7) + ' ' : '') + lines[i] + '\n';
    i = j;
  }
  if (p.operands[1]) {
    try {
      ctx.fs.writeFile(p.operands[1], out);
    } catch (e) {
      await io.err(`${p.operands[1]}: ${errText(e)}`);
      return 1;
    }
    return 0;
  }
  await io.out(out);
  return 0;
}
