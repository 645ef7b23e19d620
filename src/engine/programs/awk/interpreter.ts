/**
 * The running awk program's state (variables, arrays, the current record split into fields, the
 * output not yet written) and the evaluation of its expressions and statements. `index.ts` feeds
 * it records; `builtins.ts` holds the built-in functions.
 */
import type { ProgramContext } from '../../process/types';
import { decode } from '../lib/io';
import { Break, Continue, Exit, Next, type Item, type Node, type Stmt, type Val } from './ast';
import { callBuiltin } from './builtins';
import { isNumStr, num, numStr, sprintf, toRegex } from './values';

export class AwkInterpreter {
  readonly vars = new Map<string, Val>([['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['RS', '\n'], ['NR', 0], ['NF', 0], ['FNR', 0], ['SUBSEP', '\x1c'], ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['RSTART', 0], ['RLENGTH', -1], ['FILENAME', '']]);
  readonly arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [''];
  out = '';
  readonly files = new Map<string, string>();

  constructor(readonly ctx: ProgramContext) {
    const env = new Map<string, Val>(Object.entries(ctx.env));
    this.arrays.set('ENVIRON', env);
  }

  readonly flush = async () => {
    if (this.out) await this.ctx.stdout.write(this.out);
    this.out = '';
  };

  readonly split = (s: string, sep: Val): string[] => {
    const f = String(sep);
    if (f === ' ') return s.split(/[ \t\n]+/).filter((x, k, a) => x !== '' || (k > 0 && k < a.length - 1));
    if (s === '') return [];
    if (f.length === 1 && f !== '\\') return s.split(f);
    return s.split(toRegex(f));
  };
  readonly setRecord = (line: string) => {
    const parts = this.split(line, this.vars.get('FS')!).filter((x, k, a) => !(String(this.vars.get('FS')) === ' ' && x === '' && (k === 0 || k === a.length - 1)));
    this.fields = [line, ...parts];
    this.vars.set('NF', parts.length);
  };
  readonly rebuild = () => {
    const nf = num(this.vars.get('NF')!);
    this.fields.length = nf + 1;
    for (let k = 1; k <= nf; k++) if (this.fields[k] === undefined) this.fields[k] = '';
    this.fields[0] = this.fields.slice(1).join(String(this.vars.get('OFS')));
  };
  readonly arr = (n: string) => {
    let a = this.arrays.get(n);
    if (!a) this.arrays.set(n, (a = new Map()));
    return a;
  };
  readonly key = (ks: Node[]) => ks.map((k) => this.str(this.ev(k))).join(String(this.vars.get('SUBSEP')));
  readonly str = (v: Val) => (typeof v === 'number' ? numStr(v, String(this.vars.get('CONVFMT'))) : v);
  readonly getField = (n: number): Val => {
    const v = this.fields[n] ?? '';
    return v;
  };
  readonly assign = (target: Node, v: Val): Val => {
    if (target.k === 'var') {
      this.vars.set(target.name, v);
      if (target.name === 'NF') this.rebuild();
    } else if (target.k === 'idx') this.arr(target.name).set(this.key(target.keys), v);
    else if (target.k === 'field') {
      const n = Math.trunc(num(this.ev(target.e)));
      if (n === 0) this.setRecord(this.str(v));
      else {
        this.fields[n] = this.str(v);
        if (n > num(this.vars.get('NF')!)) this.vars.set('NF', n);
        this.rebuild();
      }
    }
    return v;
  };
  readonly get = (target: Node): Val => this.ev(target);

  readonly compare = (a: Val, b: Val, aNode: Node, bNode: Node): number => {
    const numeric = (v: Val, n: Node) => typeof v === 'number' || ((n.k === 'field' || (n.k === 'var' && n.name !== 'FILENAME') || n.k === 'idx') && isNumStr(v));
    if (numeric(a, aNode) && numeric(b, bNode)) return num(a) - num(b);
    const x = this.str(a);
    const y = this.str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

  readonly ev = (n: Node): Val => {
    switch (n.k) {
      case 'num': return n.v;
      case 'str': return n.v;
      case 're': return toRegex(n.v).test(this.fields[0]) ? 1 : 0;
      case 'group': return this.ev(n.e);
      case 'var': {
        if (n.name === 'NF' || n.name === 'NR' || n.name === 'FNR') return this.vars.get(n.name) ?? 0;
        return this.vars.get(n.name) ?? '';
      }
      case 'field': return this.getField(Math.trunc(num(this.ev(n.e))));
      case 'idx': {
        const a = this.arr(n.name);
        const k = this.key(n.keys);
        if (!a.has(k)) a.set(k, '');
        return a.get(k)!;
      }
      case 'in': return this.arr(n.name).has(this.key(n.keys)) ? 1 : 0;
      case 'assign': {
        const v = this.ev(n.e);
        if (n.op === '=') return this.assign(n.target, v);
        const cur = num(this.get(n.target));
        const r = num(v);
        const res = n.op === '+=' ? cur + r : n.op === '-=' ? cur - r : n.op === '*=' ? cur * r : n.op === '/=' ? cur / r : n.op === '%=' ? cur % r : cur ** r;
        return this.assign(n.target, res);
      }
      case 'incdec': {
        const cur = num(this.get(n.target));
        const nv = n.op === '++' ? cur + 1 : cur - 1;
        this.assign(n.target, nv);
        return n.prefix ? nv : cur;
      }
      case 'cond': return this.truthy(this.ev(n.c), n.c) ? this.ev(n.a) : this.ev(n.b);
      case 'un': {
        if (n.op === '!') return this.truthy(this.ev(n.e), n.e) ? 0 : 1;
        const v = num(this.ev(n.e));
        return n.op === '-' ? -v : v;
      }
      case 'match': {
        const re = n.re.k === 're' ? toRegex(n.re.v) : toRegex(this.str(this.ev(n.re)));
        const r = re.test(this.str(this.ev(n.a)));
        return r !== n.neg ? 1 : 0;
      }
      case 'bin': {
        if (n.op === '&&') return this.truthy(this.ev(n.a), n.a) && this.truthy(this.ev(n.b), n.b) ? 1 : 0;
        if (n.op === '||') return this.truthy(this.ev(n.a), n.a) || this.truthy(this.ev(n.b), n.b) ? 1 : 0;
        const a = this.ev(n.a);
        const b = this.ev(n.b);
        switch (n.op) {
          case 'concat': return this.str(a) + this.str(b);
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
            const c = this.compare(a, b, n.a, n.b);
            return (n.op === '<' ? c < 0 : n.op === '<=' ? c <= 0 : n.op === '>' ? c > 0 : n.op === '>=' ? c >= 0 : n.op === '==' ? c === 0 : c !== 0) ? 1 : 0;
          }
        }
      }
      case 'call': return callBuiltin(this, n.name, n.args);
    }
  };

  readonly truthy = (v: Val, n: Node): boolean => {
    if (typeof v === 'number') return v !== 0;
    if ((n.k === 'field' || n.k === 'var' || n.k === 'idx') && isNumStr(v)) return num(v) !== 0;
    return v !== '';
  };

  readonly write = (text: string, dest?: { op: string; e: Node }) => {
    if (!dest) {
      this.out += text;
      return;
    }
    if (dest.op === '|') throw new Error('output to a command is not simulated');
    const file = this.str(this.ev(dest.e));
    if (file === '/dev/stdout' || file === '-') this.out += text;
    else if (file === '/dev/stderr') void this.ctx.stderr.write(text);
    else {
      const prev = this.files.get(file);
      const content = prev === undefined ? (dest.op === '>>' ? (this.ctx.fs.exists(file) ? decode(this.ctx.fs.readFile(file)) : '') : '') + text : prev + text;
      this.files.set(file, content);
      this.ctx.fs.writeFile(file, content);
    }
  };

  readonly exec = (s: Stmt): void => {
    switch (s.k) {
      case 'expr': this.ev(s.e); return;
      case 'print': {
        if (s.f) {
          const vals = s.args.map((a) => this.ev(a));
          this.write(sprintf(this.str(vals[0] ?? ''), vals.slice(1)), s.dest);
        } else {
          const text = s.args.length ? s.args.map((a) => { const v = this.ev(a); return typeof v === 'number' ? numStr(v, String(this.vars.get('OFMT'))) : v; }).join(String(this.vars.get('OFS'))) : this.fields[0];
          this.write(text + String(this.vars.get('ORS')), s.dest);
        }
        return;
      }
      case 'if': if (this.truthy(this.ev(s.c), s.c)) this.exec(s.t); else if (s.f) this.exec(s.f); return;
      case 'while':
        while (this.truthy(this.ev(s.c), s.c)) {
          try { this.exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        }
        return;
      case 'do':
        do {
          try { this.exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        } while (this.truthy(this.ev(s.c), s.c));
        return;
      case 'for':
        for (s.init && this.exec(s.init); s.c ? this.truthy(this.ev(s.c), s.c) : true; s.step && this.exec(s.step)) {
          try { this.exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        }
        return;
      case 'forin':
        for (const k of [...this.arr(s.arr).keys()]) {
          this.vars.set(s.v, k);
          try { this.exec(s.body); } catch (e) { if (e instanceof Break) break; if (!(e instanceof Continue)) throw e; }
        }
        return;
      case 'block': for (const b of s.body) this.exec(b); return;
      case 'next': throw new Next();
      case 'exit': throw new Exit(s.e ? Math.trunc(num(this.ev(s.e))) : 0);
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'delete': if (s.keys) this.arr(s.name).delete(this.key(s.keys)); else this.arrays.set(s.name, new Map()); return;
    }
  };

  readonly runItem = (it: Item) => (it.action ? this.exec(it.action) : (this.out += this.fields[0] + String(this.vars.get('ORS'))));
}
