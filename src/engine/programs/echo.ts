/**
 * /bin/echo and /bin/printf as GNU coreutils ship them (the shell has its own builtins; these are
 * the files `env echo` or `xargs echo` run). printf reuses its format while arguments remain, and
 * reports bad numbers as GNU does: `printf: 'abc': expected a numeric value` with exit 1.
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io } from './lib/io';
import { shellQuote } from './lib/format';
import { backslashEscapes } from '../../lib/backslash-escapes';

export async function echo(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  // GNU echo: leading arguments made only of n/e/E letters are options; anything else is text.
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const c of args[0].slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
    args.shift();
  }
  let text = args.join(' ');
  if (escapes) {
    const r = backslashEscapes(text, 'echo');
    text = r.text;
    if (r.stop) newline = false;
  }
  await ctx.stdout.write(newline ? text + '\n' : text);
  return 0;
}

function parseNum(s: string): { v: number; ok: boolean; partial: boolean } {
  if (/^['"]/.test(s)) return { v: s.length > 1 ? s.codePointAt(1)! : 0, ok: true, partial: false };
  const t = s.trim();
  if (t === '') return { v: 0, ok: false, partial: false };
  const m = /^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(t);
  if (!m) return { v: 0, ok: false, partial: false };
  const neg = m[0].startsWith('-');
  const body = m[0].replace(/^[+-]/, '');
  let v = body.startsWith('0x') || body.startsWith('0X') ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body);
  if (neg) v = -v;
  return { v, ok: m[0].length === t.length, partial: m[0].length !== t.length };
}

export async function printf(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'printf', fl);
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) return io.usage('missing operand');
  if (args[0] === '--help') {
    await io.out('Usage: printf FORMAT [ARGUMENT]...\n');
    return 0;
  }
  const fmt = args.shift()!;
  let status = 0;
  let out = '';
  let ai = 0;
  const next = () => (ai < args.length ? args[ai++] : undefined);
  const num = async (s: string | undefined): Promise<number> => {
    if (s === undefined) return 0;
    const r = parseNum(s);
    if (!r.ok) {
      await io.err(r.partial ? `'${s}': value not completely converted` : `'${s}': expected a numeric value`);
      status = 1;
    }
    return r.v;
  };
  for (;;) {
    const used0 = ai;
    let stop = false;
    for (let i = 0; i < fmt.length && !stop; i++) {
      const c = fmt[i];
      if (c === '\\') {
        const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(fmt.slice(i));
        const r = backslashEscapes(m![0], 'three');
        if (r.stop) return (await io.out(out), status);
        out += r.text;
        i += m![0].length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfgGcsbq%])/.exec(fmt.slice(i));
      if (!m) {
        await io.err(`%${fmt[i + 1] ?? ''}: invalid conversion specification`);
        await io.out(out);
        return 1;
      }
      i += m[0].length - 1;
      const [, flags, wRaw, pRaw, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = wRaw === '*' ? await num(next()) : wRaw ? Number(wRaw) : 0;
      const prec = pRaw === undefined ? undefined : pRaw === '*' ? await num(next()) : Number(pRaw || '0');
      const arg = next();
      let s: string;
      switch (conv) {
        case 's': s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec); break;
        case 'q': s = arg === undefined ? "''" : shellQuote(arg); break;
        case 'b': {
          const r = backslashEscapes(arg ?? '', 'zero-optional');
          s = r.text;
          if (r.stop) stop = true;
          break;
        }
        case 'c': s = (arg ?? '').slice(0, 1); break;
        case 'd': case 'i': case 'u': {
          const v = Math.trunc(await num(arg));
          s = String(Math.abs(v));
          if (prec !== undefined) s = s.padStart(prec, '0');
          s = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'x': case 'X': case 'o': {
          let v = Math.trunc(await num(arg));
          if (v < 0) v = Number(BigInt.asUintN(64, BigInt(v)));
          s = v.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (prec !== undefined) s = s.padStart(prec, '0');
          if (flags.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          break;
        }
        default: {
          const v = arg === undefined ? 0 : Number(arg);
          if (arg !== undefined && Number.isNaN(v)) {
            await io.err(`'${arg}': expected a numeric value`);
            status = 1;
          }
          const p = prec ?? 6;
          const x = Number.isNaN(v) ? 0 : v;
          if (conv === 'f') s = x.toFixed(p);
          else if (conv === 'e' || conv === 'E') s = x.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
          else s = String(Number(x.toPrecision(p || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (x >= 0 && flags.includes('+')) s = '+' + s;
        }
      }
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[diouxXeEfgG]/.test(conv) && prec === undefined) {
          const sign = /^[+ -]/.test(s) ? s[0] : '';
          s = sign + s.slice(sign.length).padStart(width - sign.length, '0');
        } else s = s.padStart(width);
      }
      out += s;
    }
    if (stop || ai >= args.length || ai === used0) break;
  }
  await io.out(out);
  return status;
}
