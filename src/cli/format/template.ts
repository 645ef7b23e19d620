/**
 * Executes docker `--format` templates (a Go text/template subset, parsed by template-parse.ts)
 * against plain JS data. Data objects act like Go structs when they carry a GO_TYPE name (an
 * unknown field is then an execution error, worded like Go's), and like Go maps otherwise
 * (a missing key prints `<no value>`). A property holding a function is a method: it is called,
 * with the template's arguments (`{{.Label "com.example"}}`).
 */
import { parseTemplate, TemplateError, type Arg, type Cmd, type Node, type Pipe } from './template-parse';
import { goSprintf, printValue } from './gofmt';

export { TemplateError } from './template-parse';
export const GO_TYPE = Symbol('goType');
/** Optional JSON form of a context object for `{{json .}}` (Docker's MarshalJSON of contexts). */
export const GO_JSON = Symbol('goJson');
export const NO_VALUE = Symbol('noValue');

export type TemplateFunc = (...args: unknown[]) => unknown;

function goTruth(v: unknown): boolean {
  if (v === null || v === undefined || v === NO_VALUE) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (typeof v === 'object') return !!(v as Record<symbol, unknown>)[GO_TYPE] || Object.keys(v).length > 0;
  return true;
}

function byteLen(s: string): number {
  return new TextEncoder().encode(s).length;
}

function toJson(v: unknown): unknown {
  if (v && typeof v === 'object' && GO_JSON in v) return (v as { [GO_JSON]: () => unknown })[GO_JSON]();
  return v === NO_VALUE ? null : v;
}

function goTitle(s: string): string {
  let prevSep = true;
  let out = '';
  for (const ch of s) {
    const isWordChar = /[\p{L}\p{N}_']/u.test(ch) || (ch.codePointAt(0)! > 0x7f && !/\s/u.test(ch));
    out += prevSep && isWordChar ? ch.toUpperCase() : ch;
    prevSep = !isWordChar;
  }
  return out;
}

function cmpValues(name: string, a: unknown, b: unknown): number {
  const ta = typeof a;
  if (ta !== typeof b || (ta !== 'number' && ta !== 'string')) throw new Error(`error calling ${name}: incompatible types for comparison`);
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b && !(a == null && b == null)) throw new Error('error calling eq: incompatible types for comparison');
  return a === b;
}

/** Go's builtins plus the CLI's `templates.basicFunctions`. */
export const BASIC_FUNCS: Record<string, TemplateFunc> = {
  and: (...a) => { for (const x of a) if (!goTruth(x)) return x; return a[a.length - 1]; },
  or: (...a) => { for (const x of a) if (goTruth(x)) return x; return a[a.length - 1]; },
  not: (a) => !goTruth(a),
  len: (a) => {
    if (typeof a === 'string') return byteLen(a);
    if (Array.isArray(a)) return a.length;
    if (a instanceof Map) return a.size;
    if (a && typeof a === 'object') return Object.keys(a).length;
    throw new Error(`error calling len: len of type ${a === null ? 'nil' : typeof a}`);
  },
  index: (a, ...keys) => {
    let v: unknown = a;
    for (const k of keys) {
      if (v == null) throw new Error('error calling index: index of untyped nil');
      if (Array.isArray(v) || typeof v === 'string') {
        const i = Number(k);
        const len = typeof v === 'string' ? v.length : v.length;
        if (i < 0 || i >= len) throw new Error(`error calling index: index out of range: ${i}`);
        v = typeof v === 'string' ? v.charCodeAt(i) : v[i];
      } else if (v instanceof Map) v = v.has(k) ? v.get(k) : '';
      else v = (v as Record<string, unknown>)[String(k)] ?? '';
    }
    return v;
  },
  print: (...a) => a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + printValue(x)).join(''),
  println: (...a) => a.map(printValue).join(' ') + '\n',
  printf: (f, ...a) => goSprintf(String(f), a),
  eq: (a, ...b) => b.some((x) => equal(a, x)),
  ne: (a, b) => !equal(a, b),
  lt: (a, b) => cmpValues('lt', a, b) < 0,
  le: (a, b) => cmpValues('le', a, b) <= 0,
  gt: (a, b) => cmpValues('gt', a, b) > 0,
  ge: (a, b) => cmpValues('ge', a, b) >= 0,
  slice: (a, i, j) => (typeof a === 'string' || Array.isArray(a) ? a.slice(Number(i ?? 0), j === undefined ? undefined : Number(j)) : a),
  html: (a) => printValue(a).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;'),
  urlquery: (a) => encodeURIComponent(printValue(a)),
  json: (v) => JSON.stringify(toJson(v) ?? null) ?? 'null',
  split: (s, sep) => String(s).split(String(sep)),
  join: (a, sep) => (Array.isArray(a) ? a.map(printValue).join(String(sep)) : printValue(a)),
  title: (s) => goTitle(String(s)),
  lower: (s) => String(s).toLowerCase(),
  upper: (s) => String(s).toUpperCase(),
  pad: (s, pre, suf) => (s === '' ? '' : ' '.repeat(Number(pre)) + String(s) + ' '.repeat(Number(suf))),
  truncate: (s, n) => (String(s).length < Number(n) ? String(s) : String(s).slice(0, Number(n))),
};

/** The CLI's `templates.HeaderFunctions`: the table header is rendered with these overriding the basics. */
export const HEADER_FUNCS: Record<string, TemplateFunc> = {
  json: (v) => v,
  split: (v) => v,
  join: (v) => v,
  title: (v) => v,
  lower: (v) => v,
  upper: (v) => v,
  truncate: (v) => v,
};

type BlockNode = { k: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; elseList: Node[] | null; pos: number };

class Control { constructor(readonly kind: 'break' | 'continue') {} }

export class Template {
  private constructor(private readonly nodes: Node[], private readonly src: string) {}

  /** Throws TemplateError with Go's message (without the CLI's `template parsing error: ` prefix). */
  static parse(src: string, extraFuncs: Record<string, TemplateFunc> = {}): Template {
    const names = new Set([...Object.keys(BASIC_FUNCS), ...Object.keys(extraFuncs)]);
    return new Template(parseTemplate(src, names), src);
  }

  /** Run against `data`; on error, `partial` holds what was written before it (Go streams output). */
  execute(data: unknown, funcs: Record<string, TemplateFunc> = {}): string {
    const out: string[] = [];
    // No extra functions (every row of a table): the basic set itself, not a copy per row.
    const fns = Object.keys(funcs).length ? { ...BASIC_FUNCS, ...funcs } : BASIC_FUNCS;
    const ex = new Exec(this.src, fns, out, data);
    try {
      ex.list(this.nodes, data);
    } catch (e) {
      const err = e instanceof TemplateError ? e : new TemplateError(String((e as Error).message ?? e));
      (err as TemplateError & { partial?: string }).partial = out.join('');
      throw err;
    }
    return out.join('');
  }
}

class Exec {
  private vars: Array<[string, unknown]>;
  constructor(private src: string, private fns: Record<string, TemplateFunc>, private out: string[], root: unknown) {
    this.vars = [['$', root]];
  }

  private fail(pos: number, at: string, msg: string): never {
    const before = this.src.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - before.lastIndexOf('\n') - 1;
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${at}>: ${msg}`);
  }

  list(nodes: Node[], dot: unknown): void {
    for (const n of nodes) this.node(n, dot);
  }

  private node(n: Node, dot: unknown): void {
    switch (n.k) {
      case 'text': this.out.push(n.s); return;
      case 'action': {
        const v = this.pipe(n.pipe, dot);
        if (!n.pipe.decl.length) this.out.push(printValue(v));
        return;
      }
      case 'break': case 'continue': throw new Control(n.k);
      case 'if': case 'with': {
        const mark = this.vars.length;
        const v = this.pipe(n.pipe, dot);
        if (goTruth(v)) this.list(n.list, n.k === 'with' ? v : dot);
        else if (n.elseList) this.list(n.elseList, dot);
        this.vars.length = mark;
        return;
      }
      case 'range': return this.range(n, dot);
    }
  }

  private range(n: BlockNode, dot: unknown): void {
    const mark = this.vars.length;
    const decl = n.pipe.decl;
    const v = this.pipe({ ...n.pipe, decl: [] }, dot);
    let entries: Array<[unknown, unknown]> = [];
    if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
    else if (v instanceof Map) entries = [...v.entries()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    else if (typeof v === 'number') entries = Array.from({ length: v }, (_, i) => [i, i]);
    else if (v && typeof v === 'object') entries = Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]);
    else if (v != null && v !== NO_VALUE) this.fail(n.pipe.pos, 'range', `range can't iterate over ${printValue(v)}`);
    if (!entries.length) {
      if (n.elseList) this.list(n.elseList, dot);
      return;
    }
    for (const [k, x] of entries) {
      this.vars.length = mark;
      if (decl.length === 1) this.vars.push([decl[0]!, x]);
      else if (decl.length === 2) this.vars.push([decl[0]!, k], [decl[1]!, x]);
      try {
        this.list(n.list, x);
      } catch (e) {
        if (e instanceof Control) { if (e.kind === 'break') break; continue; }
        throw e;
      }
    }
    this.vars.length = mark;
  }

  private pipe(p: Pipe, dot: unknown): unknown {
    let v: unknown = undefined;
    let first = true;
    for (const c of p.cmds) {
      v = this.cmd(c, dot, first ? undefined : { v });
      first = false;
    }
    for (const name of p.decl) {
      if (p.assign) {
        const slot = [...this.vars].reverse().find((x) => x[0] === name);
        if (slot) slot[1] = v;
      } else this.vars.push([name, v]);
    }
    return v;
  }

  private cmd(c: Cmd, dot: unknown, piped: { v: unknown } | undefined): unknown {
    const head = c.args[0];
    const more = c.args.length > 1;
    if (!head) return undefined;
    if (head.k === 'ident') {
      const fn = this.fns[head.name]!;
      try {
        return fn(...this.args(c, dot, piped));
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        const msg = (e as Error).message;
        this.fail(head.pos, head.name, msg.startsWith('error calling') ? msg : `error calling ${head.name}: ${msg}`);
      }
    }
    if (head.k === 'field' || head.k === 'var') {
      const base = head.k === 'field' ? dot : this.lookupVar(head.name);
      return this.chain(base, head.chain, head, more || piped ? this.args(c, dot, piped) : undefined);
    }
    if (more || piped) this.fail(head.pos, 'arg', `can't give argument to non-function ${printValue(this.arg(head, dot))}`);
    return this.arg(head, dot);
  }

  /** A command's arguments after its head, then the piped value (a method, not a closure per call: hot in tables). */
  private args(c: Cmd, dot: unknown, piped: { v: unknown } | undefined): unknown[] {
    const a: unknown[] = [];
    for (let i = 1; i < c.args.length; i++) a.push(this.arg(c.args[i]!, dot));
    if (piped) a.push(piped.v);
    return a;
  }

  private lookupVar(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]![0] === name) return this.vars[i]![1];
    return undefined;
  }

  private arg(a: Arg, dot: unknown): unknown {
    switch (a.k) {
      case 'dot': return dot;
      case 'field': return this.chain(dot, a.chain, a);
      case 'var': return this.chain(this.lookupVar(a.name), a.chain, a);
      case 'str': return a.v;
      case 'num': return a.v;
      case 'bool': return a.v;
      case 'nil': return null;
      case 'ident': return this.fns[a.name]!();
      case 'sub': return this.chain(this.pipe(a.pipe, dot), a.chain, a);
    }
  }

  /** Walk `.A.B`; the last element may be a method called with `callArgs`. */
  private chain(base: unknown, chain: string[], at: Arg, callArgs?: unknown[]): unknown {
    let v = base;
    const text = 'text' in at ? at.text : '.';
    for (let i = 0; i < chain.length; i++) {
      const name = chain[i]!;
      const last = i === chain.length - 1;
      if (v === null || v === undefined || v === NO_VALUE) {
        if (v === NO_VALUE || v === undefined) { v = NO_VALUE; continue; }
        this.fail(at.pos, text, `nil pointer evaluating interface {}.${name}`);
      }
      if (v instanceof Map) { v = v.has(name) ? v.get(name) : NO_VALUE; continue; }
      if (typeof v !== 'object') this.fail(at.pos, text, `can't evaluate field ${name} in type ${goTypeOf(v)}`);
      const obj = v as Record<string | symbol, unknown>;
      const typeName = obj[GO_TYPE] as string | undefined;
      if (!(name in obj)) {
        if (typeName) this.fail(at.pos, text, `can't evaluate field ${name} in type ${typeName}`);
        v = NO_VALUE;
        continue;
      }
      const f = obj[name];
      if (typeof f === 'function') {
        const a = last && callArgs ? callArgs : [];
        try {
          v = (f as (...x: unknown[]) => unknown).call(obj, ...a);
        } catch (e) {
          this.fail(at.pos, text, `error calling ${name}: ${(e as Error).message}`);
        }
      } else {
        if (last && callArgs?.length) this.fail(at.pos, text, `${name} has arguments but cannot be invoked as function`);
        v = f;
      }
    }
    if (!chain.length && callArgs?.length) this.fail(at.pos, text, `can't give argument to non-function ${text}`);
    return v;
  }
}

function goTypeOf(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}
