/** awk's built-in functions (length, substr, index, split, sub/gsub, match, sprintf, the math ones). */
import type { Node, Val } from './ast';
import type { AwkInterpreter } from './interpreter';
import { num, sprintf, toRegex } from './values';

export function callBuiltin(rt: AwkInterpreter, fn: string, a: Node[]): Val {
  const s = (k: number) => rt.str(rt.ev(a[k]));
  switch (fn) {
    case 'length': return a.length ? (a[0].k === 'var' && rt.arrays.has(a[0].name) ? rt.arrays.get(a[0].name)!.size : [...s(0)].length) : [...rt.fields[0]].length;
    case 'substr': {
      const t = [...s(0)];
      const m = Math.round(num(rt.ev(a[1])));
      const len = a[2] ? Math.round(num(rt.ev(a[2]))) : Infinity;
      const start = Math.max(1, m);
      const end = len === Infinity ? t.length + 1 : m + len;
      return t.slice(start - 1, Math.max(start - 1, end - 1)).join('');
    }
    case 'index': return s(0).indexOf(s(1)) + 1;
    case 'split': {
      if (a[1]?.k !== 'var') throw new Error('split: second argument must be an array');
      const parts = rt.split(s(0), a[2] ? (a[2].k === 're' ? a[2].v : rt.ev(a[2])) : rt.vars.get('FS')!);
      const target = new Map<string, Val>();
      parts.forEach((p, k) => target.set(String(k + 1), p));
      rt.arrays.set(a[1].name, target);
      return parts.length;
    }
    case 'sub': case 'gsub': {
      const re = a[0].k === 're' ? toRegex(a[0].v) : toRegex(s(0));
      const target = a[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
      const cur = rt.str(rt.ev(target));
      let count = 0;
      const g = new RegExp(re.source, 'g');
      const repl = s(1);
      const res = cur.replace(g, (m) => {
        if (fn === 'sub' && count) return m;
        count++;
        return repl.replace(/\\\\&|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
      });
      if (count) rt.assign(target, res);
      return count;
    }
    case 'match': {
      const re = a[1].k === 're' ? toRegex(a[1].v) : toRegex(s(1));
      const m = re.exec(s(0));
      rt.vars.set('RSTART', m ? m.index + 1 : 0);
      rt.vars.set('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf': return sprintf(s(0), a.slice(1).map((x) => rt.ev(x)));
    case 'toupper': return s(0).toUpperCase();
    case 'tolower': return s(0).toLowerCase();
    case 'int': return Math.trunc(num(rt.ev(a[0])));
    case 'sqrt': return Math.sqrt(num(rt.ev(a[0])));
    case 'exp': return Math.exp(num(rt.ev(a[0])));
    case 'log': return Math.log(num(rt.ev(a[0])));
    case 'sin': return Math.sin(num(rt.ev(a[0])));
    case 'cos': return Math.cos(num(rt.ev(a[0])));
    case 'atan2': return Math.atan2(num(rt.ev(a[0])), num(rt.ev(a[1])));
    case 'rand': return rt.ctx.sys.rng.int(1_000_000) / 1_000_000;
    case 'srand': return 0;
    default: return '';
  }
}
