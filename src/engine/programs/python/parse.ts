/**
 * A Python subset, parsed: what the notes' scripts and Flask apps use (imports, def with defaults
 * and decorators, if/elif/else, for, while, try/except/finally, return, assignments, calls with
 * keywords, attributes, subscripts, arithmetic and comparisons, str/int/float/bool/None, lists,
 * dicts, tuples, f-strings, implicit string concatenation and line joining). Anything else raises
 * a SyntaxError that says the simulator does not model it.
 */
export type Expr =
  | { k: 'num'; v: number; float: boolean }
  | { k: 'str'; v: string }
  | { k: 'fstr'; parts: (string | Expr)[] }
  | { k: 'name'; id: string }
  | { k: 'const'; v: null | boolean }
  | { k: 'list' | 'tuple'; items: Expr[] }
  | { k: 'dict'; items: [Expr, Expr][] }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: [string, Expr][] }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'unary'; op: string; a: Expr }
  | { k: 'bool'; op: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'cmp'; ops: string[]; items: Expr[] }
  | { k: 'ifexp'; test: Expr; a: Expr; b: Expr }
  | { k: 'listcomp'; elt: Expr; target: Expr; iter: Expr; cond?: Expr };

export type Stmt = { line: number } & (
  | { k: 'expr'; e: Expr }
  | { k: 'assign'; targets: Expr[]; value: Expr }
  | { k: 'augassign'; target: Expr; op: string; value: Expr }
  | { k: 'import'; names: [string, string | undefined][] }
  | { k: 'from'; module: string; names: [string, string | undefined][] }
  | { k: 'def'; name: string; params: { name: string; def?: Expr; star?: '*' | '**' }[]; body: Stmt[]; decorators: Expr[] }
  | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'while'; test: Expr; body: Stmt[] }
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[] }
  | { k: 'try'; body: Stmt[]; handlers: { type?: Expr; name?: string; body: Stmt[] }[]; final: Stmt[] }
  | { k: 'return'; e?: Expr }
  | { k: 'raise'; e?: Expr }
  | { k: 'pass' | 'break' | 'continue' }
  | { k: 'global'; names: string[] }
);

export class PySyntaxError extends Error {
  constructor(msg: string, readonly line: number, readonly text = '') {
    super(msg);
  }
}

interface Tok {
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

export function parseModule(src: string): Stmt[] {
  const p = new Parser(tokenize(src), src.split('\n'));
  const body: Stmt[] = [];
  while (!p.at('eof')) body.push(...p.statement());
  return body;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly lines: string[],
  ) {}

  private get tok(): Tok {
    return this.toks[this.i];
  }
  at(t: Tok['t'], v?: string): boolean {
    return this.tok.t === t && (v === undefined || this.tok.v === v);
  }
  private eat(t: Tok['t'], v?: string): Tok {
    if (!this.at(t, v)) throw this.error(`invalid syntax`);
    return this.toks[this.i++];
  }
  private maybe(t: Tok['t'], v?: string): boolean {
    if (this.at(t, v)) {
      this.i++;
      return true;
    }
    return false;
  }
  private error(msg: string): PySyntaxError {
    return new PySyntaxError(msg, this.tok.line, this.lines[this.tok.line - 1]?.trim() ?? '');
  }

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

  private simple(): Stmt {
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

  private funcdef(): Stmt {
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

  private ifStmt(): Stmt {
    const line = this.tok.line;
    this.i++; // if / elif
    const test = this.expr();
    const body = this.block();
    let orelse: Stmt[] = [];
    if (this.at('name', 'elif')) orelse = [this.ifStmt()];
    else if (this.maybe('name', 'else')) orelse = this.block();
    return { k: 'if', test, body, orelse, line };
  }

  private block(): Stmt[] {
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

  private targetList(): Expr {
    const first = this.primary();
    if (!this.at('op', ',')) return first;
    const items = [first];
    while (this.maybe('op', ',') && !this.at('name', 'in')) items.push(this.primary());
    return { k: 'tuple', items };
  }

  private exprList(): Expr {
    const first = this.expr();
    if (!this.at('op', ',')) return first;
    const items = [first];
    while (this.maybe('op', ',')) {
      if (this.at('nl') || this.at('op', '=') || this.at('op', ')')) break;
      items.push(this.expr());
    }
    return { k: 'tuple', items };
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
  private orExpr(): Expr {
    let a = this.andExpr();
    while (this.maybe('name', 'or')) a = { k: 'bool', op: 'or', a, b: this.andExpr() };
    return a;
  }
  private andExpr(): Expr {
    let a = this.notExpr();
    while (this.maybe('name', 'and')) a = { k: 'bool', op: 'and', a, b: this.notExpr() };
    return a;
  }
  private notExpr(): Expr {
    if (this.maybe('name', 'not')) return { k: 'unary', op: 'not', a: this.notExpr() };
    return this.comparison();
  }
  private comparison(): Expr {
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
  private arith(): Expr {
    let a = this.term();
    for (;;) {
      const op = ['+', '-'].find((o) => this.at('op', o));
      if (!op) return a;
      this.i++;
      a = { k: 'bin', op, a, b: this.term() };
    }
  }
  private term(): Expr {
    let a = this.factor();
    for (;;) {
      const op = ['*', '/', '//', '%'].find((o) => this.at('op', o));
      if (!op) return a;
      this.i++;
      a = { k: 'bin', op, a, b: this.factor() };
    }
  }
  private factor(): Expr {
    if (this.maybe('op', '-')) return { k: 'unary', op: '-', a: this.factor() };
    if (this.maybe('op', '+')) return this.factor();
    const base = this.primary();
    if (this.maybe('op', '**')) return { k: 'bin', op: '**', a: base, b: this.factor() };
    return base;
  }

  private primary(): Expr {
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

  private atom(): Expr {
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
      const items = [e];
      while (this.maybe('op', ',')) {
        if (this.at('op', ')')) break;
        items.push(this.expr());
      }
      this.eat('op', ')');
      return { k: 'tuple', items };
    }
    if (this.maybe('op', '[')) {
      const items: Expr[] = [];
      if (!this.at('op', ']')) {
        const first = this.expr();
        if (this.maybe('name', 'for')) {
          const target = this.targetList();
          this.eat('name', 'in');
          const iter = this.orExpr();
          const cond = this.maybe('name', 'if') ? this.orExpr() : undefined;
          this.eat('op', ']');
          return { k: 'listcomp', elt: first, target, iter, cond };
        }
        items.push(first);
        while (this.maybe('op', ',')) {
          if (this.at('op', ']')) break;
          items.push(this.expr());
        }
      }
      this.eat('op', ']');
      return { k: 'list', items };
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

  private fstring(s: string, line: number): (string | Expr)[] {
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
        const sub = new Parser(tokenize(inner), [inner]);
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
