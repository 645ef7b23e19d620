/**
 * A Python subset, parsed: what the notes' scripts and Flask apps use (imports, def with defaults
 * and decorators, if/elif/else, for, while, try/except/finally, return, assignments, calls with
 * keywords, attributes, subscripts, arithmetic and comparisons, str/int/float/bool/None, lists,
 * dicts, tuples, f-strings, implicit string concatenation and line joining). Anything else raises
 * a SyntaxError that says the simulator does not model it.
 */
import { ExprParser } from './parse-expr';
import type { Expr, Stmt } from './syntax';
import { tokenize } from './tokenize';

export { PySyntaxError, type Expr, type Stmt } from './syntax';
export { tokenize } from './tokenize';

export function parseModule(src: string): Stmt[] {
  const p = new Parser(tokenize(src), src.split('\n'));
  const body: Stmt[] = [];
  while (!p.at('eof')) body.push(...p.statement());
  return body;
}
/** The statements: simple ones, def with decorators, if/while/for/try, and indented blocks. */
class Parser extends ExprParser {
  statement(): Stmt[] {
    const line = this.tok.line;
    if (this.at('name', 'def') || this.at('op', '@')) return [this.funcdef()];
    if (this.at('name', 'if')) return [this.ifStmt()];
    if (this.maybe('name', 'while')) {
      const test = this.expr();
      return [{ k: 'while', test, body: this.block(), line }];
    }
    if (this.maybe('name', 'for')) {
      const target = this.targetList();
      this.eat('name', 'in');
      const iter = this.exprList();
      return [{ k: 'for', target, iter, body: this.block(), line }];
    }
    if (this.maybe('name', 'try')) {
      const body = this.block();
      const handlers: { type?: Expr; name?: string; body: Stmt[] }[] = [];
      let final: Stmt[] = [];
      while (this.maybe('name', 'except')) {
        let type: Expr | undefined;
        let name: string | undefined;
        if (!this.at('op', ':')) {
          type = this.expr();
          if (this.maybe('name', 'as') || this.maybe('op', ',')) name = this.eat('name').v;
        }
        handlers.push({ type, name, body: this.block() });
      }
      if (this.maybe('name', 'else')) body.push(...this.block());
      if (this.maybe('name', 'finally')) final = this.block();
      return [{ k: 'try', body, handlers, final, line }];
    }
    if (this.at('name', 'class') || this.at('name', 'with') || this.at('name', 'lambda') || this.at('name', 'async') || this.at('name', 'yield')) {
      throw this.error(`'${this.tok.v}' is not simulated in this Docker simulator's Python; try it on a real Docker machine`);
    }
    const out = [this.simple()];
    while (this.maybe('op', ';') && !this.at('nl')) out.push(this.simple());
    this.eat('nl');
    return out;
  }

  protected simple(): Stmt {
    const line = this.tok.line;
    if (this.maybe('name', 'pass')) return { k: 'pass', line };
    if (this.maybe('name', 'break')) return { k: 'break', line };
    if (this.maybe('name', 'continue')) return { k: 'continue', line };
    if (this.maybe('name', 'return')) return { k: 'return', e: this.at('nl') || this.at('op', ';') ? undefined : this.exprList(), line };
    if (this.maybe('name', 'raise')) return { k: 'raise', e: this.at('nl') ? undefined : this.expr(), line };
    if (this.maybe('name', 'global')) {
      const names = [this.eat('name').v];
      while (this.maybe('op', ',')) names.push(this.eat('name').v);
      return { k: 'global', names, line };
    }
    if (this.maybe('name', 'import')) {
      const names: [string, string | undefined][] = [];
      do {
        let n = this.eat('name').v;
        while (this.maybe('op', '.')) n += '.' + this.eat('name').v;
        names.push([n, this.maybe('name', 'as') ? this.eat('name').v : undefined]);
      } while (this.maybe('op', ','));
      return { k: 'import', names, line };
    }
    if (this.maybe('name', 'from')) {
      let module = '';
      while (this.maybe('op', '.')) module += '.';
      module += this.eat('name').v;
      while (this.maybe('op', '.')) module += '.' + this.eat('name').v;
      this.eat('name', 'import');
      const paren = this.maybe('op', '(');
      const names: [string, string | undefined][] = [];
      if (this.maybe('op', '*')) names.push(['*', undefined]);
      else {
        do {
          if (paren && this.at('op', ')')) break;
          const n = this.eat('name').v;
          names.push([n, this.maybe('name', 'as') ? this.eat('name').v : undefined]);
        } while (this.maybe('op', ','));
      }
      if (paren) this.eat('op', ')');
      return { k: 'from', module, names, line };
    }
    const first = this.exprList();
    const aug = ['+=', '-=', '*=', '/=', '%=', '//='].find((o) => this.at('op', o));
    if (aug) {
      this.i++;
      return { k: 'augassign', target: first, op: aug.slice(0, -1), value: this.exprList(), line };
    }
    if (this.at('op', '=')) {
      const targets = [first];
      let value = first;
      while (this.maybe('op', '=')) {
        value = this.exprList();
        targets.push(value);
      }
      targets.pop();
      return { k: 'assign', targets, value, line };
    }
    return { k: 'expr', e: first, line };
  }

  protected funcdef(): Stmt {
    const decorators: Expr[] = [];
    while (this.maybe('op', '@')) {
      decorators.push(this.expr());
      this.eat('nl');
    }
    const line = this.tok.line;
    this.eat('name', 'def');
    const name = this.eat('name').v;
    this.eat('op', '(');
    const params: { name: string; def?: Expr; star?: '*' | '**' }[] = [];
    while (!this.at('op', ')')) {
      const star = this.maybe('op', '**') ? '**' : this.maybe('op', '*') ? '*' : undefined;
      const pname = this.eat('name').v;
      if (this.maybe('op', ':')) this.expr();
      params.push({ name: pname, def: this.maybe('op', '=') ? this.expr() : undefined, star });
      if (!this.maybe('op', ',')) break;
    }
    this.eat('op', ')');
    if (this.maybe('op', '->')) this.expr();
    return { k: 'def', name, params, body: this.block(), decorators, line };
  }

  protected ifStmt(): Stmt {
    const line = this.tok.line;
    this.i++; // if / elif
    const test = this.expr();
    const body = this.block();
    let orelse: Stmt[] = [];
    if (this.at('name', 'elif')) orelse = [this.ifStmt()];
    else if (this.maybe('name', 'else')) orelse = this.block();
    return { k: 'if', test, body, orelse, line };
  }

  protected block(): Stmt[] {
    this.eat('op', ':');
    if (!this.at('nl')) {
      const out = [this.simple()];
      while (this.maybe('op', ';') && !this.at('nl')) out.push(this.simple());
      this.eat('nl');
      return out;
    }
    this.eat('nl');
    if (!this.maybe('indent')) throw this.error('expected an indented block');
    const body: Stmt[] = [];
    while (!this.maybe('dedent') && !this.at('eof')) body.push(...this.statement());
    return body;
  }

}
