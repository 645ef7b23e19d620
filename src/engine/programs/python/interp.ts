/**
 * The evaluator for the Python subset of parse.ts: Python values on JS ones (str, int as number,
 * float as PyFloat, bool, None as null, list, tuple, dict as PyDict), functions and closures,
 * exceptions with Python's names and tracebacks, and modules looked up by name (modules.ts).
 * Everything is async so a program can wait on sockets (Flask, redis) and signals.
 */
import type { ProgramContext } from '../../process/types';
import { parseModule, PySyntaxError, type Expr, type Stmt } from './parse';
import { pushAll } from '../../../lib/arrays';

export class PyFloat {
  constructor(readonly v: number) {}
}
export class PyTuple {
  constructor(readonly items: Py[]) {}
}
export class PyList {
  constructor(public items: Py[]) {}
}
export class PyDict {
  readonly map = new Map<string, [Py, Py]>();
  get(k: Py): Py | undefined {
    return this.map.get(key(k))?.[1];
  }
  set(k: Py, v: Py): void {
    this.map.set(key(k), [k, v]);
  }
}
export class PyObject {
  attrs = new Map<string, Py>();
  constructor(readonly cls: string) {}
}
export type Builtin = ((args: Py[], kwargs: Map<string, Py>) => Promise<Py> | Py) & { pyName?: string };
export class PyFunction {
  constructor(
    readonly name: string,
    readonly params: { name: string; def?: Py; star?: '*' | '**' }[],
    readonly body: Stmt[],
    readonly scope: Scope,
    readonly file: string,
  ) {}
}
export class PyModule {
  constructor(
    readonly name: string,
    readonly attrs: Map<string, Py>,
  ) {}
}
export class PyClass {
  constructor(
    readonly name: string,
    readonly bases: PyClass[],
    readonly make?: (args: Py[], kwargs: Map<string, Py>) => Py | Promise<Py>,
  ) {}
  isSub(other: PyClass): boolean {
    return this === other || this.bases.some((b) => b.isSub(other));
  }
}
export type Py = null | boolean | number | string | PyFloat | PyTuple | PyList | PyDict | PyObject | PyFunction | PyModule | PyClass | Builtin;

/** A raised Python exception (class + message). */
export class PyError extends Error {
  frames: { file: string; line: number; name: string }[] = [];
  constructor(
    readonly cls: PyClass,
    readonly msg: string,
    readonly value?: PyObject,
  ) {
    super(`${cls.name}: ${msg}`);
  }
}

const BaseException = new PyClass('BaseException', []);
export const EXC: Record<string, PyClass> = { BaseException };
function exc(name: string, base = 'Exception'): PyClass {
  const c = new PyClass(name, [EXC[base] ?? BaseException]);
  EXC[name] = c;
  return c;
}
exc('Exception', 'BaseException');
exc('SystemExit', 'BaseException');
exc('KeyboardInterrupt', 'BaseException');
for (const n of ['NameError', 'TypeError', 'ValueError', 'ImportError', 'AttributeError', 'LookupError', 'ZeroDivisionError', 'RuntimeError', 'OSError', 'AssertionError', 'NotImplementedError', 'StopIteration']) exc(n);
exc('ModuleNotFoundError', 'ImportError');
exc('KeyError', 'LookupError');
exc('IndexError', 'LookupError');
exc('ConnectionError', 'OSError');
exc('FileNotFoundError', 'OSError');

export function raise(cls: string, msg: string): never {
  throw new PyError(EXC[cls] ?? EXC.Exception, msg);
}

function key(k: Py): string {
  if (typeof k === 'string') return 's:' + k;
  if (typeof k === 'number' || typeof k === 'boolean') return 'n:' + Number(k);
  if (k instanceof PyFloat) return 'n:' + k.v;
  if (k === null) return 'none';
  if (k instanceof PyTuple) return 't:' + k.items.map(key).join(',');
  raise('TypeError', `unhashable type: '${typeName(k)}'`);
}

export function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyList) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PyFunction || typeof v === 'function') return 'function';
  if (v instanceof PyModule) return 'module';
  if (v instanceof PyClass) return 'type';
  return (v as PyObject).cls;
}

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

const num = (v: Py): number | undefined => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v instanceof PyFloat ? v.v : undefined);

function arith(op: string, a: Py, b: Py): Py {
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

function compare(op: string, a: Py, b: Py): boolean {
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

export class Scope {
  readonly vars = new Map<string, Py>();
  readonly globalNames = new Set<string>();
  constructor(
    readonly parent?: Scope,
    readonly globals?: Scope,
  ) {}
  lookup(name: string): Py | undefined {
    if (this.vars.has(name)) return this.vars.get(name);
    return this.parent?.lookup(name);
  }
  assign(name: string, v: Py): void {
    if (this.globalNames.has(name) && this.globals) this.globals.vars.set(name, v);
    else this.vars.set(name, v);
  }
}

class ReturnSignal {
  constructor(readonly value: Py) {}
}
class BreakSignal {}
class ContinueSignal {}

export interface Runtime {
  ctx: ProgramContext;
  /** Ctrl-C as KeyboardInterrupt (sigint.ts); absent in tests that build a bare runtime. */
  interrupts?: { delivered(e: unknown): void };
  builtins: Map<string, Py>;
  importModule(name: string): Promise<PyModule>;
  file: string;
}

export class Interp {
  constructor(readonly rt: Runtime) {}

  async runModule(src: string, file: string, scope: Scope): Promise<void> {
    let body: Stmt[];
    try {
      body = parseModule(src);
    } catch (e) {
      if (e instanceof PySyntaxError) {
        const err = new PyError(EXC.Exception, e.message);
        (err as PyError & { syntax?: PySyntaxError; file?: string }).syntax = e;
        (err as PyError & { file?: string }).file = file;
        throw err;
      }
      throw e;
    }
    await this.block(body, scope, file, '<module>');
  }

  async block(body: Stmt[], scope: Scope, file: string, fname: string): Promise<void> {
    for (const s of body) {
      try {
        await this.stmt(s, scope, file, fname);
      } catch (e) {
        if (e instanceof PyError && (e.frames.length === 0 || e.frames[e.frames.length - 1].name !== fname || e.frames[e.frames.length - 1].file !== file)) {
          e.frames.push({ file, line: s.line, name: fname });
        }
        throw e;
      }
    }
  }

  private steps = 0;

  private async stmt(s: Stmt, scope: Scope, file: string, fname: string): Promise<void> {
    // Let signals and the page in now and then: a `while True:` loop must stay interruptible.
    if (++this.steps % 200 === 0) await this.rt.ctx.sys.tick(this.rt.ctx.signal);
    else if (this.rt.ctx.signal.aborted) throw this.rt.ctx.signal.reason;
    switch (s.k) {
      case 'expr': await this.eval(s.e, scope); return;
      case 'assign': {
        const v = await this.eval(s.value, scope);
        for (const t of s.targets) await this.store(t, v, scope);
        return;
      }
      case 'augassign': {
        const cur = await this.eval(s.target, scope);
        await this.store(s.target, arith(s.op, cur, await this.eval(s.value, scope)), scope);
        return;
      }
      case 'import':
        for (const [name, as] of s.names) {
          const m = await this.rt.importModule(name);
          scope.assign(as ?? name.split('.')[0], as ? m : await this.rt.importModule(name.split('.')[0]));
        }
        return;
      case 'from': {
        const m = await this.rt.importModule(s.module);
        for (const [name, as] of s.names) {
          if (name === '*') {
            for (const [k, v] of m.attrs) if (!k.startsWith('_')) scope.assign(k, v);
            continue;
          }
          if (!m.attrs.has(name)) raise('ImportError', `cannot import name '${name}' from '${s.module}' (${m.attrs.get('__file__') ?? 'unknown location'})`);
          scope.assign(as ?? name, m.attrs.get(name)!);
        }
        return;
      }
      case 'def': {
        const params = [];
        for (const p of s.params) params.push({ name: p.name, star: p.star, def: p.def ? await this.eval(p.def, scope) : undefined });
        let fn: Py = new PyFunction(s.name, params, s.body, scope, file);
        for (const d of [...s.decorators].reverse()) fn = await this.call(await this.eval(d, scope), [fn], new Map());
        scope.assign(s.name, fn);
        return;
      }
      case 'if':
        if (truthy(await this.eval(s.test, scope))) await this.block(s.body, scope, file, fname);
        else await this.block(s.orelse, scope, file, fname);
        return;
      case 'while':
        while (truthy(await this.eval(s.test, scope))) {
          try {
            await this.block(s.body, scope, file, fname);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (e instanceof ContinueSignal) continue;
            throw e;
          }
        }
        return;
      case 'for':
        for (const v of iterate(await this.eval(s.iter, scope))) {
          await this.store(s.target, v, scope);
          try {
            await this.block(s.body, scope, file, fname);
          } catch (e) {
            if (e instanceof BreakSignal) break;
            if (e instanceof ContinueSignal) continue;
            throw e;
          }
        }
        return;
      case 'try':
        try {
          await this.block(s.body, scope, file, fname);
        } catch (e) {
          if (!(e instanceof PyError)) throw e;
          // A Ctrl-C's KeyboardInterrupt is now an ordinary exception in flight: waits may resume.
          this.rt.interrupts?.delivered(e);
          let handled = false;
          for (const h of s.handlers) {
            const t = h.type ? await this.eval(h.type, scope) : EXC.Exception;
            const types = t instanceof PyTuple ? t.items : [t];
            if (types.some((x) => x instanceof PyClass && e.cls.isSub(x))) {
              if (h.name) {
                const o = e.value ?? new PyObject(e.cls.name);
                o.attrs.set('__str__', e.msg);
                scope.assign(h.name, o);
              }
              await this.block(h.body, scope, file, fname);
              handled = true;
              break;
            }
          }
          if (!handled) throw e;
        } finally {
          if (s.final.length) await this.block(s.final, scope, file, fname);
        }
        return;
      case 'return': throw new ReturnSignal(s.e ? await this.eval(s.e, scope) : null);
      case 'raise': {
        if (!s.e) raise('RuntimeError', 'No active exception to reraise');
        const v = await this.eval(s.e, scope);
        if (v instanceof PyClass) throw new PyError(v, '');
        if (v instanceof PyObject && EXC[v.cls]) throw new PyError(EXC[v.cls], String(v.attrs.get('__str__') ?? ''), v);
        raise('TypeError', 'exceptions must derive from BaseException');
      }
      case 'pass': return;
      case 'break': throw new BreakSignal();
      case 'continue': throw new ContinueSignal();
      case 'global': for (const n of s.names) scope.globalNames.add(n); return;
    }
  }

  private async store(t: Expr, v: Py, scope: Scope): Promise<void> {
    if (t.k === 'name') scope.assign(t.id, v);
    else if (t.k === 'tuple' || t.k === 'list') {
      const items = iterate(v);
      if (items.length !== t.items.length) raise('ValueError', items.length > t.items.length ? `too many values to unpack (expected ${t.items.length})` : `not enough values to unpack (expected ${t.items.length}, got ${items.length})`);
      for (let i = 0; i < items.length; i++) await this.store(t.items[i], items[i], scope);
    } else if (t.k === 'attr') {
      const o = await this.eval(t.obj, scope);
      if (o instanceof PyObject) o.attrs.set(t.name, v);
      else raise('AttributeError', `'${typeName(o)}' object has no attribute '${t.name}'`);
    } else if (t.k === 'index') {
      const o = await this.eval(t.obj, scope);
      const i = await this.eval(t.index, scope);
      if (o instanceof PyDict) o.set(i, v);
      else if (o instanceof PyList) o.items[normIndex(o.items.length, i)] = v;
      else raise('TypeError', `'${typeName(o)}' object does not support item assignment`);
    } else raise('SyntaxError', 'cannot assign to expression');
  }

  async eval(e: Expr, scope: Scope): Promise<Py> {
    switch (e.k) {
      case 'num': return e.float ? new PyFloat(e.v) : e.v;
      case 'str': return e.v;
      case 'const': return e.v;
      case 'fstr': {
        let s = '';
        for (const p of e.parts) s += typeof p === 'string' ? p : str(await this.eval(p, scope));
        return s;
      }
      case 'name': {
        const v = scope.lookup(e.id) ?? this.rt.builtins.get(e.id);
        if (v === undefined) raise('NameError', `name '${e.id}' is not defined`);
        return v;
      }
      case 'list': return new PyList(await this.all(e.items, scope));
      case 'tuple': return new PyTuple(await this.all(e.items, scope));
      case 'dict': {
        const d = new PyDict();
        for (const [k, v] of e.items) d.set(await this.eval(k, scope), await this.eval(v, scope));
        return d;
      }
      case 'listcomp': {
        const out: Py[] = [];
        const inner = new Scope(scope, scope.globals ?? scope);
        for (const v of iterate(await this.eval(e.iter, scope))) {
          await this.store(e.target, v, inner);
          if (e.cond && !truthy(await this.eval(e.cond, inner))) continue;
          out.push(await this.eval(e.elt, inner));
        }
        return new PyList(out);
      }
      case 'attr': return getattr(await this.eval(e.obj, scope), e.name);
      case 'index': {
        const o = await this.eval(e.obj, scope);
        const i = await this.eval(e.index, scope);
        if (o instanceof PyDict) {
          const v = o.get(i);
          if (v === undefined) raise('KeyError', repr(i));
          return v;
        }
        if (o instanceof PyList || o instanceof PyTuple) return o.items[normIndex(o.items.length, i)];
        if (typeof o === 'string') return o[normIndex(o.length, i)];
        raise('TypeError', `'${typeName(o)}' object is not subscriptable`);
      }
      case 'call': {
        const fn = await this.eval(e.fn, scope);
        const args: Py[] = [];
        for (const a of e.args) {
          if (a.k === 'unary' && a.op === '*') pushAll(args, iterate(await this.eval(a.a, scope)));
          else args.push(await this.eval(a, scope));
        }
        const kwargs = new Map<string, Py>();
        for (const [k, v] of e.kwargs) {
          const val = await this.eval(v, scope);
          if (k === '**' && val instanceof PyDict) for (const [kk, vv] of val.map.values()) kwargs.set(String(kk), vv);
          else kwargs.set(k, val);
        }
        return this.call(fn, args, kwargs);
      }
      case 'bin': return arith(e.op, await this.eval(e.a, scope), await this.eval(e.b, scope));
      case 'unary': {
        const v = await this.eval(e.a, scope);
        if (e.op === 'not') return !truthy(v);
        const n = num(v);
        if (n === undefined) raise('TypeError', `bad operand type for unary -: '${typeName(v)}'`);
        return v instanceof PyFloat ? new PyFloat(-n) : -n;
      }
      case 'bool': {
        const a = await this.eval(e.a, scope);
        if (e.op === 'and') return truthy(a) ? this.eval(e.b, scope) : a;
        return truthy(a) ? a : this.eval(e.b, scope);
      }
      case 'cmp': {
        let a = await this.eval(e.items[0], scope);
        for (let i = 0; i < e.ops.length; i++) {
          const b = await this.eval(e.items[i + 1], scope);
          if (!compare(e.ops[i], a, b)) return false;
          a = b;
        }
        return true;
      }
      case 'ifexp': return truthy(await this.eval(e.test, scope)) ? this.eval(e.a, scope) : this.eval(e.b, scope);
    }
  }

  private async all(items: Expr[], scope: Scope): Promise<Py[]> {
    const out: Py[] = [];
    for (const i of items) out.push(await this.eval(i, scope));
    return out;
  }

  async call(fn: Py, args: Py[], kwargs: Map<string, Py>): Promise<Py> {
    if (typeof fn === 'function') return fn(args, kwargs);
    if (fn instanceof PyClass) {
      if (fn.make) return fn.make(args, kwargs);
      const o = new PyObject(fn.name);
      o.attrs.set('__str__', args.length ? str(args[0]) : '');
      o.attrs.set('args', new PyTuple(args));
      return o;
    }
    if (fn instanceof PyFunction) {
      const scope = new Scope(fn.scope, fn.scope.globals ?? fn.scope);
      let k = 0;
      for (const p of fn.params) {
        if (p.star === '*') scope.vars.set(p.name, new PyTuple(args.slice(k)));
        else if (p.star === '**') {
          const d = new PyDict();
          for (const [kk, v] of kwargs) if (!fn.params.some((q) => q.name === kk)) d.set(kk, v);
          scope.vars.set(p.name, d);
        } else if (k < args.length) scope.vars.set(p.name, args[k++]);
        else if (kwargs.has(p.name)) scope.vars.set(p.name, kwargs.get(p.name)!);
        else if (p.def !== undefined) scope.vars.set(p.name, p.def);
        else raise('TypeError', `${fn.name}() missing 1 required positional argument: '${p.name}'`);
      }
      try {
        await this.block(fn.body, scope, fn.file, fn.name);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.value;
        throw e;
      }
      return null;
    }
    if (fn instanceof PyObject && fn.attrs.has('__call__')) return this.call(fn.attrs.get('__call__')!, args, kwargs);
    raise('TypeError', `'${typeName(fn)}' object is not callable`);
  }
}

function normIndex(len: number, i: Py): number {
  const n = num(i);
  if (n === undefined) raise('TypeError', `list indices must be integers or slices, not ${typeName(i)}`);
  const k = n < 0 ? len + n : n;
  if (k < 0 || k >= len) raise('IndexError', 'list index out of range');
  return k;
}

/** Attribute access: objects, modules, and the str/list/dict methods scripts use. */
export function getattr(o: Py, name: string): Py {
  if (o instanceof PyObject || o instanceof PyModule) {
    const v = o.attrs.get(name);
    if (v !== undefined) return v;
    if (o instanceof PyModule) raise('AttributeError', `module '${o.name}' has no attribute '${name}'`);
  }
  const m = methodOf(o, name);
  if (m) return m;
  raise('AttributeError', `'${typeName(o)}' object has no attribute '${name}'`);
}

function bi(name: string, f: (args: Py[], kw: Map<string, Py>) => Py | Promise<Py>): Builtin {
  const b = f as Builtin;
  b.pyName = name;
  return b;
}

function methodOf(o: Py, name: string): Builtin | undefined {
  if (typeof o === 'string') {
    const s = o;
    const m: Record<string, (a: Py[], kw: Map<string, Py>) => Py> = {
      upper: () => s.toUpperCase(), lower: () => s.toLowerCase(), strip: (a) => (a[0] ? s.replace(new RegExp(`^[${esc(str(a[0]))}]+|[${esc(str(a[0]))}]+$`, 'g'), '') : s.trim()),
      lstrip: () => s.trimStart(), rstrip: () => s.trimEnd(), title: () => s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
      split: (a) => new PyList(a[0] === undefined || a[0] === null ? s.trim().split(/\s+/).filter(Boolean) : s.split(str(a[0]))),
      join: (a) => iterate(a[0]).map(str).join(s), replace: (a) => s.split(str(a[0])).join(str(a[1])),
      startswith: (a) => s.startsWith(str(a[0])), endswith: (a) => s.endsWith(str(a[0])), find: (a) => s.indexOf(str(a[0])),
      count: (a) => s.split(str(a[0])).length - 1, isdigit: () => /^\d+$/.test(s), encode: () => s,
      format: (a, kw) => s.replace(/\{(\w*)(![rs])?(:[^}]*)?\}/g, (_m, f: string) => {
        const v = f === '' ? a.shift() : /^\d+$/.test(f) ? a[Number(f)] : kw.get(f);
        if (v === undefined) raise(f === '' || /^\d+$/.test(f) ? 'IndexError' : 'KeyError', f === '' ? 'Replacement index 0 out of range for positional args tuple' : `'${f}'`);
        return str(v);
      }),
    };
    return m[name] ? bi(name, m[name]) : undefined;
  }
  if (o instanceof PyList) {
    const items = o.items;
    const done = (f: () => unknown): Py => {
      f();
      return null;
    };
    const m: Record<string, (a: Py[]) => Py> = {
      append: (a) => done(() => items.push(a[0])),
      pop: (a) => (items.length ? items.splice(a[0] === undefined ? -1 : Number(a[0]), 1)[0] : raise('IndexError', 'pop from empty list')),
      extend: (a) => done(() => pushAll(items, iterate(a[0]))),
      insert: (a) => done(() => items.splice(Number(a[0]), 0, a[1])),
      index: (a) => items.findIndex((x) => equal(x, a[0])),
      count: (a) => items.filter((x) => equal(x, a[0])).length,
      sort: () => done(() => items.sort((x, y) => (compare('<', x, y) ? -1 : compare('>', x, y) ? 1 : 0))),
      reverse: () => done(() => items.reverse()),
    };
    return m[name] ? bi(name, m[name]) : undefined;
  }
  if (o instanceof PyDict) {
    const m: Record<string, (a: Py[]) => Py> = {
      get: (a) => o.get(a[0]) ?? (a[1] === undefined ? null : a[1]), keys: () => new PyList([...o.map.values()].map(([k]) => k)),
      values: () => new PyList([...o.map.values()].map(([, v]) => v)), items: () => new PyList([...o.map.values()].map(([k, v]) => new PyTuple([k, v]))),
      update: (a) => { if (a[0] instanceof PyDict) for (const [k, v] of a[0].map.values()) o.set(k, v); return null; },
      pop: (a) => { const v = o.get(a[0]); o.map.delete(key(a[0])); return v ?? a[1] ?? null; },
    };
    return m[name] ? bi(name, m[name]) : undefined;
  }
  return undefined;
}

const esc = (s: string) => s.replace(/[\]\\^-]/g, '\\$&');

export { bi };
