/**
 * Builtins and the modules the notes' Python uses: os, os.path, sys, socket, time, random, json,
 * math, and — once `pip install` put them in site-packages — flask (routes, jsonify, request,
 * `app.run` and `flask run` serving HTTP over the simulated sockets with werkzeug's log lines)
 * and redis (a RESP client: get/set/incr/delete/ping, RedisError/ConnectionError). Those two are in
 * flask.ts and redis-client.ts.
 */
import { type ProgramContext } from '../../process/types';
import { bi, EXC, Interp, iterate, PyClass, PyDict, PyError, PyFloat, PyFunction, PyList, PyModule, PyObject, PyTuple, raise, repr, Scope, str, truthy, typeName, type Py, type Runtime } from './interp';
import { minOf } from '../../../lib/arrays';

const dec = new TextDecoder();

export interface PyEnv {
  ctx: ProgramContext;
  version: string;
  sitePackages: string;
  /** Directories searched for `import name` (the script's folder first). */
  path: string[];
  argv: string[];
  mainFile: string;
}

/** A Python number (or bool, or anything Number() reads) as a JS number. */
export const n = (v: Py | undefined): number => (typeof v === 'number' ? v : v instanceof PyFloat ? v.v : typeof v === 'boolean' ? Number(v) : Number(v ?? 0));

export function jsonDump(v: Py, indent?: number, level = 0): string {
  const pad = indent ? '\n' + ' '.repeat(indent * (level + 1)) : '';
  const end = indent ? '\n' + ' '.repeat(indent * level) : '';
  const sep = indent ? ',' : ', ';
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'number') return String(v);
  if (v instanceof PyFloat) return repr(v);
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length ? '[' + pad + v.items.map((x) => jsonDump(x, indent, level + 1)).join(sep + pad) + end + ']' : '[]';
  if (v instanceof PyDict) return v.map.size ? '{' + pad + [...v.map.values()].map(([k, x]) => `${JSON.stringify(str(k))}: ${jsonDump(x, indent, level + 1)}`).join(sep + pad) + end + '}' : '{}';
  raise('TypeError', `Object of type ${typeName(v)} is not JSON serializable`);
}

function fromJson(j: unknown): Py {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j as Py;
  if (typeof j === 'number') return Number.isInteger(j) ? j : new PyFloat(j);
  if (Array.isArray(j)) return new PyList(j.map(fromJson));
  const d = new PyDict();
  for (const [k, v] of Object.entries(j as object)) d.set(k, fromJson(v));
  return d;
}

export function builtins(env: PyEnv, interp: () => Interp): Map<string, Py> {
  const { ctx } = env;
  const b = new Map<string, Py>();
  const def = (name: string, f: (a: Py[], kw: Map<string, Py>) => Py | Promise<Py>) => b.set(name, bi(name, f));
  def('print', async (a, kw) => {
    const sep = kw.has('sep') ? str(kw.get('sep')!) : ' ';
    const end = kw.has('end') ? str(kw.get('end')!) : '\n';
    await ctx.stdout.write(a.map(str).join(sep) + end);
    return null;
  });
  def('len', (a) => {
    const v = a[0];
    if (typeof v === 'string') return [...v].length;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
    if (v instanceof PyDict) return v.map.size;
    raise('TypeError', `object of type '${typeName(v)}' has no len()`);
  });
  def('str', (a) => (a.length ? str(a[0]) : ''));
  def('repr', (a) => repr(a[0]));
  def('int', (a) => {
    const v = a[0] ?? 0;
    if (typeof v === 'string') {
      if (!/^\s*[-+]?\d+\s*$/.test(v)) raise('ValueError', `invalid literal for int() with base 10: ${repr(v)}`);
      return parseInt(v, a[1] ? n(a[1]) : 10);
    }
    return Math.trunc(n(v));
  });
  def('float', (a) => {
    const v = a[0] ?? 0;
    if (typeof v === 'string' && Number.isNaN(Number(v))) raise('ValueError', `could not convert string to float: ${repr(v)}`);
    return new PyFloat(Number(typeof v === 'string' ? v : n(v)));
  });
  def('bool', (a) => truthy(a[0] ?? false));
  def('list', (a) => new PyList(a.length ? iterate(a[0]) : []));
  def('tuple', (a) => new PyTuple(a.length ? iterate(a[0]) : []));
  def('dict', (_a, kw) => {
    const d = new PyDict();
    for (const [k, v] of kw) d.set(k, v);
    return d;
  });
  def('range', (a) => {
    const [start, stop, step] = a.length === 1 ? [0, n(a[0]), 1] : [n(a[0]), n(a[1]), a[2] === undefined ? 1 : n(a[2])];
    const out: Py[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
    return new PyList(out);
  });
  def('enumerate', (a) => new PyList(iterate(a[0]).map((v, i) => new PyTuple([i + n(a[1] ?? 0), v]))));
  def('zip', (a) => {
    const lists = a.map(iterate);
    const len = minOf(lists.map((l) => l.length));
    return new PyList(Array.from({ length: len }, (_, i) => new PyTuple(lists.map((l) => l[i]))));
  });
  def('sorted', (a, kw) => {
    const items = iterate(a[0]);
    items.sort((x, y) => (n(x) - n(y)) || (str(x) < str(y) ? -1 : str(x) > str(y) ? 1 : 0));
    if (kw.get('reverse')) items.reverse();
    return new PyList(items);
  });
  def('sum', (a) => iterate(a[0]).reduce<number>((s, v) => s + n(v), 0));
  def('min', (a) => (a.length === 1 ? iterate(a[0]) : a).reduce((x, y) => (n(y) < n(x) ? y : x)));
  def('max', (a) => (a.length === 1 ? iterate(a[0]) : a).reduce((x, y) => (n(y) > n(x) ? y : x)));
  def('abs', (a) => (a[0] instanceof PyFloat ? new PyFloat(Math.abs(a[0].v)) : Math.abs(n(a[0]))));
  def('round', (a) => (a[1] === undefined ? Math.round(n(a[0])) : new PyFloat(Number(n(a[0]).toFixed(n(a[1]))))));
  def('isinstance', (a) => {
    const types = a[1] instanceof PyTuple ? a[1].items : [a[1]];
    return types.some((t) => (t as { pyName?: string } | null)?.pyName === typeName(a[0]) || (t instanceof PyClass && a[0] instanceof PyObject && a[0].cls === t.name));
  });
  def('type', (a) => new PyClass(typeName(a[0]), []));
  def('input', async (a) => {
    if (a.length) await ctx.stdout.write(str(a[0]));
    const chunk = await ctx.stdin.read(ctx.signal);
    if (!chunk) raise('EOFError' in EXC ? 'EOFError' : 'Exception', 'EOF when reading a line');
    return dec.decode(chunk).replace(/\r?\n$/, '');
  });
  def('open', (a) => {
    const path = str(a[0]);
    const mode = a[1] === undefined ? 'r' : str(a[1]);
    const f = new PyObject('TextIOWrapper');
    let buf = '';
    if (mode.startsWith('r')) {
      try {
        buf = ctx.fs.readText(path);
      } catch {
        raise('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(path)}`);
      }
    }
    f.attrs.set('read', bi('read', () => buf));
    f.attrs.set('readlines', bi('readlines', () => new PyList(buf.split(/(?<=\n)/).filter(Boolean))));
    f.attrs.set('write', bi('write', (w) => {
      buf += str(w[0]);
      ctx.fs.writeFile(path, buf, { append: false });
      return str(w[0]).length;
    }));
    f.attrs.set('close', bi('close', () => null));
    if (mode.startsWith('w')) ctx.fs.writeFile(path, '');
    return f;
  });
  const exit = bi('exit', (a) => {
    const e = new PyError(EXC.SystemExit, a.length ? str(a[0]) : '');
    (e as PyError & { code?: Py }).code = a.length ? a[0] : 0;
    throw e;
  });
  b.set('exit', exit);
  b.set('quit', exit);
  for (const [name, cls] of Object.entries(EXC)) b.set(name, cls);
  b.set('__name__', '__main__');
  void interp;
  return b;
}

/** Standard-library modules by name. */
export function stdlib(env: PyEnv, name: string, rt: Runtime, interp: Interp): PyModule | undefined {
  const { ctx } = env;
  const m = new Map<string, Py>();
  const def = (k: string, f: (a: Py[], kw: Map<string, Py>) => Py | Promise<Py>) => m.set(k, bi(k, f));
  switch (name) {
    case 'os': {
      const environ = new PyDict();
      for (const [k, v] of Object.entries(ctx.env)) environ.set(k, v);
      m.set('environ', environ);
      def('getenv', (a) => environ.get(a[0]) ?? (a[1] === undefined ? null : a[1]));
      def('getcwd', () => ctx.fs.cwd);
      def('listdir', (a) => new PyList(ctx.fs.readdir(a.length ? str(a[0]) : '.').sort()));
      def('getpid', () => ctx.proc.info.nsPid);
      m.set('sep', '/');
      m.set('name', 'posix');
      m.set('path', stdlib(env, 'os.path', rt, interp)!);
      break;
    }
    case 'os.path': {
      def('join', (a) => a.map(str).reduce((x, y) => (y.startsWith('/') ? y : x.endsWith('/') || !x ? x + y : `${x}/${y}`)));
      def('exists', (a) => ctx.fs.exists(str(a[0])));
      def('isfile', (a) => ctx.fs.exists(str(a[0])) && ctx.fs.stat(str(a[0])).kind === 'file');
      def('isdir', (a) => ctx.fs.exists(str(a[0])) && ctx.fs.stat(str(a[0])).kind === 'dir');
      def('basename', (a) => str(a[0]).split('/').pop() ?? '');
      def('dirname', (a) => str(a[0]).replace(/\/[^/]*$/, ''));
      def('abspath', (a) => ctx.fs.resolve(str(a[0])));
      break;
    }
    case 'sys': {
      m.set('argv', new PyList(env.argv));
      m.set('version', `${env.version} (default, May 12 2021, 15:26:36) \n[GCC 8.3.0]`);
      m.set('platform', 'linux');
      m.set('path', new PyList(env.path));
      def('exit', (a) => {
        const e = new PyError(EXC.SystemExit, a.length ? str(a[0]) : '');
        (e as PyError & { code?: Py }).code = a.length ? a[0] : 0;
        throw e;
      });
      const stdout = new PyObject('TextIOWrapper');
      stdout.attrs.set('write', bi('write', async (a) => {
        await ctx.stdout.write(str(a[0]));
        return str(a[0]).length;
      }));
      stdout.attrs.set('flush', bi('flush', () => null));
      m.set('stdout', stdout);
      break;
    }
    case 'socket': def('gethostname', () => ctx.sys.hostname()); break;
    case 'time':
      def('sleep', async (a) => {
        await ctx.sys.clock.sleep(n(a[0]) * 1000, ctx.signal);
        return null;
      });
      def('time', () => new PyFloat(ctx.sys.clock.now() / 1000));
      def('ctime', () => new Date(ctx.sys.clock.now()).toUTCString());
      break;
    case 'random':
      def('randint', (a) => n(a[0]) + ctx.sys.rng.int(n(a[1]) - n(a[0]) + 1));
      def('random', () => new PyFloat(ctx.sys.rng.next()));
      def('choice', (a) => {
        const items = iterate(a[0]);
        return items[ctx.sys.rng.int(items.length)];
      });
      break;
    case 'json':
      def('dumps', (a, kw) => jsonDump(a[0], kw.has('indent') ? n(kw.get('indent')) : undefined));
      def('loads', (a) => {
        try {
          return fromJson(JSON.parse(str(a[0])));
        } catch {
          raise('ValueError', 'Expecting value: line 1 column 1 (char 0)');
        }
      });
      break;
    case 'math':
      m.set('pi', new PyFloat(Math.PI));
      def('sqrt', (a) => new PyFloat(Math.sqrt(n(a[0]))));
      def('floor', (a) => Math.floor(n(a[0])));
      def('ceil', (a) => Math.ceil(n(a[0])));
      break;
    default:
      return undefined;
  }
  return new PyModule(name, m);
}


export function formatTraceback(e: PyError): string {
  const syntax = (e as PyError & { syntax?: { line: number; text: string; message: string }; file?: string }).syntax;
  if (syntax) {
    const file = (e as PyError & { file?: string }).file;
    return `  File "${file}", line ${syntax.line}\n    ${syntax.text}\n    ^\nSyntaxError: ${syntax.message}\n`;
  }
  let out = 'Traceback (most recent call last):\n';
  for (const f of [...e.frames].reverse()) out += `  File "${f.file}", line ${f.line}, in ${f.name}\n`;
  return out + (e.msg ? `${e.cls.name}: ${e.msg}\n` : `${e.cls.name}\n`);
}

export { Scope, PyFunction };
