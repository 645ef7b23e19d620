/**
 * Small GNU programs: true false pwd sleep yes seq clear which basename dirname realpath readlink
 * mktemp tee. `sleep` waits on the machine's clock with the abort signal, so virtual time jumps
 * over it in tests and Ctrl-C interrupts it; `yes` yields between batches.
 */
import type { ProgramContext } from '../process/types';
import { isFsError } from '../../api/fs';
import { GNU, type Flavour } from './lib/opts';
import { Io, basename as base, dirname as dir, errText, q } from './lib/io';

export const trueProg = async (): Promise<number> => 0;
export const falseProg = async (): Promise<number> => 1;

export async function pwd(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'pwd', fl);
  const p = await io.parse({ short: 'LP', long: { logical: 'L', physical: 'P' } }, 'Usage: pwd [OPTION]...\nPrint the full filename of the current working directory.\n');
  if (typeof p === 'number') return p;
  let cwd = ctx.fs.cwd;
  try {
    cwd = ctx.fs.realpath(cwd);
  } catch (e) {
    await io.err(`couldn't find directory entry in ${q('..')} with matching i-node: ${errText(e)}`);
    return 1;
  }
  await io.out(cwd + '\n');
  return 0;
}

export async function sleep(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'sleep', fl);
  const args = ctx.argv.slice(1);
  if (args[0] === '--help') return (await io.out('Usage: sleep NUMBER[SUFFIX]...\n'), 0);
  if (!args.length) return io.usage('missing operand');
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+|inf(?:inity)?)([smhd]?)$/.exec(a);
    if (!m) return io.usage(`invalid time interval ${q(a)}`);
    const n = m[1].startsWith('inf') ? Infinity : Number(m[1]);
    ms += n * { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2]]!;
  }
  if (ms === Infinity) ms = 2 ** 31 * 1000;
  await ctx.sys.clock.sleep(ms, ctx.signal);
  return 0;
}

export async function yes(ctx: ProgramContext): Promise<number> {
  const text = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y') + '\n';
  const batch = text.repeat(Math.max(1, Math.floor(4096 / text.length)));
  for (;;) {
    if (ctx.signal.aborted) return 130;
    await ctx.stdout.write(batch);
    await ctx.sys.tick(ctx.signal);
  }
}

export async function seq(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'seq', fl);
  // Negative numbers are operands, not options: only parse leading -s/-w/-f.
  const args = ctx.argv.slice(1);
  let sep = '\n';
  let pad = false;
  let fmt: string | undefined;
  while (args.length && /^-[swf]/.test(args[0])) {
    const a = args.shift()!;
    if (a === '-w') pad = true;
    else if (a.startsWith('-s')) sep = a.length > 2 ? a.slice(2) : (args.shift() ?? '');
    else if (a.startsWith('-f')) fmt = a.length > 2 ? a.slice(2) : args.shift();
  }
  if (args[0] === '--help') return (await io.out('Usage: seq [OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST\n'), 0);
  if (!args.length) return io.usage('missing operand');
  if (args.length > 3) return io.usage(`extra operand ${q(args[3])}`);
  for (const a of args) if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(a)) return io.usage(`invalid floating point argument: ${q(a)}`);
  const nums = args.map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (step === 0) return io.usage(`invalid Zero increment value: ${q(args[1])}`);
  const decimals = Math.max(...args.map((a) => (a.includes('.') ? a.split('.')[1].length : 0)));
  const fmtNum = (v: number) => {
    let s = v.toFixed(decimals);
    if (fmt) s = fmt.replace(/%[-0-9.]*[gfde]/, s);
    return s;
  };
  const value = (i: number): number | undefined => {
    const v = first + i * step;
    return (step > 0 ? v > last + 1e-12 : v < last - 1e-12) ? undefined : v;
  };
  // -w pads to the widest number, which is known only once all are formatted.
  let width = 0;
  if (pad) for (let i = 0, v = value(0); v !== undefined; v = value(++i)) width = Math.max(width, fmtNum(v).length);
  const show = (v: number): string => {
    const s = fmtNum(v);
    if (!pad) return s;
    return s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
  };
  // The common case (`seq 1 1000000 | wc -l`) counts up as GNU's seq_fast does.
  if (!pad && !fmt && decimals === 0 && step === 1 && first >= 0 && Number.isSafeInteger(first) && Number.isSafeInteger(last)) {
    await countUp(io, first, last, sep);
    return 0;
  }
  // Stream in 16 KiB chunks: `seq 1 100000000 | head` must neither build the whole text first
  // nor hold the page; the pipe's back-pressure paces it and head's exit ends it (SIGPIPE).
  let chunk = '';
  for (let i = 0, v = value(0); v !== undefined; v = value(++i)) {
    chunk += (i ? sep : '') + show(v);
    if (chunk.length >= 16384) {
      await io.out(chunk);
      chunk = '';
      await io.tick();
    }
  }
  if (value(0) !== undefined) await io.out(chunk + '\n');
  return 0;
}

/**
 * `seq FIRST LAST` counting up by one, as GNU seq's seq_fast does: the number is kept as decimal
 * digits and incremented in place, and bytes go out without a string in between (a million
 * numbers in tens of milliseconds, where formatting and encoding each took most of the time).
 */
async function countUp(io: Io, first: number, last: number, sep: string): Promise<void> {
  const counter = new DecimalCounter(first, last, new TextEncoder().encode(sep));
  for (;;) {
    const chunk = counter.fill(16384);
    if (chunk.length) await io.out(chunk);
    if (counter.done) return;
    await io.tick();
  }
}

/** The digits of seq_fast's counter; `fill` is synchronous so the engine optimises its loop. */
class DecimalCounter {
  private readonly digits: number[];
  private v: number;
  done = false;

  constructor(
    first: number,
    private readonly last: number,
    private readonly sep: Uint8Array,
  ) {
    this.v = first;
    this.digits = Array.from(String(first), (c) => c.charCodeAt(0));
    this.done = first > last;
  }

  /** The next numbers, about `bytes` of them, ending with a newline after the last one. */
  fill(bytes: number): Uint8Array {
    if (this.done) return new Uint8Array(0);
    const { digits, sep, last } = this;
    const buf = new Uint8Array(bytes + sep.length + 32);
    let n = 0;
    let v = this.v;
    while (n < bytes) {
      for (let i = 0; i < digits.length; i++) buf[n++] = digits[i];
      if (v === last) {
        buf[n++] = 10;
        this.done = true;
        break;
      }
      for (let i = 0; i < sep.length; i++) buf[n++] = sep[i];
      v++;
      let k = digits.length - 1;
      while (k >= 0 && digits[k] === 57) digits[k--] = 48;
      if (k < 0) digits.unshift(49);
      else digits[k]++;
    }
    this.v = v;
    return buf.subarray(0, n);
  }
}

export async function clear(ctx: ProgramContext): Promise<number> {
  await ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
}

export async function which(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const all = args[0] === '-a';
  if (all) args.shift();
  let status = 0;
  for (const n of args) {
    if (all && !n.includes('/')) {
      let found = false;
      for (const d of (ctx.env.PATH ?? '').split(':')) {
        const p = (d || '.') + '/' + n;
        try {
          if (ctx.fs.stat(p).kind === 'file' && ctx.fs.access(p, 1)) {
            await ctx.stdout.write(p + '\n');
            found = true;
          }
        } catch {
          /* not here */
        }
      }
      if (!found) status = 1;
      continue;
    }
    const p = ctx.sys.which(n, ctx.env, ctx.fs);
    if (p) await ctx.stdout.write(p + '\n');
    else status = 1;
  }
  return status;
}

export async function basename(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'basename', fl);
  const p = await io.parse({ short: 'as:z', long: { multiple: 'a', suffix: 's=', zero: 'z' } }, 'Usage: basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  const multi = p.has('a') || p.has('s');
  if (!multi && p.operands.length > 2) return io.usage(`extra operand ${q(p.operands[2])}`);
  const suffix = p.get('s') ?? (multi ? undefined : p.operands[1]);
  const names = multi ? p.operands : [p.operands[0]];
  let out = '';
  for (const n of names) {
    let b = base(n);
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    out += b + (p.has('z') ? '\0' : '\n');
  }
  await io.out(out);
  return 0;
}

export async function dirname(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'dirname', fl);
  const p = await io.parse({ short: 'z', long: { zero: 'z' } }, 'Usage: dirname [OPTION] NAME...\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  await io.out(p.operands.map((n) => dir(n) + (p.has('z') ? '\0' : '\n')).join(''));
  return 0;
}

export async function realpath(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'realpath', fl);
  const p = await io.parse({ short: 'emsqz', long: { 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-symlinks': 's', strip: 's', quiet: 'q' } }, 'Usage: realpath [OPTION]... FILE...\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  let status = 0;
  for (const f of p.operands) {
    try {
      if (p.has('s') || p.has('m')) await io.out(ctx.fs.resolve(f) + '\n');
      else {
        try {
          await io.out(ctx.fs.realpath(f) + '\n');
        } catch (e) {
          // GNU realpath accepts a missing last component by default.
          if (p.has('e')) throw e;
          await io.out(ctx.fs.realpath(dir(f)).replace(/\/$/, '') + '/' + base(f) + '\n');
        }
      }
    } catch (e) {
      if (!p.has('q')) await io.err(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

export async function readlink(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'readlink', fl);
  const p = await io.parse({ short: 'femnqsvz', long: { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n', quiet: 'q', silent: 's', verbose: 'v' } }, 'Usage: readlink [OPTION]... FILE...\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  let status = 0;
  for (const f of p.operands) {
    try {
      const v = p.has('f') || p.has('e') ? ctx.fs.realpath(f) : p.has('m') ? ctx.fs.resolve(f) : ctx.fs.readlink(f);
      await io.out(v + (p.has('n') ? '' : '\n'));
    } catch (e) {
      if (p.has('v')) await io.err(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

export async function mktemp(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'mktemp', fl);
  const p = await io.parse({ short: 'dqtup:', long: { directory: 'd', quiet: 'q', 'dry-run': 'u', tmpdir: 'p=?' } }, 'Usage: mktemp [OPTION]... [TEMPLATE]\n');
  if (typeof p === 'number') return p;
  const template = p.operands[0] ?? 'tmp.XXXXXXXXXX';
  const m = /X{3,}$/.exec(template);
  if (!m) {
    await io.err(`too few X's in template ${q(template)}`);
    return 1;
  }
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const tmpdir = p.get('p') || ctx.env.TMPDIR || '/tmp';
  let path = '';
  // Like mkstemp, try fresh random names until one does not exist yet.
  for (let attempt = 0; ; attempt++) {
    let name = template.slice(0, m.index);
    for (let i = 0; i < m[0].length; i++) name += chars[ctx.sys.rng.int(chars.length)];
    path = p.operands[0] && !p.has('p') && !p.has('t') ? name : `${tmpdir.replace(/\/$/, '')}/${name}`;
    try {
      if (!p.has('u')) {
        if (p.has('d')) ctx.fs.mkdir(path, { mode: 0o700 });
        else ctx.fs.writeFile(path, '', { mode: 0o600, exclusive: true });
      }
      break;
    } catch (e) {
      if (isFsError(e, 'EEXIST') && attempt < 100) continue;
      if (!p.has('q')) await io.err(`failed to create ${p.has('d') ? 'directory' : 'file'} via template ${q(path.replace(/[^/]*$/, template.split('/').pop()!))}: ${errText(e)}`);
      return 1;
    }
  }
  await io.out(path + '\n');
  return 0;
}

export async function tee(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'tee', fl);
  const p = await io.parse({ short: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } }, 'Usage: tee [OPTION]... [FILE]...\nCopy standard input to each FILE, and also to standard output.\n');
  if (typeof p === 'number') return p;
  let status = 0;
  const files: string[] = [];
  for (const f of p.operands) {
    try {
      ctx.fs.writeFile(f, '', { append: p.has('a') });
      files.push(f);
    } catch (e) {
      await io.err(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  for (;;) {
    const c = await ctx.stdin.read(ctx.signal);
    if (!c) break;
    for (const f of files) ctx.fs.writeFile(f, c, { append: true });
    await io.out(c);
  }
  return status;
}
