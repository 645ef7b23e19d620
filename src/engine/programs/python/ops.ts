/** What Python does with values: str() and repr(), truth, arithmetic, % formatting, comparison, iteration, indexing. */
import { PyClass, PyDict, PyFloat, PyFunction, PyList, PyModule, PyObject, PyTuple, key, raise, typeName, type Py } from './objects';

function fmtFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  const s = String(x);
  return s.includes('e') ? s.replace(/e\+?(-?)(\d)$/, 'e$10$2') : s;
}

export function str(v: Py): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyObject && v.attrs.has('__str__')) return String(v.attrs.get('__str__'));
  return repr(v);
}

export function repr(v: Py): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (v instanceof PyFloat) return fmtFloat(v.v);
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    return q + v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(new RegExp(q, 'g'), '\\' + q) + q;
  }
  if (v instanceof PyList) return '[' + v.items.map(repr).join(', ') + ']';
  if (v instanceof PyTuple) return '(' + v.items.map(repr).join(', ') + (v.items.length === 1 ? ',)' : ')');
  if (v instanceof PyDict) return '{' + [...v.map.values()].map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ') + '}';
  if (v instanceof PyFunction) return `<function ${v.name} at 0x7f3a2c1d5e40>`;
  if (typeof v === 'function') return `<built-in function ${v.pyName ?? 'function'}>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyClass) return `<class '${v.name}'>`;
  if (v instanceof PyObject && v.attrs.has('__repr__')) return String(v.attrs.get('__repr__'));
  return `<${(v as PyObject).cls} object at 0x7f3a2c1d5e40>`;
}

export function truthy(v: Py): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.map.size > 0;
  return true;
}

export const num = (v: Py): number | undefined => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v instanceof PyFloat ? v.v : undefined);

export function arith(op: string, a: Py, b: Py): Py {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) {
    const isF = a instanceof PyFloat || b instanceof PyFloat;
    const mk = (r: number) => (isF ? new PyFloat(r) : r);
    switch (op) {
      case '+': return mk(x + y);
      case '-': return mk(x - y);
      case '*': return mk(x * y);
      case '/': if (y === 0) raise('ZeroDivisionError', 'division by zero'); return new PyFloat(x / y);
      case '//': if (y === 0) raise('ZeroDivisionError', 'integer division or modulo by zero'); return mk(Math.floor(x / y));
      case '%': if (y === 0) raise('ZeroDivisionError', 'integer modulo by zero'); return mk(((x % y) + y) % y);
      case '**': return mk(x ** y);
    }
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '+' && a instanceof PyList && b instanceof PyList) return new PyList([...a.items, ...b.items]);
  if (op === '*' && typeof a === 'string' && typeof b === 'number') return a.repeat(Math.max(0, b));
  if (op === '*' && a instanceof PyList && typeof b === 'number') return new PyList(Array.from({ length: Math.max(0, b) }, () => a.items).flat());
  if (op === '%' && typeof a === 'string') return percentFormat(a, b instanceof PyTuple ? b.items : [b]);
  if (op === '+' && typeof a === 'string') raise('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
  raise('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function percentFormat(fmt: string, args: Py[]): string {
  let k = 0;
  return fmt.replace(/%([sdrf%]|\.\d+f)/g, (m, c: string) => {
    if (c === '%') return '%';
    const v = args[k++];
    if (c === 's') return str(v);
    if (c === 'r') return repr(v);
    if (c === 'd') return String(Math.trunc(num(v) ?? 0));
    const digits = c === 'f' ? 6 : Number(c.slice(1, -1));
    return (num(v) ?? 0).toFixed(digits);
  });
}

export function equal(a: Py, b: Py): boolean {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x === y;
  if (a instanceof PyList && b instanceof PyList) return a.items.length === b.items.length && a.items.every((v, i) => equal(v, b.items[i]));
  if (a instanceof PyTuple && b instanceof PyTuple) return a.items.length === b.items.length && a.items.every((v, i) => equal(v, b.items[i]));
  return a === b;
}

export function compare(op: string, a: Py, b: Py): boolean {
  switch (op) {
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case 'is': return a === b;
    case 'is not': return a !== b;
    case 'in': case 'not in': {
      let r: boolean;
      if (typeof b === 'string') r = typeof a === 'string' && b.includes(a);
      else if (b instanceof PyList || b instanceof PyTuple) r = b.items.some((v) => equal(v, a));
      else if (b instanceof PyDict) r = b.map.has(key(a));
      else raise('TypeError', `argument of type '${typeName(b)}' is not iterable`);
      return op === 'in' ? r : !r;
    }
  }
  const x = num(a);
  const y = num(b);
  let c: number;
  if (x !== undefined && y !== undefined) c = x - y;
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else raise('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}

export function iterate(v: Py): Py[] {
  if (v instanceof PyList || v instanceof PyTuple) return [...v.items];
  if (typeof v === 'string') return [...v];
  if (v instanceof PyDict) return [...v.map.values()].map(([k]) => k);
  raise('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function normIndex(len: number, i: Py): number {
  const n = num(i);
  if (n === undefined) raise('TypeError', `list indices must be integers or slices, not ${typeName(i)}`);
  const k = n < 0 ? len + n : n;
  if (k < 0 || k >= len) raise('IndexError', 'list index out of range');
  return k;
}
