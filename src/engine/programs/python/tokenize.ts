/** Python's tokens for the subset: names, numbers, strings with prefixes, operators, and INDENT/DEDENT from the indentation. */
import { PySyntaxError } from './syntax';

export interface Tok {
  t: 'name' | 'num' | 'str' | 'op' | 'nl' | 'indent' | 'dedent' | 'eof';
  v: string;
  line: number;
  prefix?: string;
}

const OPS = ['**=', '//=', '>>=', '<<=', '->', '==', '!=', '<=', '>=', '**', '//', '+=', '-=', '*=', '/=', '%=', '<<', '>>', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ':', '.', '@', ';', '|', '&', '^', '~'];

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  const indents = [0];
  let depth = 0;
  let i = 0;
  let lineNo = 0;
  const text = src.replace(/\r\n/g, '\n');
  let atLineStart = true;
  void lines;
  while (i < text.length) {
    if (atLineStart && depth === 0) {
      // Measure indentation of a logical line; blank and comment-only lines do not count.
      let j = i;
      let col = 0;
      while (text[j] === ' ' || text[j] === '\t') col += text[j++] === '\t' ? 8 - (col % 8) : 1;
      if (text[j] === '\n' || text[j] === '#' || j >= text.length) {
        while (j < text.length && text[j] !== '\n') j++;
        i = j + 1;
        lineNo++;
        continue;
      }
      lineNo++;
      if (col > indents[indents.length - 1]) {
        indents.push(col);
        toks.push({ t: 'indent', v: '', line: lineNo });
      }
      while (col < indents[indents.length - 1]) {
        indents.pop();
        toks.push({ t: 'dedent', v: '', line: lineNo });
      }
      if (col !== indents[indents.length - 1]) throw new PySyntaxError('unindent does not match any outer indentation level', lineNo);
      i = j;
      atLineStart = false;
    }
    const c = text[i];
    if (c === '\n') {
      if (depth === 0) {
        toks.push({ t: 'nl', v: '', line: lineNo });
        atLineStart = true;
      } else lineNo++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      lineNo++;
      continue;
    }
    const strM = /^([rRbBfFuU]{0,2})('''|"""|'|")/.exec(text.slice(i, i + 5));
    if (strM && (strM[1] === '' || /^[A-Za-z]/.test(c))) {
      const prefix = strM[1].toLowerCase();
      const q = strM[2];
      let j = i + strM[0].length;
      let s = '';
      for (;;) {
        if (j >= text.length) throw new PySyntaxError('EOL while scanning string literal', lineNo);
        if (text.startsWith(q, j)) {
          j += q.length;
          break;
        }
        const ch = text[j];
        if (ch === '\n') {
          if (q.length === 1) throw new PySyntaxError('EOL while scanning string literal', lineNo);
          lineNo++;
        }
        if (ch === '\\' && !prefix.includes('r')) {
          const n = text[j + 1];
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };
          if (n in esc) {
            s += esc[n];
            j += 2;
            continue;
          }
          if (n === 'x') {
            s += String.fromCharCode(parseInt(text.slice(j + 2, j + 4), 16));
            j += 4;
            continue;
          }
        }
        s += ch;
        j++;
      }
      toks.push({ t: 'str', v: s, line: lineNo, prefix });
      i = j;
      continue;
    }
    const num = /^(\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(text.slice(i));
    if (num && /[\d.]/.test(c) && !(c === '.' && !/\d/.test(text[i + 1] ?? ''))) {
      toks.push({ t: 'num', v: num[1].replace(/_/g, ''), line: lineNo });
      i += num[1].length;
      continue;
    }
    const name = /^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/.exec(text.slice(i));
    if (name) {
      toks.push({ t: 'name', v: name[0], line: lineNo });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new PySyntaxError(`invalid character '${c}' (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, lineNo);
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    toks.push({ t: 'op', v: op, line: lineNo });
    i += op.length;
  }
  if (!atLineStart) toks.push({ t: 'nl', v: '', line: lineNo });
  while (indents.length > 1) {
    indents.pop();
    toks.push({ t: 'dedent', v: '', line: lineNo });
  }
  toks.push({ t: 'eof', v: '', line: lineNo });
  return toks;
}
