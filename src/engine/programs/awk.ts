/**
 * awk (the POSIX language, as mawk/gawk/BusyBox run it): `-F`, `-v`, `-f`, BEGIN/END, patterns
 * (expressions, /regex/, ranges), fields and NF/NR/FNR/FS/OFS/ORS/FILENAME, associative arrays,
 * if/while/do/for/for-in, next/exit, print/printf (with `>`/`>>` to a file), and the string and
 * arithmetic built-ins. Left out: getline, user-defined functions, pipes to commands, system().
 */
import type { ProgramContext } from '../process/types';
import { posixToJs } from './grep';
import { concat, decode } from './lib/io';

type Val = string | number;
type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Node }
  | { k: 'idx'; name: string; keys: Node[] }
  | { k: 'assign'; op: string; target: Node; e: Node }
  | { k: 'cond'; c: Node; a: Node; b: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'un'; op: string; e: Node }
  | { k: 'incdec'; op: string; prefix: boolean; target: Node }
  | { k: 'in'; keys: Node[]; name: string }
  | { k: 'match'; neg: boolean; a: Node; re: Node }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'group'; e: Node };
type Stmt =
  | { k: 'expr'; e: Node }
  | { k: 'print'; args: Node[]; f: boolean; dest?: { op: string; e: Node } }
  | { k: 'if'; c: Node; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Node; body: Stmt }
  | { k: 'do'; c: Node; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Node }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; keys?: Node[] };
interface Item {
  pattern?: Node;
  range?: [Node, Node];
  begin?: boolean;
  end?: boolean;
  action?: Stmt;
  active?: boolean;
}

class AwkSyntax extends Error {}
class Next {}
class Exit {
  constructor(readonly code: number) {}
}
class Break {}
class Continue {}

const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'toupper', 'tolower', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand']);

interface Tok {
  t: string;
  v: string;
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    if (!p) return true;
    if (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 'builtin' || p.t === 're') return false;
    return !(p.t === ')' || p.t === ']' || p.t === '$' || p.t === '++' || p.t === '--');
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      out.push({ t: c === '\n' ? 'nl' : ';', v: c });
      i++;
      continue;
    }
    if (/[0-9.]/.test(c) && /[0-9]/.test(c + (src[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|\d*\.?\d+(?:[eE][-+]?\d+)?|\d+\.)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') {
          const n = src[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : n === '"' ? '"' : n === '/' ? '/' : '\\' + n;
          i++;
        } else s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntax('runaway string constant "' + s.slice(0, 10) + ' ...');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && prevAllowsRegex()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
        } else if (src[i] === '\n') throw new AwkSyntax('runaway regular expression /' + s.slice(0, 10) + ' ...');
        else s += src[i++];
      }
      i++;
      out.push({ t: 're', v: s });
      continue;
    }
    const w = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (w) {
      const word = w[0];
      out.push({ t: BUILTINS.has(word) ? 'builtin' : ['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'in', 'next', 'exit', 'print', 'printf', 'delete', 'break', 'continue', 'getline', 'function'].includes(word) ? word : 'name', v: word });
      i += word.length;
      continue;
    }
    const ops = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '>>', '!~', '**'];
    const op = ops.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: op === '**' ? '^' : op, v: op });
      i += op.length;
      continue;
    }
    if ('{}()[],;+-*/%^!<>=?:~$|'.includes(c)) {
      out.push({ t: c, v: c });
      i++;
      continue;
    }
    throw new AwkSyntax(`syntax error at or near ${c}`);
  }
  out.push({ t: 'eof', v: '' });
  return out;
}

class Parser {
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
      this.eat('(');
      const c = this.expr();
      this.eat(')');
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
      this.eat('(');
      const c = this.expr();
      this.eat(')');
      this.nl();
      return { k: 'while', c, body: this.stmt() };
    }
    if (this.is('do')) {
      this.p++;
      this.nl();
      const body = this.stmt();
      this.term();
      this.eat('while');
      this.eat('(');
      const c = this.expr();
      this.eat(')');
      return { k: 'do', c, body };
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
    let a = this.and(noGt);
    while (this.is('||')) {
      this.p++;
      this.nl();
      a = { k: 'bin', op: '||', a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Node {
    let a = this.inExpr(noGt);
    while (this.is('&&')) {
      this.p++;
      this.nl();
      a = { k: 'bin', op: '&&', a, b: this.inExpr(noGt) };
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

const isNumStr = (s: string) => /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)\s*$/.test(s);

function num(v: Val): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(v);
  return m ? Number(m[0]) : 0;
}

function numStr(n: number, convfmt = '%.6g'): string {
  if (Number.isInteger(n)) return String(n);
  return sprintf(convfmt, [n]);
}

function sprintf(fmt: string, args: Val[]): string {
  let i = 0;
  return fmt.replace(/%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([cdiouxXeEfgGs%])/g, (_m, flags: string, w: string | undefined, pr: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? num(args[i++] ?? 0) : w ? Number(w) : 0;
    const prec = pr === '*' ? num(args[i++] ?? 0) : pr !== undefined ? Number(pr) : undefined;
    const a = args[i++] ?? '';
    let s: string;
    switch (conv) {
      case 'c': s = typeof a === 'number' ? String.fromCharCode(a) : String(a).charAt(0); break;
      case 'd': case 'i': s = String(Math.trunc(num(a))); if (flags.includes('+') && num(a) >= 0) s = '+' + s; break;
      case 'o': s = Math.trunc(num(a)).toString(8); break;
      case 'u': s = String(Math.abs(Math.trunc(num(a)))); break;
      case 'x': s = Math.trunc(num(a)).toString(16); break;
      case 'X': s = Math.trunc(num(a)).toString(16).toUpperCase(); break;
      case 'e': case 'E': s = num(a).toExponential(prec ?? 6).replace(/e([-+])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
      case 'f': s = num(a).toFixed(prec ?? 6); break;
      case 'g': case 'G': {
        const n = num(a);
        const p = prec === 0 ? 1 : prec ?? 6;
        const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
        s = exp < -4 || exp >= p ? n.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([-+])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p)));
        if (conv === 'G') s = s.toUpperCase();
        break;
      }
      default: s = typeof a === 'number' ? numStr(a) : a; if (prec !== undefined) s = s.slice(0, prec);
    }
    if (s.length < width) s = flags.includes('-') ? s.padEnd(width) : flags.includes('0') && conv !== 's' ? (s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0')) : s.padStart(width);
    return s;
  });
}

function toRegex(v: Val | RegExp): RegExp {
  if (v instanceof RegExp) return v;
  return new RegExp(posixToJs(String(v), true));
}

export async function awk(ctx: ProgramContext): Promise<number> {
  const name = (ctx.argv[0] ?? 'awk').split('/').pop()!;
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let src: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-F') fs = args[++i];
    else if (a.startsWith('-F')) fs = a.slice(2);
    else if (a === '-v') {
      const kv = args[++i] ?? '';
      assigns.push([kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]);
    } else if (a.startsWith('-v')) assigns.push([a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]);
    else if (a === '-f') {
      try {
        src = (src ?? '') + decode(ctx.fs.readFile(args[++i])) + '\n';
      } catch {
        await ctx.stderr.write(`${name}: couldn't open file ${args[i]}\n`);
        return 2;
      }
    } else if (a === '--version' || a === '-W' && args[i + 1] === 'version') {
      await ctx.stdout.write('mawk 1.3.4 20200120\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      await ctx.stderr.write(`${name}: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  if (src === undefined) {
    if (i >= args.length) {
      await ctx.stderr.write(`usage: ${name} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${name} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`);
      return 2;
    }
    src = args[i++];
  }
  const operands = args.slice(i);
  let items: Item[];
  try {
    items = new Parser(lex(src)).program();
  } catch (e) {
    if (e instanceof AwkSyntax) {
      await ctx.stderr.write(`${name}: line 1: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const vars = new Map<string, Val>([['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['RS', '\n'], ['NR', 0], ['NF', 0], ['FNR', 0], ['SUBSEP', '\x1c'], ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['RSTART', 0], ['RLENGTH', -1], ['FILENAME', '']]);
  const arrays = new Map<string, Map<string, Val>>();
  const env = new Map<string, Val>(Object.entries(ctx.env));
  arrays.set('ENVIRON', env);
  if (fs !== undefined) vars.set('FS', fs === 't' ? '\t' : fs.replace(/\\t/g, '\t'));
  for (const [k, v] of assigns) vars.set(k, v.replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
  let fields: string[] = [''];
  let out = '';
  const files = new Map<string, string>();
  const flush = async () => {
    if (out) await ctx.stdout.write(out);
    out = '';
  };

  const split = (s: string, sep: Val): string[] => {
    const f = String(sep);
    if (f === ' ') return s.split(/[ \t\n]+/).filter((x, k, a) => x !== '' || (k > 0 && k < a.length - 1));
    if (s === '') return [];
    if (f.length === 1 && f !== '\\') return s.split(f);
    return s.split(toRegex(f));
  };
  const setRecord = (line: string) => {
    const parts = split(line, vars.get('FS')!).filter((x, k, a) => !(String(vars.get('FS')) === ' ' && x === '' && (k === 0 || k === a.length - 1)));
    fields = [line, ...parts];
    vars.set('NF', parts.length);
  };
  const rebuild = () => {
    const nf = num(vars.get('NF')!);
    fields.length = nf + 1;
    for (let k = 1; k <= nf; k++) if (fields[k] === undefined) fields[k] = '';
    fields[0] = fields.slice(1).join(String(vars.get('OFS')));
  };
  const arr = (n: string) => {
    let a = arrays.get(n);
    if (!a) arrays.set(n, (a = new Map()));
    return a;
  };
  const key = (ks: Node[]) => ks.map((k) => str(ev(k))).join(String(vars.get('SUBSEP')));
  const str = (v: Val) => (typeof v === 'number' ? numStr(v, String(vars.get('CONVFMT'))) : v);
  const getField = (n: number): Val => {
    const v = fields[n] ?? '';
    return v;
  };
  const assign = (target: Node, v: Val): Val => {
    if (target.k === 'var') {
      vars.set(target.name, v);
      if (target.name === 'NF') rebuild();
    } else if (target.k === 'idx') arr(target.name).set(key(target.keys), v);
    else if (target.k === 'field') {
      const n = Math.trunc(num(ev(target.e)));
      if (n === 0) setRecord(str(v));
      else {
        fields[n] = str(v);
        if (n > num(vars.get('NF')!)) vars.set('NF', n);
        rebuild();
      }
    }
    return v;
  };
  const get = (target: Node): Val => ev(target);

  const compare = (a: Val, b: Val, aNode: Node, bNode: Node): number => {
    const numeric = (v: Val, n: Node) => typeof v === 'number' || ((n.k === 'field' || (n.k === 'var' && n.name !== 'FILENAME') || n.k === 'idx') && isNumStr(v));
    if (numeric(a, aNode) && numeric(b, bNode)) return num(a) - num(b);
    const x = str(a);
    const y = str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

  const ev = (n: Node): Val => {
    switch (n.k) {
      case 'num': return n.v;
      case 'str': return n.v;
      case 're': return toRegex(n.v).test(fields[0]) ? 1 : 0;
      case 'group': return ev(n.e);
      case 'var': {
        if (n.name === 'NF' || n.name === 'NR' || n.name === 'FNR') return vars.get(n.name) ?? 0;
        return vars.get(n.name) ?? '';
      }
      case 'field': return getField(Math.trunc(num(ev(n.e))));
      case 'idx': {
        const a = arr(n.name);
        const k = key(n.keys);
        if (!a.has(k)) a.set(k, '');
        return a.get(k)!;
      }
      case 'in': return arr(n.name).has(key(n.keys)) ? 1 : 0;
      case 'assign': {
        const v = ev(n.e);
        if (n.op === '=') return assign(n.target, v);
        const cur = num(get(n.target));
        const r = num(v);
        const res = n.op === '+=' ? cur + r : n.op === '-=' ? cur - r : n.op === '*=' ? cur * r : n.op === '/=' ? cur / r : n.op === '%=' ? cur % r : cur ** r;
        return assign(n.target, res);
      }
      case 'incdec': {
        const cur = num(get(n.target));
        const nv = n.op === '++' ? cur + 1 : cur - 1;
        assign(n.target, nv);
        return n.prefix ? nv : cur;
      }
      case 'cond': return truthy(ev(n.c), n.c) ? ev(n.a) : ev(n.b);
      case 'un': {
        if (n.op === '!') return truthy(ev(n.e), n.e) ? 0 : 1;
        const v = num(ev(n.e));
        return n.op === '-' ? -v : v;
      }
      case 'match': {
        const re = n.re.k === 're' ? toRegex(n.re.v) : toRegex(str(ev(n.re)));
        const r = re.test(str(ev(n.a)));
        return r !== n.neg ? 1 : 0;
      }
      case 'bin': {
        if (n.op === '&&') return truthy(ev(n.a), n.a) && truthy(ev(n.b), n.b) ? 1 : 0;
        if (n.op === '||') return truthy(ev(n.a), n.a) || truthy(ev(n.b), n.b) ? 1 : 0;
        const a = ev(n.a);
        const b = ev(n.b);
        switch (n.op) {
          case 'concat': return str(a) + str(b);
          case '+': return num(a) + num(b);
          case '-': return num(a) - num(b);
          case '*': return num(a) * num(b);
          case '/': {
            if (num(b) === 0) throw new Error('division by zero');
            return num(a) / num(b);
          }
          case '%': return num(a) % num(b);
          case '^': return num(a) ** num(b);
          default: {
            const c = compare(a, b, n.a, n.b);
            return (n.op === '<' ? c < 0 : n.op === '<=' ? c <= 0 : n.op === '>' ? c > 0 : n.op === '>=' ? c >= 0 : n.op === '==' ? c === 0 : c !== 0) ? 1 : 0;
          }
        }
      }
      case 'call': return call(n.name, n.args);
    }
  };

  const truthy = (v: Val, n: Node): boolean => {
    if (typeof v === 'number') return v !== 0;
    if ((n.k === 'field' || n.k === 'var' || n.k === 'idx') && isNumStr(v)) return num(v) !== 0;
    return v !== '';
  };

  const call = (fn: string, a: Node[]): Val => {
    const s = (k: number) => str(ev(a[k]));
    switch (fn) {
      case 'length': return a.length ? (a[0].k === 'var' && arrays.has(a[0].name) ? arrays.get(a[0].name)!.size : [...s(0)].length) : [...fields[0]].length;
      case 'substr': {
        const t = [...s(0)];
        const m = Math.round(num(ev(a[1])));
        const len = a[2] ? Math.round(num(ev(a[2]))) : Infinity;
        const start = Math.max(1, m);
        const end = len === Infinity ? t.length + 1 : m + len;
        return t.slice(start - 1, Math.max(start - 1, end - 1)).join('');
      }
      case 'index': return s(0).indexOf(s(1)) + 1;
      case 'split': {
        if (a[1]?.k !== 'var') throw new Error('split: second argument must be an array');
        const parts = split(s(0), a[2] ? (a[2].k === 're' ? a[2].v : ev(a[2])) : vars.get('FS')!);
        const target = new Map<string, Val>();
        parts.forEach((p, k) => target.set(String(k + 1), p));
        arrays.set(a[1].name, target);
        return parts.length;
      }
      case 'sub': case 'gsub': {
        const re = a[0].k === 're' ? toRegex(a[0].v) : toRegex(s(0));
        const target = a[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
        const cur = str(ev(target));
        let count = 0;
        const g = new RegExp(re.source, 'g');
        const repl = s(1);
        const res = cur.replace(g, (m) => {
          if (fn === 'sub' && count) return m;
          count++;
          return repl.replace(/\\\\&|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count) assign(target, res);
        return count;
      }
      case 'match': {
        const re = a[1].k === 're' ? toRegex(a[1].v) : toRegex(s(1));
        const m = re.exec(s(0));
        vars.set('RSTART', m ? m.index + 1 : 0);
        vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf': return sprintf(s(0), a.slice(1).map((x) => ev(x)));
      case 'toupper': return s(0).toUpperCase();
      case 'tolower': return s(0).toLowerCase();
      case 'int': return Math.trunc(num(ev(a[0])));
      case 'sqrt': return Math.sqrt(num(ev(a[0])));
      case 'exp': return Math.exp(num(ev(a[0])));
      case 'log': return Math.log(num(ev(a[0])));
      case 'sin': return Math.sin(num(ev(a[0])));
      case 'cos': return Math.cos(num(ev(a[0])));
      case 'atan2': return Math.atan2(num(ev(a[0])), num(ev(a[1])));
      case 'rand': return ctx.sys.rng.int(1_000_000) / 1_000_000;
      case 'srand': return 0;
      default: return '';
    }
  };

  const write = (text: string, dest?: { op: string; e: Node }) => {
    if (!dest) {
      out += text;
      return;
    }
    if (dest.op === '|') throw new Error('output to a command is not simulated');
    const file = str(ev(dest.e));
    if (file === '/dev/stdout' || file === '-') out += text;
    else if (file === '/dev/stderr') void ctx.stderr.write(text);
    else {
      const prev = files.get(file);
      const content = prev === undefined ? (dest.op === '>>' ? (ctx.fs.exists(file) ? decode(ctx.fs.readFile(file)) : '') : '') + text : prev + text;
      files.set(file, content);
      ctx.fs.writeFile(file, content);
    }
  };

  const exec = (s: Stmt): void => {
    switch (s.k) {
      case 'expr': ev(s.e); return;
      case 'print': {
        if (s.f) {
          const vals = s.args.map((a) => ev(a));
          write(sprintf(str(vals[0] ?? ''), vals.slice(1)), s.dest);
        } else {
          const text = s.args.length ? s.args.map((a) => { const v = ev(a); return typeof v === 'number' ? numStr(v, String(vars.get('OFMT'))) : v; }).join(String(vars.get('OFS'))) : fields[0];
          write(text + String(vars.get('ORS')), s.dest);
        }
        return;
      }
      case 'if': if (truthy(ev(s.c), s.c)) exec(s.t); else if (s.f) exec(s.f); return;
      case 'while':
        while (truthy(ev(s.c), s.c)) {
          try { exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        }
        return;
      case 'do':
        do {
          try { exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        } while (truthy(ev(s.c), s.c));
        return;
      case 'for':
        for (s.init && exec(s.init); s.c ? truthy(ev(s.c), s.c) : true; s.step && exec(s.step)) {
          try { exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        }
        return;
      case 'forin':
        for (const k of [...arr(s.arr).keys()]) {
          vars.set(s.v, k);
          try { exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        }
        return;
      case 'block': for (const b of s.body) exec(b); return;
      case 'next': throw new Next();
      case 'exit': throw new Exit(s.e ? Math.trunc(num(ev(s.e))) : 0);
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'delete': if (s.keys) arr(s.name).delete(key(s.keys)); else arrays.set(s.name, new Map()); return;
    }
  };

  const runItem = (it: Item) => (it.action ? exec(it.action) : (out += fields[0] + String(vars.get('ORS'))));
  let code = 0;
  let exiting = false;
  try {
    try {
      for (const it of items) if (it.begin) runItem(it);
    } catch (e) {
      if (e instanceof Exit) {
        code = e.code;
        exiting = true;
      } else if (!(e instanceof Next)) throw e;
    }
    const main = items.filter((it) => !it.begin && !it.end);
    if (!exiting && (main.length || items.some((it) => it.end))) {
      const inputs = operands.filter((o) => !/^[A-Za-z_]\w*=/.test(o));
      for (const f of inputs.length ? inputs : ['-']) {
        let text: string;
        if (f === '-') {
          const chunks: Uint8Array[] = [];
          for (;;) {
            const c = await ctx.stdin.read(ctx.signal);
            if (!c) break;
            chunks.push(c);
          }
          text = decode(concat(chunks));
        } else {
          try {
            text = decode(ctx.fs.readFile(f));
          } catch {
            await flush();
            await ctx.stderr.write(`${name}: cannot open ${f} (No such file or directory)\n`);
            code = 2;
            continue;
          }
        }
        vars.set('FILENAME', f === '-' ? '' : f);
        vars.set('FNR', 0);
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          vars.set('NR', num(vars.get('NR')!) + 1);
          vars.set('FNR', num(vars.get('FNR')!) + 1);
          setRecord(line);
          try {
            for (const it of main) {
              let hit: boolean;
              if (it.range) {
                if (!it.active) {
                  hit = truthy(ev(it.range[0]), it.range[0]);
                  if (hit) it.active = !truthy(ev(it.range[1]), it.range[1]);
                } else {
                  hit = true;
                  if (truthy(ev(it.range[1]), it.range[1])) it.active = false;
                }
              } else hit = !it.pattern || truthy(ev(it.pattern), it.pattern);
              if (hit) runItem(it);
            }
          } catch (e) {
            if (e instanceof Next) continue;
            if (e instanceof Exit) {
              code = e.code;
              exiting = true;
              break;
            }
            throw e;
          }
          if (out.length > 8192) await flush();
        }
        if (exiting) break;
      }
    }
    try {
      for (const it of items) if (it.end) runItem(it);
    } catch (e) {
      if (e instanceof Exit) code = e.code;
      else if (!(e instanceof Next)) throw e;
    }
  } catch (e) {
    if (e instanceof Next || e instanceof Exit) {
      /* handled above */
    } else if (e instanceof Error) {
      await flush();
      await ctx.stderr.write(`${name}: run time error: ${e.message}\n\tFILENAME="${str(vars.get('FILENAME')!)}" FNR=${str(vars.get('FNR')!)} NR=${str(vars.get('NR')!)}\n`);
      return 2;
    } else throw e;
  }
  await flush();
  return code;
}

