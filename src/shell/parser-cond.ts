/**
 * The parser's token helpers and the `[[ … ]]` expression grammar; `parser.ts` extends this class
 * with the rest of the shell grammar.
 */
import type { CondExpr } from './ast';
import { ParseError, type Lexer, type Token } from './lexer';

export class CondParser {
  constructor(readonly lx: Lexer) {}

  unexpected(t: Token): never {
    const line = this.lx.lineAt(t.start);
    if (t.kind === 'eof') throw new ParseError(undefined, line);
    const text = t.kind === 'op' ? t.op : t.kind === 'nl' ? 'newline' : t.kind === 'word' ? t.raw : String(t.fd);
    throw new ParseError(text, line);
  }

  protected isWord(t: Token, text: string): boolean {
    return t.kind === 'word' && t.raw === text;
  }

  protected isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.op === op;
  }

  protected skipNewlines(): void {
    while (this.lx.peek().kind === 'nl') this.lx.next();
  }

  protected expectWord(text: string): void {
    this.skipNewlines();
    const t = this.lx.next();
    if (!this.isWord(t, text)) this.unexpected(t);
  }

  /** `[[ … ]]`: || binds looser than &&, ! and ( ) as usual; < and > compare strings. */
  protected parseCondOr(): CondExpr {
    return this.condChain('||', () => this.parseCondAnd(), true);
  }

  private parseCondAnd(): CondExpr {
    return this.condChain('&&', () => this.parseCondNot(), true);
  }

  /** Inside `( … )` a newline may not follow `||` (it may follow `&&` everywhere). */
  private parseCondOrInner(): CondExpr {
    return this.condChain('||', () => this.parseCondAnd(), false);
  }

  /** `a op b op c …`, left-associative. */
  private condChain(op: '||' | '&&', operand: () => CondExpr, newlineAfterOp: boolean): CondExpr {
    let left = operand();
    while (this.isOp(this.lx.peek(), op)) {
      this.lx.next();
      if (newlineAfterOp) this.skipNewlines();
      left = { type: op === '||' ? 'or' : 'and', left, right: operand() };
    }
    return left;
  }

  private parseCondNot(): CondExpr {
    const t = this.lx.next();
    if (this.isWord(t, '!')) return { type: 'not', expr: this.parseCondNot() };
    if (this.isOp(t, '(')) {
      const e = this.parseCondOrInner();
      const c = this.lx.next();
      if (!this.isOp(c, ')')) this.unexpected(c);
      return e;
    }
    if (t.kind !== 'word' || t.raw === ']]') this.unexpected(t);
    if (/^-[a-zA-Z]$/.test(t.raw)) {
      const n = this.lx.peek();
      if (n.kind === 'word' && n.raw !== ']]') {
        this.lx.next();
        return { type: 'unary', op: t.raw, arg: n.word };
      }
    }
    const n = this.lx.peek();
    let op: string | undefined;
    if (n.kind === 'word' && /^(==?|!=|=~|-(eq|ne|lt|le|gt|ge|nt|ot|ef))$/.test(n.raw)) op = n.raw;
    else if (n.kind === 'op' && (n.op === '<' || n.op === '>')) op = n.op;
    if (!op) return { type: 'word', word: t.word };
    this.lx.next();
    if (op === '=~') return { type: 'binary', op, left: t.word, right: this.lx.readRegexWord() };
    const r = this.lx.next();
    if (r.kind !== 'word') this.unexpected(r);
    return { type: 'binary', op: op === '==' ? '=' : op, left: t.word, right: r.word };
  }
}
