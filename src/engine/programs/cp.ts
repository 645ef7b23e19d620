/**
 * cp, mv and ln (GNU). The destination rules are the ones learners trip on: an existing directory
 * as the last operand receives the sources by their base names; several sources need a directory;
 * a trailing slash on a missing destination is an error for files. cp -i/-n/-u are left out.
 */
import type { ProgramContext } from '../process/types';
import type { Fs, Stat } from '../../api/fs';
import { isFsError } from '../../api/fs';
import { GNU, type Flavour } from './lib/opts';
import { Io, basename, errText, joinPath, q } from './lib/io';

function statOr(fs: Fs, p: string, follow = true): Stat | undefined {
  try {
    return follow ? fs.stat(p) : fs.lstat(p);
  } catch {
    return undefined;
  }
}

/** A source's stat, or undefined after `cannot stat 'src': <why>` (cp and mv go on with the next source and exit 1). */
async function sourceStat(io: Io, src: string, follow: boolean): Promise<Stat | undefined> {
  try {
    return follow ? io.fs.stat(src) : io.fs.lstat(src);
  } catch (e) {
    await io.err(`cannot stat ${q(src)}: ${errText(e)}`);
    return undefined;
  }
}

interface Target {
  /** Destination path for one source, or an error message to print. */
  dest(src: string): string;
}

async function resolveTarget(io: Io, operands: string[], noTargetDir: boolean): Promise<{ sources: string[]; t: Target } | number> {
  if (operands.length === 0) return io.usage('missing file operand');
  if (operands.length === 1) return io.usage(`missing destination file operand after ${q(operands[0])}`);
  const sources = operands.slice(0, -1);
  const dst = operands[operands.length - 1];
  const st = statOr(io.fs, dst);
  const isDir = !noTargetDir && st?.kind === 'dir';
  if (sources.length > 1 && !isDir) {
    await io.err(`target ${q(dst)} is not a directory`);
    return 1;
  }
  return { sources, t: { dest: (src) => (isDir ? joinPath(dst, basename(src)) : dst) } };
}

export async function cp(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'cp', fl);
  const p = await io.parse(
    { short: 'rRapfvdLPTnu', long: { recursive: 'r', archive: 'a', force: 'f', verbose: 'v', 'no-dereference': 'P', dereference: 'L', 'no-target-directory': 'T', preserve: 'p=?', 'no-clobber': 'n' } },
    'Usage: cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\nCopy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n',
  );
  if (typeof p === 'number') return p;
  const recursive = p.has('r') || p.has('R') || p.has('a');
  const preserve = p.has('p') || p.has('a');
  const noDeref = p.has('a') || p.has('d') || p.has('P') || (recursive && !p.has('L'));
  const r = await resolveTarget(io, p.operands, p.has('T'));
  if (typeof r === 'number') return r;
  const fs = ctx.fs;
  let status = 0;

  const copyAttrs = (src: Stat, dst: string) => {
    if (!preserve) return;
    try {
      fs.chmod(dst, src.mode);
      fs.utimes(dst, src.atime, src.mtime);
      fs.chown(dst, src.uid, src.gid);
    } catch {
      /* GNU only warns when it cannot preserve ownership as non-root; it stays quiet by default */
    }
  };

  const copy = async (src: string, dst: string, top: boolean): Promise<void> => {
    if (ctx.signal.aborted) return;
    const sst = await sourceStat(io, src, !(noDeref && !top) && !(top && (p.has('P') || p.has('a') || p.has('d'))));
    if (!sst) {
      status = 1;
      return;
    }
    const dstSt = statOr(fs, dst);
    if (dstSt && dstSt.ino === sst.ino && sst.kind !== 'symlink') {
      await io.err(`${q(src)} and ${q(dst)} are the same file`);
      status = 1;
      return;
    }
    if (sst.kind === 'dir') {
      if (!recursive) {
        await io.err(`-r not specified; omitting directory ${q(src)}`);
        status = 1;
        return;
      }
      const sAbs = fs.resolve(src);
      const dAbs = fs.resolve(dst);
      if (dAbs === sAbs || dAbs.startsWith(sAbs + '/')) {
        await io.err(`cannot copy a directory, ${q(src)}, into itself, ${q(dst)}`);
        status = 1;
        return;
      }
      if (dstSt && dstSt.kind !== 'dir') {
        await io.err(`cannot overwrite non-directory ${q(dst)} with directory ${q(src)}`);
        status = 1;
        return;
      }
      if (!dstSt) {
        try {
          fs.mkdir(dst, { mode: sst.mode });
        } catch (e) {
          await io.err(`cannot create directory ${q(dst)}: ${errText(e)}`);
          status = 1;
          return;
        }
        if (p.has('v')) await io.out(`${q(src)} -> ${q(dst)}\n`);
      }
      let names: string[] = [];
      try {
        names = fs.readdir(src);
      } catch (e) {
        await io.err(`cannot access ${q(src)}: ${errText(e)}`);
        status = 1;
      }
      for (const n of names) await copy(joinPath(src, n), joinPath(dst, n), false);
      copyAttrs(sst, dst);
      await io.tick();
      return;
    }
    if (dstSt?.kind === 'dir') {
      await io.err(`cannot overwrite directory ${q(dst)} with non-directory`);
      status = 1;
      return;
    }
    if (dst.endsWith('/') && !dstSt) {
      // A trailing slash names a directory; the kernel refuses to create a file by that name.
      await io.err(`cannot create regular file ${q(dst)}: Not a directory`);
      status = 1;
      return;
    }
    try {
      if (sst.kind === 'symlink') {
        if (statOr(fs, dst, false)) fs.unlink(dst);
        fs.symlink(fs.readlink(src), dst);
      } else {
        const data = fs.readFile(src);
        // A stub (a program standing for a real binary) keeps the size it reports.
        const opts = { mode: sst.mode & 0o777, ...(sst.size !== data.length ? { size: sst.size } : {}) };
        try {
          fs.writeFile(dst, data, opts);
        } catch (e) {
          if (!(p.has('f') && isFsError(e, 'EACCES'))) throw e;
          fs.unlink(dst);
          fs.writeFile(dst, data, opts);
        }
        copyAttrs(sst, dst);
      }
      if (p.has('v')) await io.out(`${q(src)} -> ${q(dst)}\n`);
    } catch (e) {
      if (isFsError(e) && e.syscall !== 'open' && e.path === src) await io.err(`cannot open ${q(src)} for reading: ${errText(e)}`);
      // The file was created, its bytes did not fit: GNU cp's `error writing` (a full disk).
      else if (isFsError(e) && e.syscall === 'write') await io.err(`error writing ${q(dst)}: ${errText(e)}`);
      else await io.err(`cannot create regular file ${q(dst)}: ${errText(e)}`);
      status = 1;
    }
  };

  for (const s of r.sources) await copy(s, r.t.dest(s), true);
  return status;
}

export async function mv(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'mv', fl);
  const p = await io.parse({ short: 'fvinTu', long: { force: 'f', verbose: 'v', interactive: 'i', 'no-clobber': 'n', 'no-target-directory': 'T' } }, 'Usage: mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\nRename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n');
  if (typeof p === 'number') return p;
  const r = await resolveTarget(io, p.operands, p.has('T'));
  if (typeof r === 'number') return r;
  const fs = ctx.fs;
  let status = 0;
  for (const src of r.sources) {
    const dst = r.t.dest(src);
    const sst = await sourceStat(io, src, false);
    if (!sst) {
      status = 1;
      continue;
    }
    const sAbs = fs.resolve(src);
    const dAbs = fs.resolve(dst);
    if (sst.kind === 'dir' && dAbs.startsWith(sAbs + '/')) {
      await io.err(`cannot move ${q(src)} to a subdirectory of itself, ${q(dst)}`);
      status = 1;
      continue;
    }
    const dst0 = statOr(fs, dst, false);
    if (dst0 && dst0.ino === sst.ino && sAbs !== dAbs) {
      await io.err(`${q(src)} and ${q(dst)} are the same file`);
      status = 1;
      continue;
    }
    if (p.has('n') && dst0) continue;
    if (dst.endsWith('/') && !dst0 && sst.kind !== 'dir') {
      await io.err(`cannot move ${q(src)} to ${q(dst)}: Not a directory`);
      status = 1;
      continue;
    }
    try {
      if (dst0?.kind === 'dir' && sst.kind !== 'dir') {
        await io.err(`cannot overwrite directory ${q(dst)} with non-directory`);
        status = 1;
        continue;
      }
      if (dst0 && dst0.kind !== 'dir' && sst.kind === 'dir') {
        await io.err(`cannot overwrite non-directory ${q(dst)} with directory ${q(src)}`);
        status = 1;
        continue;
      }
      if (dst0 && dst0.kind !== 'dir') fs.unlink(dst);
      fs.rename(src, dst);
      if (p.has('v')) await io.out(`renamed ${q(src)} -> ${q(dst)}\n`);
    } catch (e) {
      if (isFsError(e, 'ENOTEMPTY') || isFsError(e, 'EEXIST')) await io.err(`cannot move ${q(src)} to ${q(dst)}: ${errText(e)}`);
      else await io.err(`cannot move ${q(src)} to ${q(dst)}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}

export async function ln(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'ln', fl);
  const p = await io.parse({ short: 'sfvnTr', long: { symbolic: 's', force: 'f', verbose: 'v', 'no-dereference': 'n', 'no-target-directory': 'T', relative: 'r' } }, 'Usage: ln [OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY\n');
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return io.usage('missing file operand');
  const ops = p.operands.length === 1 ? [p.operands[0], '.'] : p.operands;
  const sources = ops.slice(0, -1);
  const dst = ops[ops.length - 1];
  const fs = ctx.fs;
  const dstSt = p.has('n') ? statOr(fs, dst, false) : statOr(fs, dst);
  const isDir = !p.has('T') && dstSt?.kind === 'dir';
  if (sources.length > 1 && !isDir) {
    await io.err(`target ${q(dst)} is not a directory`);
    return 1;
  }
  const sym = p.has('s');
  let status = 0;
  for (const src of sources) {
    const link = isDir ? joinPath(dst, basename(src)) : dst;
    try {
      if (!sym) {
        const st = fs.lstat(src);
        if (st.kind === 'dir') {
          await io.err(`${src}: hard link not allowed for directory`);
          status = 1;
          continue;
        }
      }
    } catch (e) {
      await io.err(`failed to access ${q(src)}: ${errText(e)}`);
      status = 1;
      continue;
    }
    try {
      if (p.has('f') && statOr(fs, link, false) && fs.lstat(link).kind !== 'dir') fs.unlink(link);
      if (sym) fs.symlink(src, link);
      else fs.link(src, link);
      if (p.has('v')) await io.out(`${q(link)} ${sym ? '->' : '=>'} ${q(src)}\n`);
    } catch (e) {
      await io.err(`failed to create ${sym ? 'symbolic' : 'hard'} link ${q(link)}${sym || !isFsError(e, 'EEXIST') ? '' : ''}: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
}
