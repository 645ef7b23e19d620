/**
 * sed (GNU 4.9): -n -e -f -E/-r -i[SUFFIX] -s; addresses (N, $, /re/, \cREc, first~step, ranges
 * with N, /re/ or +N, `!`), blocks `{}`, and the commands s (g, p, N, i/I; & \1-\9 \n in the
 * replacement), y, d, p, q/Q [code], a/i/c (both `a\` + text lines and GNU's one-line `a text`), =,
 * n/N, h/H/g/G/x, b/t/T with labels. Regular expressions are POSIX BRE (ERE with -E) translated by
 * grep's translator. Left out: r/w files, D/P, l, e, F, z, M and the case-conversion escapes.
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, decode, errText } from './lib/io';
import { posixToJs } from './grep';

type Addr = { k: 'line'; n: number } | { k: 'last' } | { k: 're'; re: RegExp | null } | { k: 'step'; first: number; step: number } | { k: 'plus'; n: number };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  c: string;
  /** s: pattern (null = the last one used), replacement, flags. */
  re?: RegExp | null;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  label?: string;
  code?: number;
  from?: string;
  to?: string;
  /** `{`: index of its `}`. */
  end?: number;
  /** Range state while running. */
  active?: boolean;
  rangeEnd?: number;
}

class SedError extends Error {}

function parseScript(src: string, ere: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  const stack: number[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${Math.min(i + 1, src.length)}: ${msg}`);
  };
  const regex = (delim: string, inS = false): RegExp | null => {
    let pat = '';
    while (i < src.length && src[i] !== delim) {
      if (src[i] === '\\' && i + 1 < src.length) {
        const n = src[i + 1];
        if (n === delim) pat += delim === '/' ? '\\/' : delim;
        else if (n === 'n') pat += '\n';
        else if (n === 't') pat += '\t';
        else pat += '\\' + n;
        i += 2;
        continue;
      }
      if (src[i] === '\n') fail(inS ? 'unterminated `s\' command' : 'unterminated address regex');
      pat += src[i++];
    }
    if (i >= src.length) fail(inS ? 'unterminated `s\' command' : 'unterminated address regex');
    i++;
    if (pat === '') return null;
    try {
      return new RegExp(posixToJs(pat, ere).replace(/\n/g, '\\n'), 'u');
    } catch {
      return fail('Invalid preceding regular expression');
    }
  };
  const num = () => {
    const m = /^\d+/.exec(src.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return Number(m[0]);
  };
  const addr = (second: boolean): Addr | undefined => {
    const c = src[i];
    if (c === '$') {
      i++;
      return { k: 'last' };
    }
    if (second && c === '+') {
      i++;
      return { k: 'plus', n: num() ?? 0 };
    }
    if (c === '/' || c === '\\') {
      const delim = c === '/' ? '/' : src[++i];
      i++;
      return { k: 're', re: regex(delim) };
    }
    const n = num();
    if (n === undefined) return undefined;
    if (src[i] === '~') {
      i++;
      return { k: 'step', first: n, step: num() ?? 0 };
    }
    return { k: 'line', n };
  };
  const restOfLine = () => {
    const end = src.indexOf('\n', i);
    const s = src.slice(i, end < 0 ? src.length : end);
    i = end < 0 ? src.length : end;
    return s;
  };
  const label = () => restOfLine().split(';')[0].trim();
  while (i < src.length) {
    while (i < src.length && /[\s;]/.test(src[i])) i++;
    if (i >= src.length) break;
    if (src[i] === '#') {
      restOfLine();
      continue;
    }
    const cmd: Cmd = { c: '', neg: false };
    cmd.a1 = addr(false);
    if (cmd.a1 && src[i] === ',') {
      i++;
      cmd.a2 = addr(true);
      if (!cmd.a2) fail('unexpected `,\'');
    }
    while (src[i] === ' ' || src[i] === '\t') i++;
    if (src[i] === '!') {
      cmd.neg = true;
      i++;
      while (src[i] === ' ') i++;
    }
    if (i >= src.length) fail('missing command');
    cmd.c = src[i++];
    switch (cmd.c) {
      case '{':
        stack.push(cmds.length);
        break;
      case '}':
        if (!stack.length) fail('unexpected `}\'');
        cmds[stack.pop()!].end = cmds.length;
        break;
      case 's': {
        const delim = src[i++];
        if (!delim || delim === '\n' || delim === '\\') fail('unterminated `s\' command');
        cmd.re = regex(delim, true);
        let repl = '';
        while (i < src.length && src[i] !== delim) {
          if (src[i] === '\\' && i + 1 < src.length) {
            repl += src[i + 1] === delim ? delim : src.slice(i, i + 2);
            i += 2;
            continue;
          }
          repl += src[i++];
        }
        if (i >= src.length) fail('unterminated `s\' command');
        i++;
        cmd.repl = repl;
        let flags = '';
        for (; i < src.length && !/[\s;}#]/.test(src[i]); i++) flags += src[i];
        for (const f of flags.match(/\d+|./g) ?? []) {
          if (f === 'g') cmd.global = true;
          else if (f === 'p') cmd.print = true;
          else if (f === 'i' || f === 'I') cmd.re = cmd.re && new RegExp(cmd.re.source, 'iu');
          else if (/^\d+$/.test(f) && Number(f) > 0) cmd.nth = Number(f);
          else fail('unknown option to `s\'');
        }
        break;
      }
      case 'y': {
        const delim = src[i++];
        const part = () => {
          let s = '';
          while (i < src.length && src[i] !== delim) {
            if (src[i] === '\\' && src[i + 1] === delim) i++;
            else if (src[i] === '\\' && src[i + 1] === 'n') (s += '\n'), (i += 2);
            if (src[i] !== delim || s.endsWith('\n')) s += src[i++] ?? '';
          }
          if (i >= src.length) fail('unterminated `y\' command');
          i++;
          return [...s];
        };
        const from = part();
        const to = part();
        if (from.length !== to.length) fail('strings for `y\' command are different lengths');
        cmd.from = from.join('\u0000');
        cmd.to = to.join('\u0000');
        break;
      }
      case 'a': case 'i': case 'c': {
        while (src[i] === ' ' || src[i] === '\t') i++;
        if (src[i] === '\\') {
          i++;
          if (src[i] === '\n') i++;
        }
        // Text runs to the end of the line; a line ending in a backslash continues it.
        const lines: string[] = [];
        for (;;) {
          const line = restOfLine();
          if (line.endsWith('\\') && i < src.length) {
            lines.push(line.slice(0, -1));
            i++;
            continue;
          }
          lines.push(line);
          break;
        }
        cmd.text = lines.join('\n').replace(/\\(.)/g, '$1');
        if (!cmd.text && !lines.length) fail('expected \\ after `a\', `c\' or `i\'');
        break;
      }
      case 'b': case 't': case 'T': case ':':
        cmd.label = label();
        if (cmd.c === ':' && !cmd.label) fail('":" lacks a label');
        break;
      case 'q': case 'Q': case 'l': case 'L':
        while (src[i] === ' ') i++;
        cmd.code = num();
        break;
      case 'd': case 'p': case '=': case 'n': case 'N': case 'h': case 'H': case 'g': case 'G': case 'x':
        break;
      default:
        i--;
        fail(`unknown command: \`${cmd.c}'`);
    }
    cmds.push(cmd);
  }
  if (stack.length) {
    i = src.length - 1;
    fail('unmatched `{\'');
  }
  for (const c of cmds) {
    if ((c.c === 'b' || c.c === 't' || c.c === 'T') && c.label && !cmds.some((x) => x.c === ':' && x.label === c.label)) {
      throw new SedError(`-e expression #1, char ${src.length}: can't find label for jump to \`${c.label}'`);
    }
  }
  return cmds;
}

/** Expand a replacement for one match: & and \1-\9, \n, \t, escaped characters. */
function expand(repl: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '&') out += m[0];
    else if (c === '\\' && i + 1 < repl.length) {
      const n = repl[++i];
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}

interface Input {
  lines: string[];
  /** Whether the last line ended with a newline (GNU keeps a missing one missing). */
  finalNewline: boolean;
}

function toInput(text: string): Input {
  if (text === '') return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, finalNewline };
}

/** Run the script over one stream of lines; returns the output and the exit status. */
function run(cmds: Cmd[], input: Input, quiet: boolean): { out: string; code: number; quit: boolean } {
  let out = '';
  let hold = '';
  let lastRe: RegExp | null = null;
  let n = 0;
  let code = 0;
  const lines = input.lines;
  const emit = (s: string, nl = true) => (out += s + (nl ? '\n' : ''));
  for (const c of cmds) c.active = false;
  const isLast = () => n >= lines.length;
  const matchOne = (a: Addr, ps: string): boolean => {
    switch (a.k) {
      case 'line': return n === a.n;
      case 'last': return isLast();
      case 'step': return a.step <= 0 ? n === a.first : n >= a.first && (n - a.first) % a.step === 0;
      case 're': {
        const re = a.re ?? lastRe;
        if (!re) throw new SedError('no previous regular expression');
        lastRe = re;
        return re.test(ps);
      }
      default: return false;
    }
  };
  const selected = (c: Cmd, ps: string): boolean => {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = matchOne(c.a1, ps);
    else if (c.active) {
      const a2 = c.a2;
      if (a2.k === 'line' || a2.k === 'plus') {
        if (n >= c.rangeEnd!) c.active = false;
        hit = n <= c.rangeEnd! || true;
      } else {
        if (matchOne(a2, ps)) c.active = false;
        hit = true;
      }
    } else if (matchOne(c.a1, ps)) {
      hit = true;
      const a2 = c.a2;
      if (a2.k === 'line') c.active = a2.n > n;
      else if (a2.k === 'plus') c.active = a2.n > 0;
      else if (a2.k === 'last') c.active = !isLast();
      else c.active = true;
      if (c.active && (a2.k === 'line' || a2.k === 'plus')) c.rangeEnd = a2.k === 'line' ? a2.n : n + a2.n;
      else if (a2.k === 'last') c.rangeEnd = Infinity;
    } else hit = false;
    if (c.a2?.k === 'last' && c.active) c.active = !isLast();
    return hit !== c.neg;
  };
  let append: string[] = [];
  const flushAppend = () => {
    for (const t of append) emit(t);
    append = [];
  };
  while (n < lines.length) {
    let ps = lines[n++];
    let subst = false;
    let deleted = false;
    let pc = 0;
    let quit: 'q' | 'Q' | undefined;
    while (pc < cmds.length) {
      const c = cmds[pc];
      if (c.c === '}' || c.c === ':') {
        pc++;
        continue;
      }
      if (!selected(c, ps)) {
        pc = c.c === '{' ? c.end! + 1 : pc + 1;
        continue;
      }
      pc++;
      switch (c.c) {
        case '{': break;
        case 's': {
          const re0: RegExp | null = c.re ?? lastRe;
          if (!re0) throw new SedError('no previous regular expression');
          lastRe = re0;
          const re = new RegExp(re0.source, re0.flags + 'g');
          const want = c.nth ?? 1;
          let count = 0;
          let res = '';
          let last = 0;
          let changed = false;
          for (let m = re.exec(ps); m; m = re.exec(ps)) {
            count++;
            if (count >= want && (c.global || count === want)) {
              res += ps.slice(last, m.index) + expand(c.repl!, m);
              last = m.index + m[0].length;
              changed = true;
            }
            if (m[0] === '') re.lastIndex++;
            if (changed && !c.global) break;
          }
          if (changed) {
            ps = res + ps.slice(last);
            subst = true;
            if (c.print) emit(ps);
          }
          break;
        }
        case 'y': {
          const from = c.from!.split('\u0000');
          const to = c.to!.split('\u0000');
          ps = [...ps].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join('');
          break;
        }
        case 'd':
          deleted = true;
          pc = cmds.length;
          break;
        case 'p': emit(ps); break;
        case '=': emit(String(n)); break;
        case 'a': append.push(c.text!); break;
        case 'i': emit(c.text!); break;
        case 'c':
          deleted = true;
          if (!c.a2 || !c.active || c.neg) emit(c.text!);
          pc = cmds.length;
          break;
        case 'h': hold = ps; break;
        case 'H': hold += '\n' + ps; break;
        case 'g': ps = hold; break;
        case 'G': ps += '\n' + hold; break;
        case 'x': [ps, hold] = [hold, ps]; break;
        case 'n':
          if (!quiet) emit(ps);
          flushAppend();
          if (n >= lines.length) {
            deleted = true;
            pc = cmds.length;
            break;
          }
          ps = lines[n++];
          break;
        case 'N':
          if (n >= lines.length) {
            pc = cmds.length;
            break;
          }
          flushAppend();
          ps += '\n' + lines[n++];
          break;
        case 'q': case 'Q':
          quit = c.c;
          code = c.code ?? 0;
          pc = cmds.length;
          break;
        case 'b': case 't': case 'T': {
          const jump = c.c === 'b' || (c.c === 't' ? subst : !subst);
          if (c.c !== 'b') subst = false;
          if (jump) pc = c.label ? cmds.findIndex((x) => x.c === ':' && x.label === c.label) + 1 : cmds.length;
          break;
        }
        default:
          break;
      }
    }
    if (!deleted && !quiet && quit !== 'Q') emit(ps, n < lines.length || input.finalNewline);
    flushAppend();
    if (quit) return { out, code, quit: true };
  }
  return { out, code, quit: false };
}

export async function sed(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'sed', fl);
  const p = await io.parse(
    {
      short: 'ne:f:Eri::s',
      long: { quiet: 'n', silent: 'n', expression: 'e=', file: 'f=', 'regexp-extended': 'E', 'in-place': 'i=?', separate: 's', posix: 'P', debug: 'D', sandbox: 'S' },
    },
    'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n',
  );
  if (typeof p === 'number') return p;
  if (ctx.argv.includes('--version')) {
    await io.out('sed (GNU sed) 4.9\n');
    return 0;
  }
  const ops = [...p.operands];
  const scripts = [...p.all('e')];
  for (const f of p.all('f')) {
    try {
      scripts.push(decode(ctx.fs.readFile(f)).replace(/\n$/, ''));
    } catch (e) {
      await io.err(`couldn't open file ${f}: ${errText(e)}`);
      return 1;
    }
  }
  if (!scripts.length) {
    const s = ops.shift();
    if (s === undefined) {
      await ctx.stderr.write(`Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n${fl.tryHelp('sed')}\n`);
      return 1;
    }
    scripts.push(s);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join('\n'), p.has('E') || p.has('r'));
  } catch (e) {
    if (e instanceof SedError) {
      await io.err(e.message);
      return 1;
    }
    throw e;
  }
  const quiet = p.has('n');
  const inPlace = p.has('i');
  let status = 0;
  const read = async (f: string): Promise<string | undefined> => {
    if (f === '-') return decode(await io.readStdin());
    try {
      const st = ctx.fs.stat(f);
      if (st.kind === 'dir') {
        await io.err(inPlace ? `couldn't edit ${f}: not a regular file` : `read error on ${f}: Is a directory`);
        status = inPlace ? 4 : 2;
        return undefined;
      }
      return decode(ctx.fs.readFile(f));
    } catch (e) {
      await io.err(fl.name === 'busybox' ? `${f}: ${errText(e)}` : `can't read ${f}: ${errText(e)}`);
      status = 2;
      return undefined;
    }
  };
  try {
    if (inPlace) {
      if (!ops.length) {
        await io.err('no input files');
        return 1;
      }
      const suffix = p.get('i') ?? '';
      for (const f of ops) {
        const text = await read(f);
        if (text === undefined) continue;
        const r = run(cmds, toInput(text), quiet);
        if (suffix) ctx.fs.writeFile(suffix.includes('*') ? suffix.replace(/\*/g, f) : f + suffix, text);
        ctx.fs.writeFile(f, r.out);
        if (r.quit) return r.code;
      }
      return status;
    }
    if (!ops.length) ops.push('-');
    if (p.has('s')) {
      for (const f of ops) {
        const text = await read(f);
        if (text === undefined) continue;
        const r = run(cmds, toInput(text), quiet);
        await io.out(r.out);
        if (r.quit) return r.code;
      }
      return status;
    }
    // Without -i/-s the files are one stream: line numbers run on and `$` is the last file's end.
    let all = '';
    for (const f of ops) {
      const text = await read(f);
      if (text === undefined) continue;
      all += all && !all.endsWith('\n') ? '\n' + text : text;
    }
    const r = run(cmds, toInput(all), quiet);
    await io.out(r.out);
    return r.quit ? r.code : status;
  } catch (e) {
    if (e instanceof SedError) {
      await io.err(e.message);
      return 4;
    }
    throw e;
  }
}
