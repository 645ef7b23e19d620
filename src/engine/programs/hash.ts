/**
 * md5sum and sha256sum (GNU: `HASH  NAME`, `-` for stdin, -c to check a list) using @noble/hashes,
 * and file(1) for the kinds a learner meets: program markers (reported as ELF executables), text
 * (ASCII / UTF-8), scripts by shebang, gzip, tar, JSON, empty files, directories, symlinks.
 */
import type { ProgramContext } from '../process/types';
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { GNU, type Flavour } from './lib/opts';
import { Io, decode, errText, splitLines } from './lib/io';
import { markerProgram } from './registry';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

async function sum(ctx: ProgramContext, name: string, fn: (d: Uint8Array) => Uint8Array, fl: Flavour): Promise<number> {
  const io = new Io(ctx, name, fl);
  const p = await io.parse({ short: 'cbtwz', long: { check: 'c', binary: 'b', text: 't', quiet: 'q', status: 's', warn: 'w', zero: 'z' } }, `Usage: ${name} [OPTION]... [FILE]...\n`);
  if (typeof p === 'number') return p;
  const files = p.operands.length ? p.operands : ['-'];
  let status = 0;
  const read = async (f: string): Promise<Uint8Array | undefined> => {
    try {
      if (f !== '-' && ctx.fs.stat(f).kind === 'dir') {
        await io.err(`${f}: Is a directory`);
        return undefined;
      }
      return await io.readInput(f);
    } catch (e) {
      await io.err(`${f}: ${errText(e)}`);
      return undefined;
    }
  };
  if (p.has('c')) {
    let bad = 0;
    let unreadable = 0;
    for (const list of files) {
      const data = await read(list);
      if (!data) {
        status = 1;
        continue;
      }
      for (const line of splitLines(decode(data))) {
        const m = /^([0-9a-fA-F]+) [ *](.*)$/.exec(line);
        if (!m) continue;
        const d = await read(m[2]);
        if (!d) {
          await io.out(`${m[2]}: FAILED open or read\n`);
          unreadable++;
          continue;
        }
        const ok = hex(fn(d)) === m[1].toLowerCase();
        if (!ok) bad++;
        if (!ok || !p.has('q')) await io.out(`${m[2]}: ${ok ? 'OK' : 'FAILED'}\n`);
      }
    }
    if (unreadable) await io.err(`WARNING: ${unreadable} listed file${unreadable > 1 ? 's' : ''} could not be read`);
    if (bad) await io.err(`WARNING: ${bad} computed checksum${bad > 1 ? 's' : ''} did NOT match`);
    return bad || unreadable ? 1 : status;
  }
  for (const f of files) {
    const d = await read(f);
    if (!d) {
      status = 1;
      continue;
    }
    await io.out(`${hex(fn(d))}  ${f}\n`);
  }
  return status;
}

export const md5sum = (ctx: ProgramContext, fl: Flavour = GNU): Promise<number> => sum(ctx, 'md5sum', md5, fl);
export const sha256sum = (ctx: ProgramContext, fl: Flavour = GNU): Promise<number> => sum(ctx, 'sha256sum', sha256, fl);

export function describe(data: Uint8Array): string {
  if (data.length === 0) return 'empty';
  if (markerProgram(data) !== undefined || (data[0] === 0x7f && data[1] === 0x45 && data[2] === 0x4c && data[3] === 0x46))
    return 'ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, stripped';
  if (data[0] === 0x1f && data[1] === 0x8b) return 'gzip compressed data, from Unix';
  if (data.length >= 512 && decode(data.subarray(257, 262)) === 'ustar') return 'POSIX tar archive';
  if (data[0] === 0x89 && decode(data.subarray(1, 4)) === 'PNG') return 'PNG image data';
  if (data.includes(0)) return 'data';
  const text = decode(data);
  const ascii = data.every((b) => b < 0x80);
  const kind = ascii ? 'ASCII text' : 'Unicode text, UTF-8 text';
  const first = text.split('\n')[0];
  const sheb = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (sheb) {
    const interp = sheb[1].endsWith('/env') ? (sheb[2] ?? '') : sheb[1].split('/').pop()!;
    const names: Record<string, string> = { sh: 'POSIX shell script', bash: 'Bourne-Again shell script', python3: 'Python script', python: 'Python script', node: 'Node.js script', perl: 'Perl script' };
    return `${names[interp] ?? `a ${interp} script`}, ${kind} executable`;
  }
  if (/^\s*[{[]/.test(text)) {
    try {
      JSON.parse(text);
      return 'JSON text data';
    } catch {
      /* plain text */
    }
  }
  if (/^FROM\s/im.test(text) && /^(RUN|CMD|COPY|ENTRYPOINT)\s/im.test(text)) return 'Dockerfile, ' + kind;
  return kind + (/\r\n/.test(text) ? ', with CRLF line terminators' : '');
}

export async function file(ctx: ProgramContext): Promise<number> {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const brief = ctx.argv.includes('-b');
  if (!names.length) {
    await ctx.stderr.write('Usage: file [-bcdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n');
    return 1;
  }
  let out = '';
  for (const n of names) {
    let d: string;
    try {
      const st = ctx.fs.lstat(n);
      if (st.kind === 'dir') d = 'directory';
      else if (st.kind === 'symlink') d = `symbolic link to ${ctx.fs.readlink(n)}`;
      else if (st.kind === 'chardev') d = 'character special';
      else if (st.kind === 'fifo') d = 'fifo (named pipe)';
      else if (st.kind === 'socket') d = 'socket';
      else d = describe(ctx.fs.readFile(n));
    } catch (e) {
      d = `cannot open \`${n}' (${errText(e)})`;
    }
    out += brief ? d + '\n' : `${n}: ${d}\n`;
  }
  await ctx.stdout.write(out);
  return 0;
}
