/** awk's recursive-descent parser: pattern–action items, statements and expressions by precedence. */
import { AwkSyntax, type Item, type Node, type Stmt } from './ast';
import type { Tok } from './lexer';

export class Parser {
  private p = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(o = 0): Tok {
    return this.toks[this.p + o];
  }
  private next(): Tok {
    return this.toks[this.p++];
  }
  private is(t: string): boolean {
    return this.peek().t === t;
  }
  private eat(t: string): Tok {
    if (!this.is(t)) throw new AwkSyntax(`syntax error at or near ${this.peek().v || 'end of file'}`);
    return this.next();
  }
  private nl(): void {
    while (this.is('nl')) this.p++;
  }
  private term(): void {
    while (this.is('nl') || this.is(';')) this.p++;
  }
  /** The `(expr)` after if, while and do … while. */
  private condition(): Node {
    this.eat('(');
    const c = this.expr();
    this.eat(')');
    return c;
  }

  program(): Item[] {
    const items: Item[] = [];
    this.term();
    while (!this.is('eof')) {
      if (this.is('function')) throw new AwkSyntax('user-defined functions are not simulated');
      const it: Item = {};
      if (this.is('BEGIN')) (this.p++, (it.begin = true));
      else if (this.is('END')) (this.p++, (it.end = true));
      else if (!this.is('{')) {
        const a = this.expr();
        if (this.is(',')) {
          this.p++;
          this.nl();
          it.range = [a, this.expr()];
        } else it.pattern = a;
      }
      if (this.is('{')) it.action = this.block();
      else if (it.begin || it.end) throw new AwkSyntax('syntax error at or near end of line');
      items.push(it);
      this.term();
    }
    return items;
  }

  private block(): Stmt {
    this.eat('{');
    const body: Stmt[] = [];
    this.term();
    while (!this.is('}')) {
      body.push(this.stmt());
      this.term();
    }
    this.eat('}');
    return { k: 'block', body };
  }

  private simple(): Stmt {
    if (this.is('print') || this.is('printf')) {
      const f = this.next().t === 'printf';
      const args: Node[] = [];
      const paren = this.is('(') && this.peekParenList();
      if (paren) {
        this.p++;
        args.push(...this.exprList(')'));
        this.eat(')');
      } else if (!this.endOfSimple()) args.push(...this.exprList(null, true));
      let dest: { op: string; e: Node } | undefined;
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const op = this.next().t;
        dest = { op, e: this.concat(true) };
      }
      return { k: 'print', args, f, dest };
    }
    if (this.is('next')) return (this.p++, { k: 'next' });
    if (this.is('break')) return (this.p++, { k: 'break' });
    if (this.is('continue')) return (this.p++, { k: 'continue' });
    if (this.is('exit')) {
      this.p++;
      return { k: 'exit', e: this.endOfSimple() ? undefined : this.expr() };
    }
    if (this.is('delete')) {
      this.p++;
      const name = this.eat('name').v;
      if (this.is('[')) {
        this.p++;
        const keys = this.exprList(']');
        this.eat(']');
        return { k: 'delete', name, keys };
      }
      return { k: 'delete', name };
    }
    return { k: 'expr', e: this.expr() };
  }

  /** `print (a, b)` is a parenthesised list; `print (a) b` is an expression. */
  private peekParenList(): boolean {
    let depth = 0;
    for (let j = this.p; j < this.toks.length; j++) {
      const t = this.toks[j].t;
      if (t === '(') depth++;
      else if (t === ')' && --depth === 0) {
        const after = this.toks[j + 1].t;
        return after === 'nl' || after === ';' || after === '}' || after === '>' || after === '>>' || after === '|' || after === 'eof';
      }
    }
    return false;
  }

  private endOfSimple(): boolean {
    return this.is('nl') || this.is(';') || this.is('}') || this.is('eof') || this.is('>') || this.is('>>') || this.is('|');
  }

  private stmt(): Stmt {
    if (this.is('{')) return this.block();
    if (this.is('if')) {
      this.p++;
      const c = this.condition();
      this.nl();
      const t = this.stmt();
      const save = this.p;
      this.term();
      if (this.is('else')) {
        this.p++;
        this.nl();
        return { k: 'if', c, t, f: this.stmt() };
      }
      this.p = save;
      return { k: 'if', c, t };
    }
    if (this.is('while')) {
      this.p++;
      const c = this.condition();
      this.nl();
      return { k: 'while', c, body: this.stmt() };
    }
    if (this.is('do')) {
      this.p++;
      this.nl();
      const body = this.stmt();
      this.term();
      this.eat('while');
      return { k: 'do', c: this.condition(), body };
    }
    if (this.is('for')) {
      this.p++;
      this.eat('(');
      if (this.peek().t === 'name' && this.peek(1).t === 'in' && this.peek(2).t === 'name' && this.peek(3).t === ')') {
        const v = this.next().v;
        this.p++;
        const arr = this.next().v;
        this.eat(')');
        this.nl();
        return { k: 'forin', v, arr, body: this.stmt() };
      }
      const init = this.is(';') ? undefined : this.simple();
      this.eat(';');
      this.nl();
      const c = this.is(';') ? undefined : this.expr();
      this.eat(';');
      this.nl();
      const step = this.is(')') ? undefined : this.simple();
      this.eat(')');
      this.nl();
      return { k: 'for', init, c, step, body: this.stmt() };
    }
    if (this.is(';')) return { k: 'block', body: [] };
    return this.simple();
  }

  private exprList(close: string | null, noGt = false): Node[] {
    const out: Node[] = [];
    if (close && this.is(close)) return out;
    out.push(noGt ? this.ternary(true) : this.expr());
    while (this.is(',')) {
      this.p++;
      this.nl();
      out.push(noGt ? this.ternary(true) : this.expr());
    }
    return out;
  }

  expr(noGt = false): Node {
    return this.ternary(noGt);
  }

  private ternary(noGt = false): Node {
    const c = this.assignment(noGt);
    if (this.is('?')) {
      this.p++;
      this.nl();
      const a = this.ternary(noGt);
      this.nl();
      this.eat(':');
      this.nl();
      return { k: 'cond', c, a, b: this.ternary(noGt) };
    }
    return c;
  }

  private assignment(noGt: boolean): Node {
    const left = this.or(noGt);
    const t = this.peek().t;
    if (['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t) && (left.k === 'var' || left.k === 'field' || left.k === 'idx')) {
      this.p++;
      this.nl();
      return { k: 'assign', op: t, target: left, e: this.ternary(noGt) };
    }
    return left;
  }

  private or(noGt: boolean): Node {
    return this.logical('||', () => this.and(noGt));
  }

  private and(noGt: boolean): Node {
    return this.logical('&&', () => this.inExpr(noGt));
  }

  /** `a op b op …`, left-associative; a newline may follow the operator. */
  private logical(op: '||' | '&&', operand: () => Node): Node {
    let a = operand();
    while (this.is(op)) {
      this.p++;
      this.nl();
      a = { k: 'bin', op, a, b: operand() };
    }
    return a;
  }

  private inExpr(noGt: boolean): Node {
    let a = this.matchExpr(noGt);
    while (this.is('in')) {
      this.p++;
      a = { k: 'in', keys: a.k === 'group' ? [a.e] : [a], name: this.eat('name').v };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Node {
    let a = this.compare(noGt);
    while (this.is('~') || this.is('!~')) {
      const neg = this.next().t === '!~';
      a = { k: 'match', neg, a, re: this.compare(noGt) };
    }
    return a;
  }

  private compare(noGt: boolean): Node {
    const a = this.concat(noGt);
    const t = this.peek().t;
    if (['<', '<=', '==', '!=', '>=', ...(noGt ? [] : ['>'])].includes(t)) {
      this.p++;
      return { k: 'bin', op: t, a, b: this.concat(noGt) };
    }
    return a;
  }

  private concat(noGt: boolean): Node {
    let a = this.additive();
    for (;;) {
      const t = this.peek().t;
      const starts = ['num', 'str', 're', 'name', 'builtin', '$', '!', '(', '-', '+', '++', '--'].includes(t);
      if (!starts || t === 'in') break;
      if ((t === '-' || t === '+') ) break;
      a = { k: 'bin', op: 'concat', a, b: this.additive() };
    }
    void noGt;
    return a;
  }

  private additive(): Node {
    let a = this.mult();
    while (this.is('+') || this.is('-')) {
      const op = this.next().t;
      a = { k: 'bin', op, a, b: this.mult() };
    }
    return a;
  }

  private mult(): Node {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.next().t;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Node {
    if (this.is('!')) return (this.p++, { k: 'un', op: '!', e: this.unary() });
    if (this.is('-')) return (this.p++, { k: 'un', op: '-', e: this.unary() });
    if (this.is('+')) return (this.p++, { k: 'un', op: '+', e: this.unary() });
    return this.power();
  }

  private power(): Node {
    const a = this.postfix();
    if (this.is('^')) {
      this.p++;
      return { k: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  private postfix(): Node {
    if (this.is('++') || this.is('--')) {
      const op = this.next().t;
      return { k: 'incdec', op, prefix: true, target: this.postfix() };
    }
    const a = this.primary();
    if ((this.is('++') || this.is('--')) && (a.k === 'var' || a.k === 'field' || a.k === 'idx')) {
      return { k: 'incdec', op: this.next().t, prefix: false, target: a };
    }
    return a;
  }

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num': return { k: 'num', v: Number(t.v) };
      case 'str': return { k: 'str', v: t.v };
      case 're': return { k: 're', v: t.v };
      case '$': return { k: 'field', e: this.postfixNoIncdec() };
      case '(': {
        const e = this.expr();
        if (this.is(',')) {
          const keys = [e];
          while (this.is(',')) {
            this.p++;
            keys.push(this.expr());
          }
          this.eat(')');
          if (!this.is('in')) throw new AwkSyntax('syntax error at or near )');
          this.p++;
          return { k: 'in', keys, name: this.eat('name').v };
        }
        this.eat(')');
        return { k: 'group', e };
      }
      case 'builtin': {
        if (t.v === 'length' && !this.is('(')) return { k: 'call', name: 'length', args: [] };
        this.eat('(');
        const args = this.exprList(')');
        this.eat(')');
        return { k: 'call', name: t.v, args };
      }
      case 'name': {
        if (this.is('[')) {
          this.p++;
          const keys = this.exprList(']');
          this.eat(']');
          return { k: 'idx', name: t.v, keys };
        }
        if (this.is('(')) throw new AwkSyntax(`function ${t.v} never defined`);
        return { k: 'var', name: t.v };
      }
      case 'getline':
        throw new AwkSyntax('getline is not simulated');
      default:
        throw new AwkSyntax(`syntax error at or near ${t.v || 'end of file'}`);
    }
  }

  private postfixNoIncdec(): Node {
    if (this.is('-')) return (this.p++, { k: 'un', op: '-', e: this.primary() });
    return this.primary();
  }
}
