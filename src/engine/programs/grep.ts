/**
 * grep (GNU): -i -v -n -c -l -L -r -R -E -F -o -w -x -q -s -h -H -e, colour off. Patterns are POSIX
 * basic (BRE) or extended (ERE) regular expressions translated to JavaScript's: in a BRE `\(` `\{`
 * `\|` `\+` `\?` are the operators and the bare characters literal; bracket classes like
 * `[[:digit:]]` become JS classes. Back-references and collating elements are left out.
 * Exit 0 when a line was selected, 1 when none, 2 on error (even with matches, unless -q matched).
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, decode, errText, joinPath } from './lib/io';
import { pushAll } from '../../lib/arrays';

const CLASS: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e', word: '\\w',
};

/** Translate a POSIX regex (BRE when !ere) into JavaScript source. */
export function posixToJs(pat: string, ere: boolean): string {
  let out = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '[') {
      // A bracket expression: copy through to the closing ], translating [:class:].
      let j = i + 1;
      let body = '';
      if (pat[j] === '^') {
        body += '^';
        j++;
      }
      if (pat[j] === ']') {
        body += '\\]';
        j++;
      }
      while (j < pat.length && pat[j] !== ']') {
        const cls = /^\[:(\w+):\]/.exec(pat.slice(j));
        if (cls && CLASS[cls[1]]) {
          body += CLASS[cls[1]];
          j += cls[0].length;
          continue;
        }
        body += pat[j] === '\\' ? '\\\\' : pat[j];
        j++;
      }
      if (j >= pat.length) throw new Error('Unmatched [, [^, [:, [., or [=');
      out += '[' + body + ']';
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < pat.length) {
      const n = pat[++i];
      if (!ere && '(){}|+?'.includes(n)) out += n;
      else if ('<>'.includes(n)) out += '\\b';
      else if ('wWsSb'.includes(n)) out += '\\' + n;
      else if (/\d/.test(n)) out += '\\' + n;
      else out += '\\' + n;
      continue;
    }
    if (!ere && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    if (c === '*' && (out === '' || out === '^' || (!ere && out.endsWith('\\(')))) {
      out += '\\*';
      continue;
    }
    if (c === '{' && ere && !/^\{\d*(,\d*)?\}/.test(pat.slice(i))) {
      out += '\\{';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

export async function grep(ctx: ProgramContext, fl: Flavour = GNU, name = 'grep'): Promise<number> {
  const io = new Io(ctx, name, fl);
  const p = await io.parse(
    {
      short: 'ivnclLrREFGowxqshHe:f:m:A:B:C:a',
      long: { 'ignore-case': 'i', 'invert-match': 'v', 'line-number': 'n', count: 'c', 'files-with-matches': 'l', 'files-without-match': 'L', recursive: 'r', 'dereference-recursive': 'R', 'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', quiet: 'q', silent: 'q', 'no-messages': 's', 'no-filename': 'h', 'with-filename': 'H', regexp: 'e=', file: 'f=', 'max-count': 'm=', color: 'K=?', colour: 'K=?', include: 'I=', exclude: 'X=' },
    },
    `Usage: ${name} [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\n`,
    2,
  );
  if (typeof p === 'number') return p;
  const ops = [...p.operands];
  let patterns: string[] = p.all('e');
  for (const f of p.all('f')) {
    try {
      pushAll(patterns, decode(ctx.fs.readFile(f)).split('\n').filter((l, i, a) => l !== '' || i < a.length - 1));
    } catch (e) {
      await io.err(`${f}: ${errText(e)}`);
      return 2;
    }
  }
  if (!p.has('e') && !p.has('f')) {
    const pat = ops.shift();
    if (pat === undefined) {
      await ctx.stderr.write(`Usage: ${name} [OPTION]... PATTERNS [FILE]...\n${fl.tryHelp(name)}\n`);
      return 2;
    }
    patterns = pat.split('\n');
  }
  const mode = name === 'egrep' ? 'E' : name === 'fgrep' ? 'F' : (p.last('E', 'F', 'G') ?? 'G');
  let re: RegExp;
  try {
    const srcs = patterns.map((pt) => (mode === 'F' ? pt.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixToJs(pt, mode === 'E')));
    let src = srcs.map((s) => `(?:${s})`).join('|');
    if (p.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
    if (p.has('x')) src = `^(?:${src})$`;
    re = new RegExp(src, 'g' + (p.has('i') ? 'i' : '') + 'u');
  } catch (e) {
    await io.err(e instanceof Error && e.message.startsWith('Unmatched') ? e.message : 'Invalid regular expression');
    return 2;
  }
  const recursive = p.has('r') || p.has('R');
  // `grep -r x` with no operand searches '.' but prints names without the './' prefix.
  const implicitDot = !ops.length && recursive;
  if (!ops.length) ops.push(recursive ? '.' : '-');
  const withName = p.has('H') || (!p.has('h') && (ops.length > 1 || recursive));
  const invert = p.has('v');
  const maxCount = p.has('m') ? Number(p.get('m')) : Infinity;
  const ctxNum = (k: string) => (p.has(k) ? Number(p.get(k)) : p.has('C') ? Number(p.get('C')) : 0);
  const before = ctxNum('B');
  const afterN = ctxNum('A');
  for (const [k, v] of [['A', afterN], ['B', before]] as const) {
    if (!Number.isInteger(v) || v < 0) {
      await io.err(`${p.get(k) ?? p.get('C')}: invalid context length argument`);
      return 2;
    }
  }
  let matched = false;
  let error = false;

  const searchText = async (label: string, text: string) => {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let count = 0;
    let out = '';
    const prefix = (n: number, sep = ':') => (withName ? label + sep : '') + (p.has('n') ? n + sep : '');
    // Context (-A/-B/-C): GNU marks context lines with '-' and separates groups with '--'.
    const context = !p.has('o') && !p.has('l') && !p.has('L') && !p.has('c') && !p.has('q');
    let printedTo = -1;
    let after = 0;
    const group = (i: number) => {
      if (printedTo >= 0 && i > printedTo + 1 && (before > 0 || afterN > 0)) out += '--\n';
    };
    for (let i = 0; i < lines.length && (count < maxCount || after > 0); i++) {
      const line = lines[i];
      re.lastIndex = 0;
      const hit = count < maxCount && re.test(line) !== invert;
      if (!hit) {
        if (context && after > 0) {
          out += prefix(i + 1, '-') + line + '\n';
          printedTo = i;
          after--;
        }
        continue;
      }
      if (context) {
        const from = Math.max(printedTo + 1, i - before);
        if (from < i) group(from);
        else group(i);
        for (let j = from; j < i; j++) out += prefix(j + 1, '-') + lines[j] + '\n';
        printedTo = i;
        after = afterN;
      }
      count++;
      matched = true;
      if (p.has('q')) return;
      if (p.has('l') || p.has('L') || p.has('c')) continue;
      if (p.has('o') && !invert) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0]) out += prefix(i + 1) + m[0] + '\n';
      } else out += prefix(i + 1) + line + '\n';
      if (out.length > 8192) {
        await io.out(out);
        out = '';
      }
    }
    if (p.has('c')) out += (withName ? label + ':' : '') + count + '\n';
    if (p.has('l') && count > 0) out += label + '\n';
    if (p.has('L') && count === 0) out += label + '\n';
    if (out) await io.out(out);
  };

  const searchPath = async (path: string, top: boolean): Promise<void> => {
    if (ctx.signal.aborted || (p.has('q') && matched)) return;
    if (path === '-' && top) {
      await searchText('(standard input)', decode(await io.readStdin()));
      return;
    }
    try {
      const st = top ? ctx.fs.stat(path) : ctx.fs.lstat(path);
      if (st.kind === 'dir') {
        if (!recursive) {
          if (!p.has('s')) await io.err(`${path}: Is a directory`);
          return;
        }
        for (const n of ctx.fs.readdir(path)) await searchPath(path === '.' && top && implicitDot ? n : joinPath(path, n), false);
        await io.tick();
        return;
      }
      if (st.kind === 'symlink' && !p.has('R')) return;
      const data = ctx.fs.readFile(path);
      // A NUL byte makes GNU grep treat the file as binary.
      if (data.includes(0) && !p.has('a')) {
        let hit = false;
        const text = decode(data);
        for (const line of text.split('\n')) {
          re.lastIndex = 0;
          if (re.test(line) !== invert) {
            hit = true;
            break;
          }
        }
        if (hit) {
          matched = true;
          if (p.has('l')) await io.out(path + '\n');
          else if (p.has('c')) await io.out((withName ? path + ':' : '') + '1\n');
          else if (!p.has('q')) await io.out(`${name}: ${path}: binary file matches\n`);
        }
        return;
      }
      await searchText(path, decode(data));
    } catch (e) {
      error = true;
      if (!p.has('s')) await io.err(`${path}: ${errText(e)}`);
    }
  };
  for (const f of ops) await searchPath(f, true);
  if (p.has('q') && matched) return 0;
  if (error) return 2;
  return matched ? 0 : 1;
}

export const egrep = (ctx: ProgramContext): Promise<number> => grep(ctx, GNU, 'egrep');
export const fgrep = (ctx: ProgramContext): Promise<number> => grep(ctx, GNU, 'fgrep');
