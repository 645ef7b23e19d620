/**
 * Character-level scanning of shell words and operators. The lexer is driven by the parser one
 * token at a time because shell tokens depend on context: here-document bodies start after the
 * next newline, `$(…)` holds a whole nested program (parsed by a nested parser on the same
 * source, so `case x in a) …` inside it works), and `((` / `[[ =~` read raw text.
 */
import type { List, Redir, Word, WordPart } from './ast';
import { decodeAnsiC } from './ansi-c';
import { ParseError, type Token } from './tokens';

export { ParseError, type Token } from './tokens';

const OPS = ['&&', '||', ';;&', ';;', ';&', '|&', '<<<', '<<-', '<<', '<&', '<>', '>>', '>&', '>|', '&>>', '&>', '|', '&', ';', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL_PARAMS = '@*#?-$!0123456789';

type Mode = 'normal' | 'dq' | 'heredoc' | 'param' | 'regex';

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

export class Lexer {
  pos: number;
  private peeked?: Token;
  private heredocs: PendingHeredoc[] = [];
  /** A here-document ran to the end of the input without its delimiter line. */
  heredocUnterminated = false;
  /**
   * The input ends with an unquoted backslash-newline: the line continues on the next one, so an
   * interactive shell shows PS2 and reads more (a script at end of file just drops the pair).
   */
  continuedAtEnd = false;

  constructor(
    readonly src: string,
    start: number,
    /** Parses a nested program from `pos` up to a closing `)`; returns it and the position after `)`. */
    private readonly subParse: (src: string, pos: number) => { list: List; end: number },
    readonly lineBase = 1,
  ) {
    this.pos = start;
  }

  lineAt(pos: number): number {
    let n = this.lineBase;
    for (let i = 0; i < pos && i < this.src.length; i++) if (this.src[i] === '\n') n++;
    return n;
  }

  peek(): Token {
    if (!this.peeked) this.peeked = this.scan();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  /** Rewind to a position (drops a peeked token). */
  reset(pos: number): void {
    this.pos = pos;
    this.peeked = undefined;
  }

  addHeredoc(redir: Redir, delimWord: Word, strip: boolean): void {
    let delim = '';
    let quoted = false;
    const walk = (parts: WordPart[]) => {
      for (const p of parts) {
        if (p.type === 'lit') delim += p.text;
        else if (p.type === 'sq') (delim += p.text), (quoted = true);
        else if (p.type === 'dq') (quoted = true), walk(p.parts);
        else if (p.type === 'param') delim += '$' + p.name;
      }
    };
    walk(delimWord.parts);
    this.heredocs.push({ redir, delim, strip, quoted });
  }

  hasPendingHeredocs(): boolean {
    return this.heredocs.length > 0;
  }

  /** Step over a backslash-newline pair, noting when it is the last thing in the input. */
  private skipContinuation(): void {
    this.pos += 2;
    if (this.pos >= this.src.length) this.continuedAtEnd = true;
  }

  private scan(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.skipContinuation();
      else if (c === '#') while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      else break;
    }
    const start = this.pos;
    if (this.pos >= s.length) {
      this.readHeredocBodies();
      return { kind: 'eof', start };
    }
    if (s[this.pos] === '\n') {
      this.pos++;
      this.readHeredocBodies();
      return { kind: 'nl', start };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', op, start };
      }
    }
    const word = this.readWord('normal');
    const raw = s.slice(start, this.pos);
    if (/^\d+$/.test(raw) && (s[this.pos] === '<' || s[this.pos] === '>')) return { kind: 'ionum', fd: Number(raw), start };
    return { kind: 'word', word, raw, start };
  }

  /** Read a word in a given quoting mode, stopping at `stop` (a char) when given. */
  readWord(mode: Mode, stop?: string): Word {
    const s = this.src;
    const parts: WordPart[] = [];
    let text = '';
    const quotedLit = mode === 'dq' || mode === 'heredoc';
    const flush = () => {
      if (text) parts.push({ type: quotedLit ? 'sq' : 'lit', text });
      text = '';
    };
    let depth = 0;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (stop !== undefined && stop.includes(c) && depth === 0) break;
      if (mode === 'normal' && META.has(c)) break;
      if (mode === 'regex') {
        if (c === ' ' || c === '\t' || c === '\n') {
          if (depth === 0) break;
        } else if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
      }
      if (mode === 'dq' && c === '"') break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === undefined) {
          this.pos++;
          if (quotedLit) text += '\\';
          continue;
        }
        if (n === '\n') {
          this.skipContinuation();
          continue;
        }
        if (quotedLit && !'$`"\\'.includes(n) || (mode === 'heredoc' && n === '"')) {
          text += '\\';
          this.pos++;
          continue;
        }
        flush();
        parts.push({ type: 'sq', text: n });
        this.pos += 2;
        continue;
      }
      if (c === '$') {
        flush();
        parts.push(this.readDollar(mode));
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBacktick(mode === 'dq'));
        continue;
      }
      if (!quotedLit && c === "'") {
        flush();
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ParseError(undefined, this.lineAt(this.pos), "unexpected EOF while looking for matching `''");
        parts.push({ type: 'sq', text: s.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (!quotedLit && c === '"') {
        flush();
        this.pos++;
        const inner = this.readWord('dq');
        if (s[this.pos] !== '"') throw new ParseError(undefined, this.lineAt(this.pos), 'unexpected EOF while looking for matching `"\'');
        this.pos++;
        parts.push({ type: 'dq', parts: inner.parts });
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return { parts };
  }

  private readDollar(mode: Mode): WordPart {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === "'" && mode !== 'dq' && mode !== 'heredoc') {
      this.pos += 2;
      return { type: 'sq', text: this.readAnsiC() };
    }
    if (n === '(' && s[this.pos + 2] === '(') {
      const end = findArithEnd(s, this.pos + 3);
      if (end >= 0) {
        const inner = s.slice(this.pos + 3, end);
        this.pos = end + 2;
        return { type: 'arith', expr: subWord(inner, this.subParse) };
      }
    }
    if (n === '(') {
      const { list, end } = this.subParse(s, this.pos + 2);
      this.pos = end;
      return { type: 'cmdsub', body: list };
    }
    if (n === '{') return this.readBraceParam();
    if (n !== undefined && SPECIAL_PARAMS.includes(n)) {
      this.pos += 2;
      return { type: 'param', name: n };
    }
    const m = NAME_RE.exec(s.slice(this.pos + 1, this.pos + 200));
    if (m) {
      this.pos += 1 + m[0].length;
      return { type: 'param', name: m[0] };
    }
    this.pos++;
    return { type: mode === 'normal' || mode === 'param' || mode === 'regex' ? 'lit' : 'sq', text: '$' };
  }

  private readBraceParam(): WordPart {
    const s = this.src;
    const open = this.pos;
    this.pos += 2;
    let length = false;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}' && !(':-=+?'.includes(s[this.pos + 1]) && s[this.pos + 2] !== '}')) {
      length = true;
      this.pos++;
    }
    let name = '';
    const m = NAME_RE.exec(s.slice(this.pos, this.pos + 200));
    if (m) name = m[0];
    else if (/\d/.test(s[this.pos] ?? '')) name = /^\d+/.exec(s.slice(this.pos))![0];
    else if (s[this.pos] !== undefined && '@*#?-$!'.includes(s[this.pos])) name = s[this.pos];
    this.pos += name.length;
    const bad = (): WordPart => {
      let depth = 1;
      while (this.pos < s.length && depth > 0) {
        if (s[this.pos] === '{') depth++;
        if (s[this.pos] === '}') depth--;
        this.pos++;
      }
      return { type: 'param', name: '', op: 'bad', arg: { parts: [{ type: 'sq', text: s.slice(open, this.pos) }] } };
    };
    if (!name) return bad();
    if (s[this.pos] === '}') {
      this.pos++;
      return { type: 'param', name, length };
    }
    if (length) return bad();
    const rest = s.slice(this.pos, this.pos + 3);
    const op = ['//', '/#', '/%', '/', ':-', ':=', ':+', ':?', '##', '%%', '^^', ',,', '-', '=', '+', '?', '#', '%', '^', ',', ':'].find((o) =>
      rest.startsWith(o),
    );
    if (!op) return bad();
    this.pos += op.length;
    if (op.startsWith('/')) {
      const pat = this.readWord('param', '/}');
      let repl: Word = { parts: [] };
      if (s[this.pos] === '/') {
        this.pos++;
        repl = this.readWord('param', '}');
      }
      this.expect('}');
      return { type: 'param', name, op, arg: pat, repl };
    }
    if (op === ':') {
      // ${v:offset[:length]}: offsets are arithmetic, kept as words.
      const off = this.readWord('param', ':}');
      let len: Word | undefined;
      if (s[this.pos] === ':') {
        this.pos++;
        len = this.readWord('param', '}');
      }
      this.expect('}');
      return { type: 'param', name, op, arg: off, repl: len };
    }
    const arg = this.readWord('param', '}');
    this.expect('}');
    return { type: 'param', name, op, arg };
  }

  private expect(c: string): void {
    if (this.src[this.pos] !== c) throw new ParseError(undefined, this.lineAt(this.pos), `unexpected EOF while looking for matching \`${c}'`);
    this.pos++;
  }

  private readBacktick(inDq: boolean): WordPart {
    const s = this.src;
    let i = this.pos + 1;
    let body = '';
    while (i < s.length && s[i] !== '`') {
      if (s[i] === '\\' && i + 1 < s.length && ('$`\\'.includes(s[i + 1]) || (inDq && s[i + 1] === '"'))) {
        body += s[i + 1];
        i += 2;
      } else body += s[i++];
    }
    if (i >= s.length) throw new ParseError(undefined, this.lineAt(this.pos), 'unexpected EOF while looking for matching ``\'');
    this.pos = i + 1;
    const { list } = this.subParse(body + '\n)', 0);
    return { type: 'cmdsub', body: list };
  }

  private readAnsiC(): string {
    const r = decodeAnsiC(this.src, this.pos);
    this.pos = r.pos;
    this.expect("'");
    return r.text;
  }

  /** After `((` at command start: the raw text up to `))`. */
  readArithCommand(pos: number): Word {
    const end = findArithEnd(this.src, pos);
    if (end < 0) throw new ParseError(undefined, this.lineAt(pos));
    this.reset(end + 2);
    return subWord(this.src.slice(pos, end), this.subParse);
  }

  /** The right side of `=~` in `[[ ]]`: parentheses and `|` are regex syntax, not operators. */
  readRegexWord(): Word {
    this.peeked = undefined;
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
    return this.readWord('regex');
  }

  private readHeredocBodies(): void {
    const s = this.src;
    for (const h of this.heredocs.splice(0)) {
      const lines: string[] = [];
      let found = false;
      while (this.pos < s.length) {
        let nl = s.indexOf('\n', this.pos);
        if (nl < 0) nl = s.length;
        let line = s.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, s.length);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          found = true;
          break;
        }
        lines.push(line);
      }
      // A script's bash only warns about a missing delimiter and uses what was read; an
      // interactive one keeps asking for lines (the caller decides through heredocUnterminated).
      if (!found) this.heredocUnterminated = true;
      const body = lines.length ? lines.join('\n') + '\n' : '';
      h.redir.heredoc = h.quoted ? { parts: [{ type: 'sq', text: body }] } : heredocWord(body, this.subParse);
    }
  }
}

function findArithEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      if (depth === 0) return s[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** Parse text in here-document mode: only `$`, backquotes and backslash are special. */
export function heredocWord(text: string, subParse: (src: string, pos: number) => { list: List; end: number }): Word {
  const lx = new Lexer(text, 0, subParse);
  return lx.readWord('heredoc');
}

function subWord(text: string, subParse: (src: string, pos: number) => { list: List; end: number }): Word {
  // Arithmetic text: double quotes are simply removed (bash accepts $(( "1" + 2 ))).
  return heredocWord(text.replace(/"/g, ''), subParse);
}
