/**
 * Python's values on JS ones (str, int as number, float as PyFloat, bool, None as null, list,
 * tuple, dict as PyDict, objects, functions, modules, classes), the exception classes with their
 * hierarchy, and a scope of names.
 */
import type { Stmt } from './parse';

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

export function key(k: Py): string {
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
