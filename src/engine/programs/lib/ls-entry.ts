/** One name `ls` lists (GNU's and BusyBox's share it). */
import type { ProgramContext } from '../../process/types';
import type { Stat } from '../../../api/fs';

export interface LsEntry {
  name: string;
  path: string;
  st: Stat;
  /** A symlink's target text. */
  target?: string;
}

/** Stat `path` (its link's target when `follow`, unless the link dangles: then the link itself). */
export function lsEntry(ctx: ProgramContext, name: string, path: string, follow: boolean): LsEntry {
  let st = ctx.fs.lstat(path);
  if (st.kind === 'symlink' && follow) {
    try {
      st = ctx.fs.stat(path);
    } catch {
      /* dangling: show the link itself */
    }
  }
  const e: LsEntry = { name, path, st };
  if (st.kind === 'symlink') e.target = ctx.fs.readlink(path);
  return e;
}
