/**
 * `xz`, `unxz`, `xzcat` (XZ Utils 5.4, Ubuntu 24.04) over lib/xz.ts: compress a file to FILE.xz
 * and remove the original (`-k` keeps it, `-c` writes to stdout), `-d` the other way, `-t` tests.
 * The streams are real .xz files that XZ Utils reads; their LZMA2 chunks are stored, so they are
 * not smaller, and LZMA-compressed input from a real xz is refused as not simulated.
 */
import type { ProgramContext } from '../process/types';
import { Io, errText } from './lib/io';
import { XzError, xzDecode, xzEncode } from './lib/xz';

async function xzMain(ctx: ProgramContext, mode: 'xz' | 'unxz' | 'xzcat'): Promise<number> {
  const io = new Io(ctx, 'xz');
  const args = ctx.argv.slice(1);
  const flags = new Set<string>();
  const files: string[] = [];
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (ended || !a.startsWith('-') || a === '-') files.push(a);
    else if (a === '--') ended = true;
    else if (a.startsWith('--')) {
      const long: Record<string, string> = { decompress: 'd', uncompress: 'd', compress: 'z', keep: 'k', stdout: 'c', 'to-stdout': 'c', force: 'f', test: 't', verbose: 'v', quiet: 'q' };
      if (a === '--version') {
        await io.out('xz (XZ Utils) 5.4.5\nliblzma 5.4.5\n');
        return 0;
      }
      if (!long[a.slice(2)]) {
        await ctx.stderr.write(`xz: unrecognized option '${a}'\nxz: Try \`xz --help' for more information.\n`);
        return 1;
      }
      flags.add(long[a.slice(2)]);
    } else {
      for (const c of a.slice(1)) {
        if (c === 'T') {
          i++;
          break;
        }
        if (!/[dzkcftvq0-9e]/.test(c)) {
          await ctx.stderr.write(`xz: invalid option -- '${c}'\nxz: Try \`xz --help' for more information.\n`);
          return 1;
        }
        flags.add(c);
      }
    }
  }
  const decompress = mode !== 'xz' || flags.has('d') || flags.has('t');
  const toStdout = mode === 'xzcat' || flags.has('c') || flags.has('t');
  let status = 0;
  const fail = async (msg: string, code: number) => {
    await io.err(msg);
    status = Math.max(status, code);
  };
  for (const f of files.length ? files : ['-']) {
    try {
      if (f === '-') {
        if (!decompress && ctx.stdout.isTTY && !flags.has('f')) {
          await ctx.stderr.write('xz: Compressed data cannot be written to a terminal\nxz: Try `xz --help\' for more information.\n');
          return 1;
        }
        const data = await io.readStdin();
        const out = decompress ? xzDecode(data) : xzEncode(data);
        if (!flags.has('t')) await io.out(out);
        continue;
      }
      const st = ctx.fs.stat(f);
      if (st.kind === 'dir') {
        await fail(`${f}: Is a directory, skipping`, 2);
        continue;
      }
      let dest = f;
      if (decompress) {
        const m = /\.(xz|txz)$/.exec(f);
        if (!m && !toStdout) {
          await fail(`${f}: Filename has an unknown suffix, skipping`, 2);
          continue;
        }
        if (m) dest = f.slice(0, -m[0].length) + (m[1] === 'txz' ? '.tar' : '');
      } else {
        if (/\.(xz|txz)$/.test(f) && !toStdout) {
          await fail(`${f}: File already has \`.xz' suffix, skipping`, 2);
          continue;
        }
        dest = f + '.xz';
      }
      const data = ctx.fs.readFile(f);
      let out: Uint8Array;
      try {
        out = decompress ? xzDecode(data) : xzEncode(data);
      } catch (e) {
        await fail(`${f}: ${e instanceof XzError ? e.message : errText(e)}`, 1);
        continue;
      }
      if (flags.has('t')) continue;
      if (toStdout) {
        await io.out(out);
        continue;
      }
      if (ctx.fs.exists(dest) && !flags.has('f')) {
        await fail(`${dest}: File exists`, 1);
        continue;
      }
      ctx.fs.writeFile(dest, out, { mode: st.mode & 0o777 });
      ctx.fs.utimes(dest, st.atime, st.mtime);
      if (!flags.has('k')) ctx.fs.unlink(f);
    } catch (e) {
      await fail(`${f === '-' ? '(stdin)' : f}: ${e instanceof XzError ? e.message : errText(e)}`, 1);
    }
  }
  return status;
}

export const xz = (ctx: ProgramContext): Promise<number> => xzMain(ctx, 'xz');
export const unxz = (ctx: ProgramContext): Promise<number> => xzMain(ctx, 'unxz');
export const xzcat = (ctx: ProgramContext): Promise<number> => xzMain(ctx, 'xzcat');
