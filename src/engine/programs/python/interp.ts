/**
 * The evaluator for the Python subset of parse.ts: Python values on JS ones (str, int as number,
 * float as PyFloat, bool, None as null, list, tuple, dict as PyDict), functions and closures,
 * exceptions with Python's names and tracebacks, and modules looked up by name (modules.ts).
 * Everything is async so a program can wait on sockets (Flask, redis) and signals. The values are
 * in objects.ts, what operators do to them in ops.ts, attributes and methods in methods.ts.
 */
import type { ProgramContext } from '../../process/types';
import { parseModule, PySyntaxError, type Expr, type Stmt } from './parse';
import { pushAll } from '../../../lib/arrays';
import { EXC, PyClass, PyDict, PyError, PyFloat, PyFunction, PyList, PyModule, PyObject, PyTuple, Scope, raise, typeName, type Py } from './objects';
import { arith, compare, equal, iterate, normIndex, num, repr, str, truthy } from './ops';
import { bi, getattr } from './methods';

export * from './objects';
export { equal, iterate, repr, str, truthy } from './ops';
export { bi, getattr } from './methods';

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

  /** One pass of a loop's body; true when `break` ends the loop (`continue` just ends the pass). */
  private async loopPass(body: Stmt[], scope: Scope, file: string, fname: string): Promise<boolean> {
    try {
      await this.block(body, scope, file, fname);
    } catch (e) {
      if (e instanceof BreakSignal) return true;
      if (e instanceof ContinueSignal) return false;
      throw e;
    }
    return false;
  }

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
          if (await this.loopPass(s.body, scope, file, fname)) break;
        }
        return;
      case 'for':
        for (const v of iterate(await this.eval(s.iter, scope))) {
          await this.store(s.target, v, scope);
          if (await this.loopPass(s.body, scope, file, fname)) break;
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
