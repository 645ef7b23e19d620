/**
 * The expression half of the Python parser: the token cursor and precedence climbing from
 * conditional expressions down to atoms, f-strings included. `parse.ts` adds the statements.
 */
import { PySyntaxError, type Expr } from './syntax';
import { tokenize, type Tok } from './tokenize';

export class ExprParser {
  protected i = 0;
  constructor(
    protected readonly toks: Tok[],
    protected readonly lines: string[],
  ) {}

  protected get tok(): Tok {
    return this.toks[this.i];
  }
  at(t: Tok['t'], v?: string): boolean {
    return this.tok.t === t && (v === undefined || this.tok.v === v);
  }
  protected eat(t: Tok['t'], v?: string): Tok {
    if (!this.at(t, v)) throw this.error(`invalid syntax`);
    return this.toks[this.i++];
  }
  protected maybe(t: Tok['t'], v?: string): boolean {
    if (this.at(t, v)) {
      this.i++;
      return true;
    }
    return false;
  }
  protected error(msg: string): PySyntaxError {
    return new PySyntaxError(msg, this.tok.line, this.lines[this.tok.line - 1]?.trim() ?? '');
  }

  protected targetList(): Expr {
    const first = this.primary();
    if (!this.at('op', ',')) return first;
    const items = [first];
    while (this.maybe('op', ',') && !this.at('name', 'in')) items.push(this.primary());
    return { k: 'tuple', items };
  }

  protected exprList(): Expr {
    const first = this.expr();
    if (!this.at('op', ',')) return first;
    const items = [first];
    while (this.maybe('op', ',')) {
      if (this.at('nl') || this.at('op', '=') || this.at('op', ')')) break;
      items.push(this.expr());
    }
    return { k: 'tuple', items };
  }

  /** The items after the first of a tuple or list display: `, x` each, a trailing comma allowed, then `close`. */
  private moreItems(items: Expr[], close: string): Expr[] {
    while (this.maybe('op', ',')) {
      if (this.at('op', close)) break;
      items.push(this.expr());
    }
    this.eat('op', close);
    return items;
  }

  expr(): Expr {
    const a = this.orExpr();
    if (this.maybe('name', 'if')) {
      const test = this.orExpr();
      this.eat('name', 'else');
      return { k: 'ifexp', test, a, b: this.expr() };
    }
    return a;
  }
  protected orExpr(): Expr {
    let a = this.andExpr();
    while (this.maybe('name', 'or')) a = { k: 'bool', op: 'or', a, b: this.andExpr() };
    return a;
  }
  protected andExpr(): Expr {
    let a = this.notExpr();
    while (this.maybe('name', 'and')) a = { k: 'bool', op: 'and', a, b: this.notExpr() };
    return a;
  }
  protected notExpr(): Expr {
    if (this.maybe('name', 'not')) return { k: 'unary', op: 'not', a: this.notExpr() };
    return this.comparison();
  }
  protected comparison(): Expr {
    const items = [this.arith()];
    const ops: string[] = [];
    for (;;) {
      const op = ['==', '!=', '<=', '>=', '<', '>'].find((o) => this.at('op', o));
      if (op) {
        this.i++;
        ops.push(op);
      } else if (this.maybe('name', 'in')) ops.push('in');
      else if (this.at('name', 'not') && this.toks[this.i + 1]?.v === 'in') {
        this.i += 2;
        ops.push('not in');
      } else if (this.maybe('name', 'is')) ops.push(this.maybe('name', 'not') ? 'is not' : 'is');
      else break;
      items.push(this.arith());
    }
    return ops.length ? { k: 'cmp', ops, items } : items[0];
  }
  protected arith(): Expr {
    let a = this.term();
    for (;;) {
      const op = ['+', '-'].find((o) => this.at('op', o));
      if (!op) return a;
      this.i++;
      a = { k: 'bin', op, a, b: this.term() };
    }
  }
  protected term(): Expr {
    let a = this.factor();
    for (;;) {
      const op = ['*', '/', '//', '%'].find((o) => this.at('op', o));
      if (!op) return a;
      this.i++;
      a = { k: 'bin', op, a, b: this.factor() };
    }
  }
  protected factor(): Expr {
    if (this.maybe('op', '-')) return { k: 'unary', op: '-', a: this.factor() };
    if (this.maybe('op', '+')) return this.factor();
    const base = this.primary();
    if (this.maybe('op', '**')) return { k: 'bin', op: '**', a: base, b: this.factor() };
    return base;
  }

  protected primary(): Expr {
    let e = this.atom();
    for (;;) {
      if (this.maybe('op', '.')) e = { k: 'attr', obj: e, name: this.eat('name').v };
      else if (this.maybe('op', '(')) {
        const args: Expr[] = [];
        const kwargs: [string, Expr][] = [];
        while (!this.at('op', ')')) {
          if (this.at('name') && this.toks[this.i + 1]?.v === '=' && this.toks[this.i + 1]?.t === 'op') {
            const n = this.eat('name').v;
            this.i++;
            kwargs.push([n, this.expr()]);
          } else if (this.maybe('op', '**')) kwargs.push(['**', this.expr()]);
          else if (this.maybe('op', '*')) args.push({ k: 'unary', op: '*', a: this.expr() });
          else args.push(this.expr());
          if (!this.maybe('op', ',')) break;
        }
        this.eat('op', ')');
        e = { k: 'call', fn: e, args, kwargs };
      } else if (this.maybe('op', '[')) {
        const index = this.exprList();
        this.eat('op', ']');
        e = { k: 'index', obj: e, index };
      } else return e;
    }
  }

  protected atom(): Expr {
    const t = this.tok;
    if (t.t === 'num') {
      this.i++;
      return { k: 'num', v: Number(t.v), float: /[.eE]/.test(t.v) };
    }
    if (t.t === 'str') {
      const parts: (string | Expr)[] = [];
      let isF = false;
      while (this.at('str')) {
        const s = this.toks[this.i++];
        if (s.prefix?.includes('f')) {
          isF = true;
          parts.push(...this.fstring(s.v, s.line));
        } else parts.push(s.v);
      }
      return isF ? { k: 'fstr', parts } : { k: 'str', v: parts.join('') };
    }
    if (t.t === 'name') {
      if (['None', 'True', 'False'].includes(t.v)) {
        this.i++;
        return { k: 'const', v: t.v === 'None' ? null : t.v === 'True' };
      }
      if (['def', 'if', 'else', 'for', 'while', 'return', 'import', 'from', 'in', 'not', 'and', 'or', 'is', 'pass', 'class', 'try', 'except'].includes(t.v)) throw this.error('invalid syntax');
      this.i++;
      return { k: 'name', id: t.v };
    }
    if (this.maybe('op', '(')) {
      if (this.maybe('op', ')')) return { k: 'tuple', items: [] };
      const e = this.expr();
      if (this.maybe('op', ')')) return e;
      return { k: 'tuple', items: this.moreItems([e], ')') };
    }
    if (this.maybe('op', '[')) {
      if (this.maybe('op', ']')) return { k: 'list', items: [] };
      const first = this.expr();
      if (this.maybe('name', 'for')) {
        const target = this.targetList();
        this.eat('name', 'in');
        const iter = this.orExpr();
        const cond = this.maybe('name', 'if') ? this.orExpr() : undefined;
        this.eat('op', ']');
        return { k: 'listcomp', elt: first, target, iter, cond };
      }
      return { k: 'list', items: this.moreItems([first], ']') };
    }
    if (this.maybe('op', '{')) {
      const items: [Expr, Expr][] = [];
      while (!this.at('op', '}')) {
        const key = this.expr();
        this.eat('op', ':');
        items.push([key, this.expr()]);
        if (!this.maybe('op', ',')) break;
      }
      this.eat('op', '}');
      return { k: 'dict', items };
    }
    throw this.error('invalid syntax');
  }

  protected fstring(s: string, line: number): (string | Expr)[] {
    const parts: (string | Expr)[] = [];
    let i = 0;
    let lit = '';
    while (i < s.length) {
      if (s.startsWith('{{', i) || s.startsWith('}}', i)) {
        lit += s[i];
        i += 2;
        continue;
      }
      if (s[i] === '{') {
        let depth = 1;
        let j = i + 1;
        while (j < s.length && depth) {
          if (s[j] === '{') depth++;
          if (s[j] === '}') depth--;
          j++;
        }
        const inner = s.slice(i + 1, j - 1).replace(/![rsa]$/, '').replace(/:[^:]*$/, (m) => (/[\]"']/.test(m) ? m : ''));
        if (lit) parts.push(lit);
        lit = '';
        const sub = new ExprParser(tokenize(inner), [inner]);
        try {
          parts.push(sub.expr());
        } catch {
          throw new PySyntaxError('f-string: invalid syntax', line);
        }
        i = j;
        continue;
      }
      lit += s[i++];
    }
    if (lit) parts.push(lit);
    return parts;
  }
}
