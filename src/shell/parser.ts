/**
 * Recursive-descent parser for the POSIX shell grammar plus the bash forms people type:
 * `[[ ]]`, `(( ))`, `function f { }`, `|&`, `&>`, `<<<`, `;&`/`;;&` in case.
 */
import type { AndOr, Assign, Command, List, ListItem, Pipeline, Redir, RedirOp, SimpleCommand, Word } from './ast';
import { plainText } from './ast';
import { Lexer, NAME_RE, ParseError } from './lexer';
import { CondParser } from './parser-cond';

export { ParseError } from './lexer';

const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!', 'function', '[[', ']]']);

/**
 * Parse a whole program. Throws ParseError (its `incomplete` is true when more input could finish it).
 * `heredocNeedsEnd` is how a shell reading lines asks: a here-document without its delimiter, or a
 * last line ending in an unquoted `\`, is then incomplete rather than finished by end of input.
 */
export function parse(src: string, lineBase = 1, opts: { heredocNeedsEnd?: boolean } = {}): List {
  const p = new Parser(src, 0, lineBase);
  const list = p.parseList(new Set());
  const t = p.lx.peek();
  if (t.kind !== 'eof') p.unexpected(t);
  if (opts.heredocNeedsEnd && (p.lx.heredocUnterminated || p.lx.continuedAtEnd)) throw new ParseError(undefined, p.lx.lineAt(src.length));
  return list;
}

function subParse(src: string, pos: number): { list: List; end: number } {
  const p = new Parser(src, pos);
  const list = p.parseList(new Set());
  const t = p.lx.next();
  if (t.kind !== 'op' || t.op !== ')') p.unexpected(t);
  return { list, end: p.lx.pos };
}

class Parser extends CondParser {
  constructor(src: string, pos: number, lineBase = 1) {
    super(new Lexer(src, pos, subParse, lineBase));
  }

  /** A sequence of and-or lists up to a terminator (reserved word or operator) or EOF. */
  parseList(terms: Set<string>): List {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.lx.peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'op' && (t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&')) break;
      if (t.kind === 'word' && terms.has(t.raw)) break;
      const start = t.start;
      const cmd = this.parseAndOr();
      const sep = this.lx.peek();
      const text = this.lx.src.slice(start, sep.start).trim();
      if (this.isOp(sep, '&')) {
        this.lx.next();
        items.push({ cmd, background: true, text });
      } else if (this.isOp(sep, ';')) {
        this.lx.next();
        items.push({ cmd, background: false, text });
      } else if (sep.kind === 'nl' || sep.kind === 'eof' || (sep.kind === 'op' && (sep.op === ')' || sep.op.startsWith(';;') || sep.op === ';&')) || (sep.kind === 'word' && terms.has(sep.raw))) {
        items.push({ cmd, background: false, text });
      } else this.unexpected(sep);
    }
    return { type: 'list', items };
  }

  /** A list that must not be empty (bash rejects `if then fi`). */
  private parseBody(terms: Set<string>): List {
    const l = this.parseList(terms);
    if (!l.items.length) this.unexpected(this.lx.peek());
    return l;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.lx.peek();
      if (t.kind === 'op' && (t.op === '&&' || t.op === '||')) {
        this.lx.next();
        this.skipNewlines();
        rest.push({ op: t.op, pipeline: this.parsePipeline() });
      } else break;
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let bang = false;
    while (this.isWord(this.lx.peek(), '!')) {
      this.lx.next();
      bang = !bang;
    }
    const cmds: Command[] = [this.parseCommand()];
    const stderrToo: boolean[] = [];
    for (;;) {
      const t = this.lx.peek();
      if (t.kind === 'op' && (t.op === '|' || t.op === '|&')) {
        this.lx.next();
        stderrToo.push(t.op === '|&');
        this.skipNewlines();
        cmds.push(this.parseCommand());
      } else break;
    }
    return { type: 'pipeline', bang, cmds, stderrToo };
  }

  private parseCommand(): Command {
    const t = this.lx.peek();
    if (t.kind === 'op' && t.op === '(') {
      if (this.lx.src[t.start + 1] === '(') {
        const expr = this.lx.readArithCommand(t.start + 2);
        return this.withRedirs({ type: 'arithcmd', expr, redirs: [] });
      }
      this.lx.next();
      const body = this.parseList(new Set());
      const close = this.lx.next();
      if (!this.isOp(close, ')')) this.unexpected(close);
      if (!body.items.length) this.unexpected(close);
      return this.withRedirs({ type: 'subshell', body, redirs: [] });
    }
    if (t.kind === 'word') {
      switch (t.raw) {
        case '{': {
          this.lx.next();
          const body = this.parseBody(new Set(['}']));
          this.expectWord('}');
          return this.withRedirs({ type: 'group', body, redirs: [] });
        }
        case 'if':
          return this.withRedirs(this.parseIf());
        case 'while':
        case 'until': {
          this.lx.next();
          const cond = this.parseBody(new Set(['do']));
          this.expectWord('do');
          const body = this.parseBody(new Set(['done']));
          this.expectWord('done');
          return this.withRedirs({ type: t.raw, cond, body, redirs: [] });
        }
        case 'for':
          return this.withRedirs(this.parseFor());
        case 'case':
          return this.withRedirs(this.parseCase());
        case 'function': {
          this.lx.next();
          const n = this.lx.next();
          if (n.kind !== 'word') this.unexpected(n);
          if (this.isOp(this.lx.peek(), '(')) {
            this.lx.next();
            const c = this.lx.next();
            if (!this.isOp(c, ')')) this.unexpected(c);
          }
          this.skipNewlines();
          return { type: 'func', name: n.raw, body: this.parseCommand(), redirs: [] };
        }
        case '[[':
          this.lx.next();
        {
          const expr = this.parseCondOr();
          const close = this.lx.next();
          if (!this.isWord(close, ']]')) this.unexpected(close);
          return this.withRedirs({ type: 'cond', expr, redirs: [] });
        }
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}': case 'in': case ']]':
          this.unexpected(t);
      }
    }
    return this.parseSimple();
  }

  private withRedirs<T extends { redirs: Redir[] }>(cmd: T): T {
    for (;;) {
      const r = this.tryRedir();
      if (!r) return cmd;
      cmd.redirs.push(r);
    }
  }

  private tryRedir(): Redir | undefined {
    const t = this.lx.peek();
    let fd: number | undefined;
    if (t.kind === 'ionum') {
      this.lx.next();
      fd = t.fd;
    } else if (!(t.kind === 'op' && REDIR_OPS.has(t.op))) return undefined;
    const opTok = this.lx.next();
    if (opTok.kind !== 'op' || !REDIR_OPS.has(opTok.op)) this.unexpected(opTok);
    const target = this.lx.next();
    if (target.kind !== 'word') this.unexpected(target);
    const r: Redir = { fd, op: opTok.op as RedirOp, target: target.word };
    if (opTok.op === '<<' || opTok.op === '<<-') this.lx.addHeredoc(r, target.word, opTok.op === '<<-');
    return r;
  }

  private parseSimple(): Command {
    const start = this.lx.peek();
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], line: this.lx.lineAt(start.start) };
    for (;;) {
      const r = this.tryRedir();
      if (r) {
        cmd.redirs.push(r);
        continue;
      }
      const t = this.lx.peek();
      if (t.kind !== 'word') break;
      if (cmd.words.length === 0) {
        const a = asAssign(t.word);
        if (a) {
          this.lx.next();
          cmd.assigns.push(a);
          continue;
        }
      }
      this.lx.next();
      cmd.words.push(t.word);
      // `name () compound-command` defines a function.
      if (cmd.words.length === 1 && !cmd.assigns.length && this.isOp(this.lx.peek(), '(')) {
        const name = plainText(t.word);
        const save = this.lx.peek();
        if (name && this.lx.src.slice(save.start).match(/^\(\s*\)/)) {
          this.lx.next();
          const c = this.lx.next();
          if (!this.isOp(c, ')')) this.unexpected(c);
          this.skipNewlines();
          return { type: 'func', name, body: this.parseCommand(), redirs: [] };
        }
        this.unexpected(save);
      }
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirs.length) this.unexpected(this.lx.peek());
    return cmd;
  }

  private parseIf(): Command {
    this.lx.next();
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    const cond = this.parseBody(new Set(['then']));
    this.expectWord('then');
    clauses.push({ cond, body: this.parseBody(new Set(['elif', 'else', 'fi'])) });
    for (;;) {
      this.skipNewlines();
      const t = this.lx.next();
      if (this.isWord(t, 'fi')) break;
      if (this.isWord(t, 'elif')) {
        const c = this.parseBody(new Set(['then']));
        this.expectWord('then');
        clauses.push({ cond: c, body: this.parseBody(new Set(['elif', 'else', 'fi'])) });
      } else if (this.isWord(t, 'else')) {
        elseBody = this.parseBody(new Set(['fi']));
        this.expectWord('fi');
        break;
      } else this.unexpected(t);
    }
    return { type: 'if', clauses, else: elseBody, redirs: [] };
  }

  private parseFor(): Command {
    this.lx.next();
    const n = this.lx.next();
    if (n.kind !== 'word' || !NAME_RE.test(n.raw)) this.unexpected(n);
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isWord(this.lx.peek(), 'in')) {
      this.lx.next();
      items = [];
      for (;;) {
        const t = this.lx.peek();
        if (t.kind !== 'word') break;
        this.lx.next();
        items.push(t.word);
      }
      const sep = this.lx.next();
      if (!(this.isOp(sep, ';') || sep.kind === 'nl')) this.unexpected(sep);
    } else if (this.isOp(this.lx.peek(), ';')) this.lx.next();
    this.expectWord('do');
    const body = this.parseBody(new Set(['done']));
    this.expectWord('done');
    return { type: 'for', name: n.raw, items, body, redirs: [] };
  }

  private parseCase(): Command {
    this.lx.next();
    const w = this.lx.next();
    if (w.kind !== 'word') this.unexpected(w);
    this.expectWord('in');
    const items: { patterns: Word[]; body: List; fallthrough?: ';&' | ';;&' }[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.lx.next();
      if (this.isWord(t, 'esac')) break;
      if (this.isOp(t, '(')) t = this.lx.next();
      const patterns: Word[] = [];
      for (;;) {
        if (t.kind !== 'word') this.unexpected(t);
        patterns.push(t.word);
        t = this.lx.next();
        if (this.isOp(t, '|')) t = this.lx.next();
        else if (this.isOp(t, ')')) break;
        else this.unexpected(t);
      }
      const body = this.parseList(new Set(['esac']));
      const end = this.lx.peek();
      const item: (typeof items)[number] = { patterns, body };
      items.push(item);
      if (end.kind === 'op' && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) {
        this.lx.next();
        if (end.op !== ';;') item.fallthrough = end.op;
      } else {
        this.expectWord('esac');
        break;
      }
    }
    return { type: 'case', word: w.word, items, redirs: [] };
  }
}

function asAssign(w: Word): Assign | undefined {
  const first = w.parts[0];
  if (!first || first.type !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = rest ? [{ type: 'lit' as const, text: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], value: { parts }, append: m[2] === '+' };
}

export function isReserved(word: string): boolean {
  return RESERVED.has(word);
}
