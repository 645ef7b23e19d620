/** The printf builtin and its formatter (bash's conversions, escapes and messages). */
import type { Builtin } from './index';
import { quote } from '../exec';
import { err, out } from './io';
import { backslashEscapes } from '../../lib/backslash-escapes';

/** printf(1): the format is reused until the arguments run out. */
export function formatPrintf(fmt: string, args: string[], onError: (msg: string) => void): { text: string; stop: boolean } {
  let text = '';
  let ai = 0;
  const next = () => args[ai++];
  for (;;) {
    const startAi = ai;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i];
      if (c === '\\') {
        // bash's tescape: in the format an octal escape is three digits in all (`\0101` is \010, 1).
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(fmt.slice(i))!;
        const r = backslashEscapes(m[0], 'three');
        if (r.stop) return { text, stop: true };
        text += r.text;
        i += m[0].length - 1;
        continue;
      }
      if (c !== '%') {
        text += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+)?)?([sdiouxXcbqfeEgG%])/.exec(fmt.slice(i));
      if (!m) {
        text += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, w, p, conv] = m;
      if (conv === '%') {
        text += '%';
        continue;
      }
      const width = w === '*' ? Number(next() ?? 0) : w ? Number(w) : 0;
      const prec = p === '*' ? Number(next() ?? 0) : p !== undefined ? Number(p) : undefined;
      const arg = next();
      let s: string;
      switch (conv) {
        case 's': s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec); break;
        case 'b': { const r = backslashEscapes(arg ?? '', 'zero-optional'); s = r.text; if (r.stop) return { text: text + s, stop: true }; break; }
        case 'q': s = quote(arg ?? ''); break;
        case 'c': s = (arg ?? '').charAt(0); break;
        default: {
          let n = 0;
          const a = (arg ?? '').trim();
          if (a === '') n = 0;
          else if (/^['"]/.test(a)) n = a.codePointAt(1) ?? 0;
          else if (/^[-+]?(0[xX][0-9a-fA-F]+|\d+(\.\d*)?)$/.test(a)) n = /^[-+]?0[xX]/.test(a) ? parseInt(a, 16) : Number(a);
          else {
            onError(`${arg}: invalid number`);
            n = parseFloat(a) || 0;
          }
          if ('diouxX'.includes(conv)) {
            n = Math.trunc(n);
            s = conv === 'o' ? n.toString(8) : conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : String(Math.abs(n));
            if (prec !== undefined) s = s.padStart(prec, '0');
            if ('di'.includes(conv)) s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          } else {
            s = conv === 'f' ? n.toFixed(prec ?? 6) : conv.toLowerCase() === 'e' ? n.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(prec || 6)));
            if (conv === 'E' || conv === 'G') s = s.toUpperCase();
            if (flags.includes('+') && n >= 0) s = '+' + s;
          }
          if (flags.includes('0') && !flags.includes('-') && s.length < width) {
            const sign = /^[-+ ]/.test(s) ? s[0] : '';
            s = sign + s.slice(sign.length).padStart(width - sign.length, '0');
          }
        }
      }
      text += flags.includes('-') ? s.padEnd(width) : s.padStart(width);
    }
    if (ai >= args.length || ai === startAi) break;
  }
  return { text, stop: false };
}

export const printf: Builtin = async (sh, argv) => {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  let varName: string | undefined;
  if (args[0] === '-v') {
    varName = args[1];
    args = args.slice(2);
  }
  if (!args.length) {
    await err(sh, 'printf', 'usage: printf [-v var] format [arguments]');
    return 2;
  }
  let status = 0;
  const msgs: string[] = [];
  const r = formatPrintf(args[0], args.slice(1), (m) => {
    msgs.push(m);
    status = 1;
  });
  for (const m of msgs) await err(sh, 'printf', m);
  if (varName) sh.setVar(varName, r.text);
  else await out(sh, r.text);
  return status;
};
