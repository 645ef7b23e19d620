/**
 * `test` / `[` (POSIX, with the usual -a/-o) and bash's `[[ ]]`, which differs in that its words
 * are not split or globbed, `==` matches patterns, `=~` matches regexes and `<`/`>` compare strings.
 */
import type { CondExpr } from './ast';
import type { Shell } from './shell';
import { ShellError } from './shell';
import { matchPattern } from './pattern';
import { COMPARISONS as BINOPS, compare, fileTest } from '../lib/test-operators';

function intArg(s: string): number {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new ShellError(`${s}: integer expression expected`, 2);
  return Number(t);
}

export function unaryTest(sh: Shell, op: string, a: string): boolean {
  switch (op) {
    case '-n': return a !== '';
    case '-z': return a === '';
    case '-a': return fileTest(sh.fs, '-e', a)!;
    case '-t': return (sh.fds.get(intArg(a)) as { isTTY?: boolean } | undefined)?.isTTY ?? false;
    case '-v': return sh.getVar(a) !== undefined;
  }
  const file = fileTest(sh.fs, op, a);
  if (file === undefined) throw new ShellError(`${op}: unary operator expected`, 2);
  return file;
}

export function binaryTest(sh: Shell, op: string, a: string, b: string): boolean {
  if (!BINOPS.has(op)) throw new ShellError(`${op}: binary operator expected`, 2);
  return compare(sh.fs, op, a, b, intArg);
}

/** The `test` builtin's grammar over already-expanded arguments (POSIX's 0-4 argument rules first). */
export function evalTest(sh: Shell, args: string[]): boolean {
  let i = 0;
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (args[i] === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (args[i] === '!' && i + 1 < args.length) {
      i++;
      return !not();
    }
    return prim();
  };
  const prim = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new ShellError('argument expected', 2);
    if (a === '(' && args.length - i >= 3) {
      i++;
      const v = or();
      if (args[i++] !== ')') throw new ShellError("')' expected", 2);
      return v;
    }
    if (i + 2 < args.length + 0 && BINOPS.has(args[i + 1]) && i + 2 <= args.length - 1) {
      i += 3;
      return binaryTest(sh, args[i - 2], a, args[i - 1]);
    }
    if (/^-[a-zA-Z]$/.test(a) && i + 1 < args.length) {
      i += 2;
      return unaryTest(sh, a, args[i - 1]);
    }
    i++;
    return a !== '';
  };
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2 && args[0] === '!') return args[1] === '';
  if (args.length === 3 && BINOPS.has(args[1])) return binaryTest(sh, args[1], args[0], args[2]);
  const v = or();
  if (i < args.length) throw new ShellError(`${args[i]}: ${i === 1 ? 'unary' : 'binary'} operator expected`, 2);
  return v;
}

export async function evalCond(sh: Shell, e: CondExpr): Promise<boolean> {
  switch (e.type) {
    case 'and': return (await evalCond(sh, e.left)) && evalCond(sh, e.right);
    case 'or': return (await evalCond(sh, e.left)) || evalCond(sh, e.right);
    case 'not': return !(await evalCond(sh, e.expr));
    case 'word': return (await sh.expander.string(e.word)) !== '';
    case 'unary': return unaryTest(sh, e.op, await sh.expander.string(e.arg));
    case 'binary': {
      const l = await sh.expander.string(e.left);
      if (e.op === '=' || e.op === '!=') {
        const m = matchPattern(await sh.expander.pattern(e.right), l);
        return e.op === '=' ? m : !m;
      }
      if (e.op === '=~') {
        const src = await sh.expander.pattern(e.right);
        // Quoted parts of the regex match literally: the expander escaped them with backslashes.
        const m = new RegExp(src.replace(/\\([*?[\]])/g, '\\$1')).exec(l);
        if (m) sh.setVar('BASH_REMATCH', m[0]);
        return !!m;
      }
      return binaryTest(sh, e.op, l, await sh.expander.string(e.right));
    }
  }
}
