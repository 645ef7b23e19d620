/**
 * cut (-d -f -c -b -s --complement) and tr (SET1 [SET2], -d -s -c, ranges, [:classes:], escapes),
 * GNU flavour. tr streams stdin chunk by chunk; characters are Unicode code points, not bytes.
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, decode, errText, q, splitLines } from './lib/io';
import { pushAll } from '../../lib/arrays';

type Range = [number, number];

function parseList(s: string): Range[] | string {
  const out: Range[] = [];
  for (const part of s.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return part === '' || part === '-' ? 'invalid range with no endpoint: -' : `invalid field value ${q(part)}`;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a === 0 || b === 0) return 'fields and positions are numbered from 1';
    if (b < a) return 'invalid decreasing range';
    out.push([a, b]);
  }
  return out;
}

export async function cut(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'cut', fl);
  const p = await io.parse({ short: 'b:c:d:f:sn', long: { bytes: 'b=', characters: 'c=', delimiter: 'd=', fields: 'f=', 'only-delimited': 's', complement: 'C', 'output-delimiter': 'O=' } }, 'Usage: cut OPTION... [FILE]...\nPrint selected parts of lines from each FILE to standard output.\n');
  if (typeof p === 'number') return p;
  const mode = p.last('b', 'c', 'f');
  if (!mode) return io.usage('you must specify a list of bytes, characters, or fields');
  if (p.has('d') && mode !== 'f') return io.usage('an input delimiter may be specified only when operating on fields');
  const delim = p.get('d') ?? '\t';
  if ([...delim].length !== 1) return io.usage('the delimiter must be a single character');
  const list = parseList(p.get(mode)!);
  if (typeof list === 'string') return io.usage(list);
  const outDelim = p.get('O') ?? (mode === 'f' ? delim : '');
  const sel = (i: number) => list.some(([a, b]) => i >= a && i <= b) !== p.has('C');
  let status = 0;
  let out = '';
  for (const f of p.operands.length ? p.operands : ['-']) {
    let text: string;
    try {
      text = decode(await io.readInput(f));
    } catch (e) {
      await io.err(`${f}: ${errText(e)}`);
      status = 1;
      continue;
    }
    for (const line of splitLines(text)) {
      if (mode === 'f') {
        if (!line.includes(delim)) {
          if (!p.has('s')) out += line + '\n';
          continue;
        }
        out += line.split(delim).filter((_, i) => sel(i + 1)).join(outDelim) + '\n';
      } else {
        const chars = [...line];
        let s = '';
        let prevSel = false;
        chars.forEach((c, i) => {
          const on = sel(i + 1);
          if (on && outDelim && s && !prevSel) s += outDelim;
          if (on) s += c;
          prevSel = on;
        });
        out += s + '\n';
      }
    }
  }
  await io.out(out);
  return status;
}

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\v\f',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;
CLASSES.xdigit = CLASSES.digit + 'ABCDEFabcdef';

function expandSet(s: string): string[] | string {
  const out: string[] = [];
  const chars = [...s];
  const esc = (i: number): [string, number] => {
    const c = chars[i];
    if (c !== '\\' || i + 1 >= chars.length) return [c, 1];
    const n = chars[i + 1];
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (map[n]) return [map[n], 2];
    const m = /^[0-7]{1,3}/.exec(chars.slice(i + 1, i + 4).join(''));
    if (m) return [String.fromCharCode(parseInt(m[0], 8)), 1 + m[0].length];
    return [n, 2];
  };
  for (let i = 0; i < chars.length; ) {
    const cls = /^\[:(\w+):\]/.exec(chars.slice(i).join(''));
    if (cls) {
      if (!CLASSES[cls[1]]) return `invalid character class ${q(cls[1])}`;
      out.push(...CLASSES[cls[1]]);
      i += cls[0].length;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(chars.slice(i).join(''));
    if (rep) {
      pushAll(out, Array(Number(rep[2] || 0) || 0).fill(rep[1]));
      if (!rep[2] || rep[2] === '0') out.push('\u0000REPEAT' + rep[1]);
      i += rep[0].length;
      continue;
    }
    const [c, n] = esc(i);
    if (chars[i + n] === '-' && i + n + 1 < chars.length) {
      const [d, n2] = esc(i + n + 1);
      const a = c.codePointAt(0)!;
      const b = d.codePointAt(0)!;
      if (b < a) return `range-endpoints of '${c}-${d}' are in reverse collating sequence order`;
      for (let x = a; x <= b; x++) out.push(String.fromCodePoint(x));
      i += n + 1 + n2;
      continue;
    }
    out.push(c);
    i += n;
  }
  return out;
}

export async function tr(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'tr', fl);
  const p = await io.parse({ short: 'dscCt', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c', truncate: 't' } }, 'Usage: tr [OPTION]... STRING1 [STRING2]\nTranslate, squeeze, and/or delete characters from standard input,\nwriting to standard output.\n');
  if (typeof p === 'number') return p;
  const del = p.has('d');
  const sq = p.has('s');
  const comp = p.has('c') || p.has('C');
  const ops = p.operands;
  if (ops.length === 0) return io.usage('missing operand');
  if (!del && !sq && ops.length === 1) {
    await io.ctx.stderr.write(`tr: missing operand after ${q(ops[0])}\nTwo strings must be given when translating.\n${io.fl.tryHelp('tr')}\n`);
    return 1;
  }
  const maxOps = del && sq ? 2 : del || (sq && ops.length === 1) ? 1 : 2;
  if (ops.length > maxOps) return io.usage(`extra operand ${q(ops[maxOps])}`);
  const s1 = expandSet(ops[0]);
  if (typeof s1 === 'string') return (await io.err(s1), 1);
  const s2raw = ops[1] !== undefined ? expandSet(ops[1]) : [];
  if (typeof s2raw === 'string') return (await io.err(s2raw), 1);
  const set1 = new Set(s1);
  const in1 = (c: string) => set1.has(c) !== comp;
  // SET2 is padded with its last character (or a [c*] repeat) to SET1's length.
  const rep = s2raw.find((c) => c.startsWith('\u0000REPEAT'));
  const s2 = s2raw.filter((c) => !c.startsWith('\u0000REPEAT'));
  const map = new Map<string, string>();
  if (!del && ops.length === 2) {
    if (comp) {
      const fillc = s2[s2.length - 1];
      map.set('\u0000COMP', fillc);
    } else
      s1.forEach((c, i) => {
        const t = i < s2.length ? s2[i] : rep ? rep.slice(7) : s2[s2.length - 1];
        if (t !== undefined) map.set(c, t);
      });
  }
  const squeezeSet = new Set(del ? (s2raw.length ? s2 : []) : ops.length === 2 ? s2 : s1);
  const squeezeComp = !del && ops.length === 1 && comp;
  let last = '';
  const dec = new TextDecoder();
  for (;;) {
    const chunk = await ctx.stdin.read(ctx.signal);
    if (!chunk) break;
    let out = '';
    for (const c of dec.decode(chunk, { stream: true })) {
      if (del && in1(c)) continue;
      let t = c;
      if (!del && ops.length === 2 && in1(c)) t = comp ? map.get('\u0000COMP')! : (map.get(c) ?? c);
      if (sq && (squeezeComp ? !set1.has(t) : squeezeSet.has(t)) && t === last) continue;
      out += t;
      last = t;
    }
    await io.out(out);
  }
  return 0;
}
