/** awk's values: a string or a number, converted on use (numeric strings, CONVFMT, printf formats). */
import { posixToJs } from '../grep';
import type { Val } from './ast';

export const isNumStr = (s: string) => /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)\s*$/.test(s);

export function num(v: Val): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(v);
  return m ? Number(m[0]) : 0;
}

export function numStr(n: number, convfmt = '%.6g'): string {
  if (Number.isInteger(n)) return String(n);
  return sprintf(convfmt, [n]);
}

export function sprintf(fmt: string, args: Val[]): string {
  let i = 0;
  return fmt.replace(/%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([cdiouxXeEfgGs%])/g, (_m, flags: string, w: string | undefined, pr: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? num(args[i++] ?? 0) : w ? Number(w) : 0;
    const prec = pr === '*' ? num(args[i++] ?? 0) : pr !== undefined ? Number(pr) : undefined;
    const a = args[i++] ?? '';
    let s: string;
    switch (conv) {
      case 'c': s = typeof a === 'number' ? String.fromCharCode(a) : String(a).charAt(0); break;
      case 'd': case 'i': s = String(Math.trunc(num(a))); if (flags.includes('+') && num(a) >= 0) s = '+' + s; break;
      case 'o': s = Math.trunc(num(a)).toString(8); break;
      case 'u': s = String(Math.abs(Math.trunc(num(a)))); break;
      case 'x': s = Math.trunc(num(a)).toString(16); break;
      case 'X': s = Math.trunc(num(a)).toString(16).toUpperCase(); break;
      case 'e': case 'E': s = num(a).toExponential(prec ?? 6).replace(/e([-+])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
      case 'f': s = num(a).toFixed(prec ?? 6); break;
      case 'g': case 'G': {
        const n = num(a);
        const p = prec === 0 ? 1 : prec ?? 6;
        const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
        s = exp < -4 || exp >= p ? n.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([-+])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p)));
        if (conv === 'G') s = s.toUpperCase();
        break;
      }
      default: s = typeof a === 'number' ? numStr(a) : a; if (prec !== undefined) s = s.slice(0, prec);
    }
    if (s.length < width) s = flags.includes('-') ? s.padEnd(width) : flags.includes('0') && conv !== 's' ? (s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0')) : s.padStart(width);
    return s;
  });
}

export function toRegex(v: Val | RegExp): RegExp {
  if (v instanceof RegExp) return v;
  return new RegExp(posixToJs(String(v), true));
}
