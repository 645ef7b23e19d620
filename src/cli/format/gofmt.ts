/** Go's fmt as templates use it: `%v` printing of values and a printf subset. */
import { NO_VALUE_TEXT } from './gofmt-consts';

/** fmt.Sprint of one value (`[a b]` for slices, `map[k:v]` for maps, `<nil>` for nil). */
export function printValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'symbol') return NO_VALUE_TEXT;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(printValue).join(' ') + ']';
  if (v instanceof Map) return 'map[' + [...v.entries()].map(([k, x]) => `${printValue(k)}:${printValue(x)}`).join(' ') + ']';
  if (typeof v === 'function') return '<func>';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return 'map[' + Object.keys(o).sort().map((k) => `${k}:${printValue(o[k])}`).join(' ') + ']';
  }
  return String(v);
}

function goFloat(v: number): string {
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = v.toExponential().split('e') as [string, string];
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(v);
}

/** A printf subset: %v %s %d %q %t %x %X %f %g %e %%, with flags `-`, `0`, `+` and width/precision. */
export function goSprintf(format: string, args: unknown[]): string {
  let ai = 0;
  return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width?: string, prec?: string, verb?: string) => {
    if (verb === '%') return '%';
    if (ai >= args.length) return `%!${verb}(MISSING)`;
    const a = args[ai++];
    let s: string;
    switch (verb) {
      case 'v': case 's': s = printValue(a); break;
      case 'd': s = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${typeof a}=${printValue(a)})`; break;
      case 'q': s = JSON.stringify(printValue(a)); break;
      case 't': s = String(a); break;
      case 'x': s = typeof a === 'number' ? a.toString(16) : [...new TextEncoder().encode(printValue(a))].map((b) => b.toString(16).padStart(2, '0')).join(''); break;
      case 'X': s = typeof a === 'number' ? a.toString(16).toUpperCase() : printValue(a); break;
      case 'f': s = Number(a).toFixed(prec === undefined ? 6 : Number(prec)); break;
      case 'e': s = Number(a).toExponential(prec === undefined ? 6 : Number(prec)); break;
      case 'g': s = printValue(Number(a)); break;
      default: s = `%!${verb}(${printValue(a)})`;
    }
    if ((verb === 's' || verb === 'v') && prec !== undefined) s = s.slice(0, Number(prec));
    if (flags.includes('+') && typeof a === 'number' && a >= 0 && 'dfeg'.includes(verb!)) s = '+' + s;
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0') && typeof a === 'number') s = s.startsWith('-') ? '-' + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0');
      else s = s.padStart(w);
    }
    return s;
  }) + (ai < args.length ? `%!(EXTRA ${args.slice(ai).map((x) => `${typeof x === 'number' ? 'int' : 'string'}=${printValue(x)}`).join(', ')})` : '');
}
