/** `docker container cp`: Copy files/folders between a container and the local filesystem (flags and help as Docker 28.5 prints them). */
import { DaemonError } from '../../../api/daemon';
import type { Fs } from '../../../api/fs';
import { packPath, unpackInto } from '../../../lib/archive';
import { type TarEntry, writeTar } from '../../../lib/tar';
import { humanSize } from '../../../lib/units';
import { quietFlag } from '../../framework/common-flags';
import { CliError, type Handler, type RunContext } from '../../framework/types';
import { verb } from '../../framework/verb';
import { bool, daemonMessage, daemonOf } from '../shared/common';
import FLAGS from './flags.json';

/** Docker's splitCpArg: absolute or ./ paths are local; otherwise `name:path` names a container. */
function split(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  const i = arg.indexOf(':');
  if (i <= 0) return { path: arg };
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

const dirOf = (p: string) => p.replace(/\/+$/, '').slice(0, p.replace(/\/+$/, '').lastIndexOf('/')) || '/';

const baseOf = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);

/** Strip the top entry when copying a directory's contents (`SRC/.`). */
function contentsOnly(entries: TarEntry[]): TarEntry[] {
  const top = entries[0]?.name.replace(/\/$/, '') ?? '';
  return entries.slice(1).map((e) => ({ ...e, name: e.name.slice(top.length + 1) }));
}

function tarSize(entries: TarEntry[]): number {
  return writeTar(entries).length;
}

async function done(ctx: RunContext, quiet: boolean, size: number, dest: string): Promise<void> {
  const errTTY = ctx.io.stderrIsTTY ?? ctx.io.stdoutIsTTY;
  if (!quiet && errTTY) await ctx.io.stderr.write(`Successfully copied ${humanSize(size)} to ${dest}\n`);
}

export const cpRun: Handler = async (ctx, args, flags) => {
  const d = daemonOf(ctx);
  const fs = ctx.io.fs;
  if (!fs) throw new CliError('docker cp: no local filesystem', 1);
  const src = split(args[0]);
  const dst = split(args[1]);
  if (src.container && dst.container) throw new CliError('copying between containers is not supported', 1);
  if (!src.container && !dst.container) throw new CliError('must specify at least one container source', 1);
  const quiet = bool(flags, 'quiet');
  try {
    if (src.container) {
      let entries = await d.containerArchiveGet(src.container, src.path);
      const contents = /\/\.$/.test(src.path);
      if (dst.path === '-') {
        await ctx.io.stdout.write(new TextDecoder('latin1').decode(writeTar(entries)));
        return 0;
      }
      const target = fs.resolve(dst.path);
      const size = tarSize(entries);
      const isDir = fs.exists(target) && fs.stat(target).kind === 'dir';
      if (contents) {
        if (!fs.exists(target)) fs.mkdir(target);
        unpackInto(fs, target, contentsOnly(entries));
      } else if (isDir) unpackInto(fs, target, entries);
      else {
        if (dst.path.endsWith('/')) throw new CliError(`destination directory "${target}" must exist`, 1);
        if (!fs.exists(dirOf(target))) throw new CliError(`lstat ${dirOf(target)}: no such file or directory`, 1);
        entries = entries.map((e) => e);
        unpackInto(fs, dirOf(target), entries, baseOf(target));
      }
      await done(ctx, quiet, size, dst.path);
      return 0;
    }
    const local = fs.resolve(src.path);
    if (!fs.exists(local)) throw new CliError(`lstat ${local}: no such file or directory`, 1);
    let entries = packPath(fs, local);
    const contents = /\/\.$/.test(src.path);
    const st = await d.containerArchiveStat(dst.container!, dst.path);
    if (contents) {
      entries = contentsOnly(entries);
      await d.containerArchivePut(dst.container!, dst.path, entries);
    } else if (st.exists && st.dir) await d.containerArchivePut(dst.container!, dst.path, entries);
    else await d.containerArchivePut(dst.container!, dirOf(dst.path), entries, baseOf(dst.path));
    await done(ctx, quiet, tarSize(entries), args[1]);
    return 0;
  } catch (e) {
    if (e instanceof DaemonError) throw new CliError(daemonMessage(e), 1);
    if (e instanceof Error && 'code' in e) throw new CliError(`${(e as Error).message}`, 1);
    throw e;
  }
};

export const spec = verb({
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH', short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  args: { kind: 'exact', n: 2 },
  flags: [...FLAGS.cp, quietFlag('Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached')],
  run: cpRun
});
