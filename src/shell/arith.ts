/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`-style): 64-bit-ish integers (JS numbers truncated),
 * C operators and precedence, assignments, `++`/`--`, variables by bare name whose values are
 * themselves evaluated as expressions (as bash does).
 */

export class ArithError extends Error {
  constructor(message: string, readonly token = '') {
    super(message);
    this.name = 'ArithError';
  }
}

export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='];
const TOKEN_RE = /\s*(0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<=|>>=|\+\+|--|[-+*/%&|^<>!=]=|&&|\|\||<<|>>|[-+*/%&|^<>!=~?:(),])/y;

export function evalArith(expr: string, env: ArithEnv, depth = 0): number {
  if (depth > 64) throw new ArithError('expression recursion level exceeded');
  const toks: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(expr);
    if (!m) throw new ArithError('syntax error: invalid arithmetic operator', expr.slice(pos).trim());
    toks.push(m[1]);
    pos = TOKEN_RE.lastIndex;
  }
  if (!toks.length) return 0;
  let i = 0;
  const rest = () => toks.slice(i).join(' ');
  const peek = () => toks[i];
  const isName = (t: string | undefined) => t !== undefined && /^[A-Za-z_]/.test(t);

  const value = (name: string): number => {
    const v = env.get(name);
    if (v === undefined || v.trim() === '') return 0;
    return evalArith(v, env, depth + 1);
  };
  const num = (t: string): number => {
    if (/^0[xX]/.test(t)) return parseInt(t, 16);
    const b = /^(\d+)#(.+)$/.exec(t);
    if (b) {
      const base = Number(b[1]);
      let n = 0;
      for (const ch of b[2]) {
        const d = /\d/.test(ch) ? +ch : /[a-z]/.test(ch) ? ch.charCodeAt(0) - 87 : /[A-Z]/.test(ch) ? (base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29) : ch === '@' ? 62 : 63;
        if (d >= base) throw new ArithError('value too great for base', t);
        n = n * base + d;
      }
      return n;
    }
    if (/^0\d/.test(t)) {
      if (/[89]/.test(t)) throw new ArithError('value too great for base', t);
      return parseInt(t, 8);
    }
    return Number(t);
  };
  const trunc = (n: number) => (Number.isFinite(n) ? Math.trunc(n) : 0);

  const binop = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return trunc(a * b);
      case '/': case '%':
        if (b === 0) throw new ArithError('division by 0', String(b));
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**':
        if (b < 0) throw new ArithError('exponent less than 0', String(b));
        return trunc(a ** b);
      case '<<': return Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)));
      case '>>': return a >> b;
      case '&': return Number(BigInt(a) & BigInt(b));
      case '|': return Number(BigInt(a) | BigInt(b));
      case '^': return Number(BigInt(a) ^ BigInt(b));
      case '==': return +(a === b);
      case '!=': return +(a !== b);
      case '<': return +(a < b);
      case '>': return +(a > b);
      case '<=': return +(a <= b);
      case '>=': return +(a >= b);
      case '&&': return +(a !== 0 && b !== 0);
      case '||': return +(a !== 0 || b !== 0);
    }
    throw new ArithError('syntax error: invalid arithmetic operator', op);
  };

  const unary = (): number => {
    const t = toks[i++];
    if (t === undefined) throw new ArithError('syntax error: operand expected', '');
    if (t === '(') {
      const v = comma();
      if (toks[i++] !== ')') throw new ArithError("missing `)'", rest());
      return v;
    }
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return +(unary() === 0);
    if (t === '~') return ~unary();
    if (t === '++' || t === '--') {
      const n = toks[i++];
      if (!isName(n)) throw new ArithError('syntax error: operand expected', n ?? '');
      const v = value(n) + (t === '++' ? 1 : -1);
      env.set(n, String(v));
      return v;
    }
    if (isName(t)) {
      if (peek() === '++' || peek() === '--') {
        const op = toks[i++];
        const v = value(t);
        env.set(t, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      if (ASSIGN.includes(peek())) {
        const op = toks[i++];
        const rhs = assign();
        const v = op === '=' ? rhs : binop(op.slice(0, -1), value(t), rhs);
        env.set(t, String(v));
        return v;
      }
      return value(t);
    }
    if (/^\d/.test(t)) return num(t);
    throw new ArithError('syntax error: operand expected', [t, ...toks.slice(i)].join(' '));
  };

  const binary = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const op = peek();
      const prec = op !== undefined ? BINARY[op] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      i++;
      // ** is right-associative; the rest associate left.
      const right = binary(op === '**' ? prec : prec + 1);
      left = binop(op, left, right);
    }
  };

  const ternary = (): number => {
    const c = binary(1);
    if (peek() !== '?') return c;
    i++;
    const a = assign();
    if (toks[i++] !== ':') throw new ArithError("expected `:' for conditional expression", rest());
    const b = assign();
    return c !== 0 ? a : b;
  };

  const assign = (): number => ternary();
  const comma = (): number => {
    let v = assign();
    while (peek() === ',') {
      i++;
      v = assign();
    }
    return v;
  };

  const v = comma();
  if (i < toks.length) throw new ArithError('syntax error in expression', rest());
  return v;
}
