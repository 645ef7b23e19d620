/** Attribute access: objects' and modules' attributes, and the str/list/dict methods scripts use. */
import { pushAll } from '../../../lib/arrays';
import { PyDict, PyList, PyModule, PyObject, PyTuple, key, raise, typeName, type Builtin, type Py } from './objects';
import { compare, equal, iterate, str } from './ops';

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

export function bi(name: string, f: (args: Py[], kw: Map<string, Py>) => Py | Promise<Py>): Builtin {
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
