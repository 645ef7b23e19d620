/**
 * mkdir, rmdir, touch, rm (GNU): the directory-entry programs, with GNU's exact messages
 * (`mkdir: cannot create directory 'a': File exists`, `rm: cannot remove 'd': Is a directory`,
 * the `rm -rf /` failsafe). rm -i and rm's prompt for write-protected files are left out.
 */
import type { ProgramContext } from '../process/types';
import { isFsError } from '../../api/fs';
import { GNU, type Flavour } from './lib/opts';
import { Io, errText, joinPath, q, dirname } from './lib/io';
import { parseMode } from './lib/mode';
import { parseDate } from './lib/date';

export async function mkdir(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'mkdir', fl);
  const p = await io.parse({ short: 'pm:v', long: { parents: 'p', mode: 'm=', verbose: 'v' } }, 'Usage: mkdir [OPTION]... DIRECTORY...\nCreate the DIRECTORY(ies), if they do not already exist.\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  let mode: number | undefined;
  if (p.has('m')) {
    const ch = parseMode(p.get('m')!, 0);
    if (!ch) {
      await io.err('invalid mode ' + q(p.get('m')!));
      return 1;
    }
    mode = ch(0o777, true);
  }
  let status = 0;
  for (const d of p.operands) {
    try {
      if (p.has('p')) {
        // Create each missing ancestor, so -v can report every one as GNU does.
        const parts = d.split('/').filter(Boolean);
        const lead = d.startsWith('/') ? '/' : '';
        for (let i = 0; i < parts.length; i++) {
          const cur = lead + parts.slice(0, i + 1).join('/');
          if (ctx.fs.exists(cur)) {
            if (ctx.fs.stat(cur).kind !== 'dir') {
              await io.err(`cannot create directory ${q(cur)}: ${i === parts.length - 1 ? 'File exists' : 'Not a directory'}`);
              status = 1;
              break;
            }
            continue;
          }
          ctx.fs.mkdir(cur, i === parts.length - 1 && mode !== undefined ? { mode } : {});
          if (p.has('v')) await io.out(`mkdir: created directory ${q(cur)}\n`);
        }
      } else {
        ctx.fs.mkdir(d, mode !== undefined ? { mode } : {});
        if (mode !== undefined) ctx.fs.chmod(d, mode);
        if (p.has('v')) await io.out(`mkdir: created directory ${q(d)}\n`);
      }
    } catch (e) {
      await io.err(`cannot create directory ${q(d)}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

export async function rmdir(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'rmdir', fl);
  const p = await io.parse({ short: 'pv', long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'I' } }, 'Usage: rmdir [OPTION]... DIRECTORY...\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  let status = 0;
  for (const d of p.operands) {
    let cur = d.replace(/\/+$/, '') || d;
    for (;;) {
      try {
        if (p.has('v')) await io.out(`rmdir: removing directory, ${q(cur)}\n`);
        ctx.fs.rmdir(cur);
      } catch (e) {
        if (!(p.has('I') && isFsError(e, 'ENOTEMPTY'))) {
          await io.err(`failed to remove ${q(cur)}: ${errText(e)}`);
          status = 1;
        }
        break;
      }
      if (!p.has('p')) break;
      const up = dirname(cur);
      if (up === cur || up === '.' || up === '/') break;
      cur = up;
    }
  }
  return status;
}

export async function touch(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'touch', fl);
  const p = await io.parse({ short: 'acmd:t:r:h', long: { 'no-create': 'c', date: 'd=', reference: 'r=', 'no-dereference': 'h' } }, 'Usage: touch [OPTION]... FILE...\nUpdate the access and modification times of each FILE to the current time.\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing file operand');
  let t = ctx.sys.clock.now();
  if (p.has('d')) {
    const v = parseDate(p.get('d')!, t);
    if (v === undefined) {
      await io.err(`invalid date format ${q(p.get('d')!)}`);
      return 1;
    }
    t = v;
  } else if (p.has('t')) {
    const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(p.get('t')!);
    const full = /^(\d{4}|\d{2})?(\d{8})(\.\d{2})?$/.exec(p.get('t')!);
    if (!m || !full) {
      await io.err(`invalid date format ${q(p.get('t')!)}`);
      return 1;
    }
    const year = m[1] ? (m[1].length === 2 ? 2000 + Number(m[1]) - (Number(m[1]) >= 69 ? 100 : 0) : Number(m[1])) : new Date(t).getUTCFullYear();
    t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  } else if (p.has('r')) {
    try {
      t = ctx.fs.stat(p.get('r')!).mtime;
    } catch (e) {
      await io.err(`failed to get attributes of ${q(p.get('r')!)}: ${errText(e)}`);
      return 1;
    }
  }
  let status = 0;
  for (const f of p.operands) {
    try {
      if (!ctx.fs.exists(f)) {
        if (p.has('c')) continue;
        ctx.fs.writeFile(f, new Uint8Array(0), { append: true });
      }
      const st = ctx.fs.stat(f);
      ctx.fs.utimes(f, p.has('m') && !p.has('a') ? st.atime : t, p.has('a') && !p.has('m') ? st.mtime : t);
    } catch (e) {
      await io.err(`cannot touch ${q(f)}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

export async function rm(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'rm', fl);
  const p = await io.parse(
    { short: 'rRfvidI', long: { recursive: 'r', force: 'f', verbose: 'v', interactive: 'i=?', dir: 'd', 'no-preserve-root': 'N', 'preserve-root': 'P=?' } },
    'Usage: rm [OPTION]... [FILE]...\nRemove (unlink) the FILE(s).\n',
  );
  if (typeof p === 'number') return p;
  const force = p.last('f', 'i', 'I') === 'f';
  const recursive = p.has('r') || p.has('R');
  const verbose = p.has('v');
  if (!p.operands.length) return force ? 0 : io.usage('missing operand');
  let status = 0;
  const fail = async (path: string, e: unknown) => {
    if (force && isFsError(e, 'ENOENT')) return;
    await io.err(`cannot remove ${q(path)}: ${errText(e)}`);
    status = 1;
  };
  const removeTree = async (path: string): Promise<boolean> => {
    if (ctx.signal.aborted) return false;
    let st;
    try {
      st = ctx.fs.lstat(path);
    } catch (e) {
      await fail(path, e);
      return false;
    }
    if (st.kind !== 'dir') {
      try {
        ctx.fs.unlink(path);
        if (verbose) await io.out(`removed ${q(path)}\n`);
        return true;
      } catch (e) {
        await fail(path, e);
        return false;
      }
    }
    let names: string[];
    try {
      names = ctx.fs.readdir(path);
    } catch (e) {
      await io.err(`cannot remove ${q(path)}: ${errText(e)}`);
      status = 1;
      return false;
    }
    let ok = true;
    for (const n of names) ok = (await removeTree(joinPath(path, n))) && ok;
    await io.tick();
    if (!ok) return false;
    try {
      ctx.fs.rmdir(path);
      if (verbose) await io.out(`removed directory ${q(path)}\n`);
      return true;
    } catch (e) {
      await fail(path, e);
      return false;
    }
  };
  for (const f of p.operands) {
    const base = f.replace(/\/+$/, '').split('/').pop();
    if (base === '.' || base === '..') {
      await io.err(`refusing to remove '.' or '..' directory: skipping ${q(f)}`);
      status = 1;
      continue;
    }
    if (recursive && !p.has('N') && ctx.fs.resolve(f) === '/') {
      await io.err(`it is dangerous to operate recursively on ${q(f === '/' ? '/' : f)}`);
      if (f !== '/') await io.err(`and ${q(f)} is treated as '/'`);
      await io.err('use --no-preserve-root to override this failsafe');
      status = 1;
      continue;
    }
    let st;
    try {
      st = ctx.fs.lstat(f);
    } catch (e) {
      await fail(f, e);
      continue;
    }
    if (st.kind === 'dir' && !recursive) {
      if (p.has('d')) {
        try {
          ctx.fs.rmdir(f);
          if (verbose) await io.out(`removed directory ${q(f)}\n`);
        } catch (e) {
          await fail(f, e);
        }
        continue;
      }
      await io.err(`cannot remove ${q(f)}: Is a directory`);
      status = 1;
      continue;
    }
    await removeTree(f);
  }
  return status;
}
