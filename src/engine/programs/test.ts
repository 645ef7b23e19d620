/**
 * /usr/bin/test and /usr/bin/[ (GNU): the POSIX rules by argument count (so `test -n` and
 * `test ! -z` mean what POSIX says), then a recursive-descent parser for longer expressions with
 * `!`, `-a` (binds tighter), `-o`, and parentheses. Exit 0 true, 1 false, 2 on a usage error.
 */
import type { ProgramContext } from '../process/types';
import type { Fs } from '../../api/fs';
import { COMPARISONS as BINARY, compare, fileTest } from '../../lib/test-operators';

class TestError extends Error {}

const UNARY = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-G', '-h', '-k', '-L', '-n', '-O', '-p', '-r', '-s', '-S', '-t', '-u', '-w', '-x', '-z']);

function int(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new TestError(`invalid integer '${s}'`);
  return BigInt(t);
}

function unary(op: string, a: string, fs: Fs, ctx: ProgramContext): boolean {
  if (op === '-n') return a.length > 0;
  if (op === '-z') return a.length === 0;
  if (op === '-t') return a === '1' ? ctx.stdout.isTTY : a === '0' ? ctx.stdin.isTTY : a === '2' ? ctx.stderr.isTTY : false;
  return fileTest(fs, op, a) ?? false;
}

const binary = (a: string, op: string, b: string, fs: Fs): boolean => compare(fs, op, a, b, int);

function evaluate(args: string[], fs: Fs, ctx: ProgramContext): boolean {
  let i = 0;
  const peek = () => args[i];
  const expectMore = () => {
    if (i >= args.length) throw new TestError(`missing argument after '${args[i - 1]}'`);
  };
  // POSIX's fixed rules for up to four arguments keep `test -n` / `test ! = x` unambiguous.
  const small = (xs: string[]): boolean | undefined => {
    switch (xs.length) {
      case 0: return false;
      case 1: return xs[0].length > 0;
      case 2:
        if (xs[0] === '!') return xs[1].length === 0;
        if (UNARY.has(xs[0])) return unary(xs[0], xs[1], fs, ctx);
        throw new TestError(`'${xs[0]}': unary operator expected`);
      case 3:
        if (BINARY.has(xs[1])) return binary(xs[0], xs[1], xs[2], fs);
        if (xs[1] === '-a') return xs[0].length > 0 && xs[2].length > 0;
        if (xs[1] === '-o') return xs[0].length > 0 || xs[2].length > 0;
        if (xs[0] === '!') return !small(xs.slice(1));
        if (xs[0] === '(' && xs[2] === ')') return xs[1].length > 0;
        throw new TestError(`'${xs[1]}': binary operator expected`);
      case 4:
        if (xs[0] === '!') return !small(xs.slice(1));
        if (xs[0] === '(' && xs[3] === ')') return small(xs.slice(1, 3));
    }
    return undefined;
  };
  const s = small(args);
  if (s !== undefined) return s;

  const primary = (): boolean => {
    expectMore();
    const a = args[i];
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(') {
      i++;
      const v = orExpr();
      if (peek() !== ')') throw new TestError(`')' expected`);
      i++;
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3;
      return binary(a, args[i - 2], args[i - 1], fs);
    }
    if (UNARY.has(a) && i + 1 < args.length) {
      i += 2;
      return unary(a, args[i - 1], fs, ctx);
    }
    i++;
    return a.length > 0;
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (peek() === '-a') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (peek() === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const v = orExpr();
  if (i < args.length) throw new TestError(`extra argument '${args[i]}'`);
  return v;
}

async function runTest(ctx: ProgramContext, name: string, args: string[]): Promise<number> {
  try {
    return evaluate(args, ctx.fs, ctx) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    await ctx.stderr.write(`${name}: ${e.message}\n`);
    return 2;
  }
}

export async function test(ctx: ProgramContext): Promise<number> {
  return runTest(ctx, 'test', ctx.argv.slice(1));
}

export async function bracket(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.length === 1 && args[0] === '--help') {
    await ctx.stdout.write('Usage: [ EXPRESSION ]\n');
    return 0;
  }
  if (args[args.length - 1] !== ']') {
    await ctx.stderr.write(`[: missing ']'\n`);
    return 2;
  }
  return runTest(ctx, '[', args.slice(0, -1));
}
