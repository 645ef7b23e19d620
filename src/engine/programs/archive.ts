/**
 * tar (GNU: c x t, f z v C, old-style `tar czvf a.tgz dir`, -f - for stdin/stdout) writing real
 * ustar bytes through src/engine/fs/tar.ts, and gzip / gunzip / zcat (store-only compression,
 * full inflate: see lib/gzip.ts). tar reads gzip input whether or not z was given, as GNU does.
 */
import type { ProgramContext } from '../process/types';
import { PAX_VSIZE, readTar, writeTar, type TarEntry } from '../../lib/tar';
import { GNU, type Flavour } from './lib/opts';
import { Io, Users, errText, joinPath, q } from './lib/io';
import { gunzip, gzip as gzipBytes, isGzip, GzipError } from './lib/gzip';
import { isXz, xzDecode, xzEncode, XzError } from './lib/xz';
import { modeString } from './lib/format';
import { strftime } from './lib/date';

/** `tar czvf out.tgz dir` → `-c -z -v -f out.tgz dir` (old-style letters take their args in order). */
function oldStyle(args: string[]): string[] {
  if (!args.length || args[0].startsWith('-')) return args;
  const letters = args[0];
  const rest = args.slice(1);
  const out: string[] = [];
  for (const c of letters) {
    out.push('-' + c);
    if ('fCbT'.includes(c) && rest.length) out.push(rest.shift()!);
  }
  return [...out, ...rest];
}

const TYPE_KIND: Record<string, string> = { file: '-', hardlink: 'h', symlink: 'l', chardev: 'c', blockdev: 'b', dir: 'd', fifo: 'p' };

export async function tar(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'tar', fl);
  const p = await io.parse(
    { short: 'cxtf:zJvC:OpPkh', long: { create: 'c', extract: 'x', get: 'x', list: 't', file: 'f=', gzip: 'z', gunzip: 'z', xz: 'J', verbose: 'v', directory: 'C=', 'to-stdout': 'O', 'preserve-permissions': 'p', 'absolute-names': 'P', 'keep-old-files': 'k', 'strip-components': 'strip-components=' } },
    "Usage: tar [OPTION...] [FILE]...\nGNU 'tar' saves many files together into a single tape or disk archive, and can\nrestore individual files from the archive.\n",
    2,
    oldStyle(ctx.argv.slice(1)),
  );
  if (typeof p === 'number') return p;
  const modes = ['c', 'x', 't'].filter((m) => p.has(m));
  if (modes.length === 0) return io.usage("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options", 2);
  if (modes.length > 1) return io.usage("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option", 2);
  const mode = modes[0];
  const file = p.get('f') ?? '-';
  const verbose = p.count('v');
  const dir = p.get('C') ?? '.';
  const users = new Users(ctx.fs);
  const fs = ctx.fs;
  let status = 0;
  // With the archive on stdout, the verbose listing goes to stderr.
  const vout = (s: string) => (mode === 'c' && file === '-' ? ctx.stderr.write(s) : io.out(s));

  if (mode === 'c') {
    if (!p.operands.length) {
      await io.err('Cowardly refusing to create an empty archive');
      await ctx.stderr.write(io.fl.tryHelp('tar') + '\n');
      return 2;
    }
    if (file === '-' && ctx.stdout.isTTY) {
      await io.err('Refusing to write archive contents to terminal (missing -f option?)');
      await io.err('Error is not recoverable: exiting now');
      return 2;
    }
    const base = fs.withCwd(fs.resolve(dir));
    const entries: TarEntry[] = [];
    let warnedSlash = false;
    // GNU's -v lists the name as given (orig_file_name, "/dbdata/f"); BusyBox the stored one.
    const shown = (path: string, name: string) => (io.fl.name === 'gnu' ? path : name);
    const add = async (path: string, name: string) => {
      if (ctx.signal.aborted) return;
      let st;
      try {
        st = base.lstat(path);
      } catch (e) {
        await io.err(`${path}: Cannot stat: ${errText(e)}`);
        status = 2;
        return;
      }
      const meta = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
      if (st.kind === 'dir') {
        entries.push({ name: name.replace(/\/?$/, '/'), type: 'dir', ...meta });
        if (verbose) await vout(shown(path, name).replace(/\/?$/, '/') + '\n');
        let names: string[] = [];
        try {
          names = base.readdir(path);
        } catch (e) {
          await io.err(`${path}: Cannot open: ${errText(e)}`);
          status = 2;
        }
        for (const n of names) await add(joinPath(path, n), joinPath(name.replace(/\/$/, ''), n));
        await io.tick();
        return;
      }
      if (st.kind === 'symlink') entries.push({ name, type: 'symlink', linkname: base.readlink(path), ...meta });
      else if (st.kind === 'file') {
        try {
          entries.push({ name, type: 'file', data: base.readFile(path), ...meta });
        } catch (e) {
          await io.err(`${path}: Cannot open: ${errText(e)}`);
          status = 2;
          return;
        }
      } else return;
      if (verbose) await vout(shown(path, name) + '\n');
    };
    for (const op of p.operands) {
      let name = op.replace(/\/+$/, '') || '/';
      if (name.startsWith('/') && !p.has('P')) {
        if (!warnedSlash) await io.err(`${io.fl.name === 'gnu' ? 'Removing' : 'removing'} leading '/' from member names`);
        warnedSlash = true;
        name = name.replace(/^\/+/, '') || '.';
      }
      await add(op, name);
    }
    let bytes = writeTar(entries);
    if (p.has('z')) bytes = gzipBytes(bytes, ctx.sys.clock.now());
    else if (p.has('J')) bytes = xzEncode(bytes);
    try {
      if (file === '-') await io.out(bytes);
      else fs.writeFile(file, bytes);
    } catch (e) {
      await io.err(`${file}: Cannot open: ${errText(e)}`);
      await io.err('Error is not recoverable: exiting now');
      return 2;
    }
    if (status) await io.err('Exiting with failure status due to previous errors');
    return status;
  }

  // x and t: read the archive (from a file or stdin), gunzip when it is gzip.
  let bytes: Uint8Array;
  try {
    bytes = await io.readInput(file);
  } catch (e) {
    await io.err(`${file}: Cannot open: ${errText(e)}`);
    await io.err('Error is not recoverable: exiting now');
    return 2;
  }
  let entries: TarEntry[];
  try {
    if (isGzip(bytes)) bytes = gunzip(bytes);
    else if (isXz(bytes)) bytes = xzDecode(bytes);
    else if (p.has('z')) throw new GzipError('not in gzip format');
    entries = readTar(bytes);
  } catch (e) {
    if (e instanceof XzError) {
      await ctx.stderr.write(`xz: (stdin): ${e.message}\n`);
      await io.err('Child returned status 1');
    } else if (e instanceof GzipError) {
      await ctx.stderr.write(`\ngzip: stdin: ${e.message}\n`);
      await io.err('Child returned status 1');
    } else await io.err('This does not look like a tar archive');
    await io.err('Error is not recoverable: exiting now');
    return 2;
  }
  const wanted = p.operands.map((o) => o.replace(/\/+$/, ''));
  const selected = (name: string) => !wanted.length || wanted.some((w) => name.replace(/\/$/, '') === w || name.startsWith(w + '/'));
  const seen = new Set<string>();
  const target = fs.withCwd(fs.resolve(dir));
  if (mode === 'x' && !fs.exists(dir)) {
    await io.err(`${dir}: Cannot open: No such file or directory`);
    await io.err('Error is not recoverable: exiting now');
    return 2;
  }
  // --strip-components=N: drop the first N parts of each name; entries with no more parts are skipped.
  const strip = Number(p.get('strip-components') ?? 0);
  if (!Number.isInteger(strip) || strip < 0) return io.usage(`Invalid number of elements: ${p.get('strip-components')}`, 2);
  for (const e0 of entries) {
    if (ctx.signal.aborted) break;
    let e = e0;
    if (strip && mode === 'x') {
      const parts = e.name.replace(/\/$/, '').split('/');
      if (parts.length <= strip) continue;
      e = { ...e, name: parts.slice(strip).join('/') + (e.type === 'dir' ? '/' : '') };
    }
    if (!selected(e.name)) continue;
    for (const w of wanted) if (e.name.replace(/\/$/, '') === w || e.name.startsWith(w + '/')) seen.add(w);
    if (mode === 't' || (mode === 'x' && verbose)) {
      if (verbose && mode === 't') {
        const ug = `${users.userName(e.uid) ?? e.uid}/${users.groupName(e.gid) ?? e.gid}`;
        const size = String(e.data?.length ?? 0);
        const kind = TYPE_KIND[e.type] === 'h' ? '-' : TYPE_KIND[e.type];
        const perm = modeString({ kind: 'file', mode: e.mode }).slice(1);
        const link = e.type === 'symlink' ? ` -> ${e.linkname}` : e.type === 'hardlink' ? ` link to ${e.linkname}` : '';
        await io.out(`${kind}${perm} ${ug}${' '.repeat(Math.max(1, 19 - ug.length - size.length))}${size} ${strftime('%Y-%m-%d %H:%M', e.mtime)} ${e.name}${link}\n`);
      } else await io.out(e.name + '\n');
    }
    if (mode !== 'x') continue;
    const name = e.name.replace(/\/$/, '');
    try {
      if (p.has('O')) {
        if (e.type === 'file') await io.out(e.data ?? new Uint8Array(0));
        continue;
      }
      const parent = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
      if (parent) target.mkdir(parent, { recursive: true });
      if (e.type === 'dir') {
        if (!target.exists(name)) target.mkdir(name, { mode: e.mode });
        else target.chmod(name, e.mode);
      } else if (e.type === 'symlink') {
        try {
          target.unlink(name);
        } catch {
          /* nothing to replace */
        }
        target.symlink(e.linkname ?? '', name);
        continue;
      } else if (e.type === 'hardlink') {
        target.link(e.linkname ?? '', name);
        continue;
      } else if (e.type === 'file') {
        if (p.has('k') && target.exists(name)) {
          await io.err(`${name}: Cannot open: File exists`);
          status = 2;
          continue;
        }
        const vsize = e.pax?.[PAX_VSIZE];
        target.writeFile(name, e.data ?? new Uint8Array(0), { mode: e.mode, ...(vsize ? { size: Number(vsize) } : {}) });
        target.chmod(name, e.mode);
      } else continue;
      if (fs.cred.uid === 0) target.chown(name, e.uid, e.gid);
      target.utimes(name, e.mtime, e.mtime);
    } catch (err) {
      await io.err(`${name}: Cannot open: ${errText(err)}`);
      status = 2;
    }
  }
  for (const w of wanted) {
    if (!seen.has(w)) {
      await io.err(`${w}: Not found in archive`);
      status = 2;
    }
  }
  if (status) await io.err('Exiting with failure status due to previous errors');
  return status;
}

async function gzipMain(ctx: ProgramContext, name: 'gzip' | 'gunzip' | 'zcat'): Promise<number> {
  const io = new Io(ctx, name);
  const p = await io.parse({ short: 'dckfvlqrt123456789n', long: { decompress: 'd', stdout: 'c', 'to-stdout': 'c', keep: 'k', force: 'f', verbose: 'v', list: 'l', quiet: 'q', recursive: 'r', test: 't' } }, `Usage: ${name} [OPTION]... [FILE]...\n`);
  if (typeof p === 'number') return p;
  const decompress = name !== 'gzip' || p.has('d') || p.has('t');
  const toStdout = name === 'zcat' || p.has('c') || p.has('t');
  let status = 0;
  const files = p.operands.length ? p.operands : ['-'];
  for (const f of files) {
    try {
      if (f === '-') {
        if (!decompress && ctx.stdout.isTTY && !p.has('f')) {
          await io.err('compressed data not written to a terminal. Use -f to force compression.');
          await ctx.stderr.write(`For help, type: ${name} -h\n`);
          return 1;
        }
        const data = await io.readStdin();
        const out = decompress ? gunzip(data) : gzipBytes(data, 0);
        if (!p.has('t')) await io.out(out);
        continue;
      }
      const st = ctx.fs.stat(f);
      if (st.kind === 'dir') {
        await io.err(`${f} is a directory -- ignored`);
        status = 2;
        continue;
      }
      const data = ctx.fs.readFile(f);
      let dest: string;
      let out: Uint8Array;
      if (decompress) {
        const m = /\.(gz|tgz|z)$/i.exec(f);
        if (!m && !toStdout) {
          await io.err(`${f}: unknown suffix -- ignored`);
          status = 2;
          continue;
        }
        try {
          out = gunzip(data);
        } catch (e) {
          await io.err(`${f}: ${e instanceof GzipError ? e.message : errText(e)}`);
          status = 1;
          continue;
        }
        dest = m ? f.slice(0, -m[0].length) + (m[1].toLowerCase() === 'tgz' ? '.tar' : '') : f;
      } else {
        if (/\.gz$/.test(f) && !toStdout) {
          await io.err(`${f} already has .gz suffix -- unchanged`);
          status = 2;
          continue;
        }
        out = gzipBytes(data, st.mtime, p.has('n') ? undefined : f.split('/').pop());
        dest = f + '.gz';
      }
      if (p.has('t')) continue;
      if (toStdout) {
        await io.out(out);
        continue;
      }
      if (ctx.fs.exists(dest) && !p.has('f')) {
        await io.err(`${dest} already exists; not overwritten`);
        status = 2;
        continue;
      }
      ctx.fs.writeFile(dest, out, { mode: st.mode & 0o777 });
      ctx.fs.utimes(dest, st.atime, st.mtime);
      if (!p.has('k')) ctx.fs.unlink(f);
      if (p.has('v')) await ctx.stderr.write(`${f}:\t${decompress ? '' : '  0.0% -- '}replaced with ${dest}\n`);
    } catch (e) {
      if (e instanceof GzipError) await io.err(`stdin: ${e.message}`);
      else await io.err(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

export const gzip = (ctx: ProgramContext): Promise<number> => gzipMain(ctx, 'gzip');
export const gunzipProg = (ctx: ProgramContext): Promise<number> => gzipMain(ctx, 'gunzip');
export const zcat = (ctx: ProgramContext): Promise<number> => gzipMain(ctx, 'zcat');
void q;
