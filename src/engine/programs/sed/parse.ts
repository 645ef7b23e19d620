/** Parse a sed script into commands, with GNU's `-e expression #1, char N: …` messages. */
import { posixToJs } from '../grep';
import { SedError, type Addr, type Cmd } from './script';

export function parseScript(src: string, ere: boolean): Cmd[] {
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

