/**
 * Overlay: a container's root filesystem, as overlayfs builds it from Docker's overlay2 layers.
 * Read-only image layers (`lowers`, bottom → top) under one writable `upper` MutableLayer.
 *  - lookups: the upper first, then the lowers' merged index (one Map.get, shared per stack);
 *  - the upper's whiteouts hide a path and everything under it; its opaque dirs hide lower children;
 *  - writing to (or changing attributes of) a lower file copies it up first, keeping mode, owner
 *    and times; a directory created where a lower one was deleted becomes opaque;
 *  - `diff()` is `docker diff`.
 */
import { FsError, type FileMeta, type FsBackend, type FsStats, type Stat } from '../../api/fs';
import type { Layer } from './layer';
import { checkRmdir, MutableLayer } from './layer';
import { mergedIndex, type IndexEntry, type MergedIndex } from './merged';
import { basename, dirname, isWithin, join } from '../../lib/path';

export interface Change {
  kind: 'A' | 'C' | 'D';
  path: string;
}

type Attrs = { mode?: number; uid?: number; gid?: number; mtime?: number; atime?: number };

/** Docker's mtime equality: equal, or the same second with either side on a whole second. */
function sameTime(a: number, b: number): boolean {
  return a === b || (Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0));
}

export class Overlay implements FsBackend {
  readonly readonly = false;
  readonly lowers: readonly Layer[];
  readonly upper: MutableLayer;
  #merged?: MergedIndex;

  constructor(lowers: readonly Layer[], upper: MutableLayer = new MutableLayer()) {
    this.lowers = lowers;
    this.upper = upper;
  }

  /** The lower layers' merged index, on first use: a restored container reads no layer until used. */
  get #index(): MergedIndex {
    return (this.#merged ??= mergedIndex(this.lowers));
  }

  // ---------- reading ----------

  /** An overlay's figures are those of the disk its upper lives on (as overlay2 on the host's disk). */
  statfs(): FsStats | undefined { return this.upper.statfs(); }

  lstat(path: string): Stat | undefined {
    const up = this.upper;
    if (up.hasWrites) {
      const s = up.lstat(path);
      if (s) return s;
      if (this.hidden(path, true)) return undefined;
    }
    return this.#index.map.get(path)?.stat;
  }

  /** Is the lower `path` hidden by the upper's markers (at the path itself when `self`)? */
  private hidden(path: string, self: boolean): boolean {
    const wh = this.upper.whiteouts();
    const op = this.upper.opaques();
    if (wh.size === 0 && op.size === 0) return false;
    if (op.has('/') && path !== '/') return true;
    if (self && wh.has(path)) return true;
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      const a = path.slice(0, i);
      if (wh.has(a) || op.has(a)) return true;
    }
    return false;
  }

  /** The lower entry visible at `path` ignoring what the upper itself holds there. */
  private lower(path: string, self = true): IndexEntry | undefined {
    const e = this.#index.map.get(path);
    return e && !(this.upper.hasWrites && this.hidden(path, self)) ? e : undefined;
  }

  readdir(path: string): string[] {
    const st = this.lstat(path);
    if (!st) throw new FsError('ENOENT', 'scandir', path);
    if (st.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    const inUpper = this.upper.lstat(path);
    const low = this.lower(path);
    if (!inUpper || !this.upper.hasWrites) return low ? this.#index.childNames(path) : [];
    const names = new Set(this.upper.readdir(path));
    if (low?.children && !this.upper.opaques().has(path)) {
      const wh = this.upper.whiteouts();
      for (const n of this.#index.childNames(path)) if (!wh.has(join(path, n))) names.add(n);
    }
    return [...names].sort();
  }

  readFile(path: string): Uint8Array {
    if (this.upper.lstat(path)) return this.upper.readFile(path);
    const e = this.lower(path);
    if (!e) throw new FsError('ENOENT', 'open', path);
    return e.layer.readFile(path);
  }

  readlink(path: string): string {
    if (this.upper.lstat(path)) return this.upper.readlink(path);
    const e = this.lower(path);
    if (!e) throw new FsError('ENOENT', 'readlink', path);
    return e.layer.readlink(path);
  }

  // ---------- copy-up ----------

  /** The upper, materialised with its root copied up from the lowers (overlayfs does the same). */
  private ensureUpper(): MutableLayer {
    if (!this.upper.hasWrites) {
      const r = this.#index.root.stat;
      this.upper.setattr('/', { mode: r.mode, uid: r.uid, gid: r.gid, mtime: r.mtime, atime: r.atime });
      this.upper.materialise();
    }
    return this.upper;
  }

  /** Make `path` exist in the upper as a copy of the lower entry (parents first). */
  copyUp(path: string): void {
    const up = this.ensureUpper();
    if (up.lstat(path)) return;
    const e = this.lower(path);
    if (!e) throw new FsError('ENOENT', 'open', path);
    this.copyUp(dirname(path));
    const st = e.stat;
    const tree = up.materialise().tree;
    const t = { mtime: st.mtime, atime: st.atime, ctime: st.ctime };
    if (st.kind === 'dir') tree.mkdir(path, st.mode, st.uid, st.gid, t);
    else if (st.kind === 'symlink') tree.symlink(e.layer.readlink(path), path, st.uid, st.gid, t);
    else {
      const data = e.layer.readFile(path);
      tree.write(path, data, st.mode, st.uid, st.gid, st.size !== data.length ? { ...t, vsize: st.size } : t);
    }
  }

  /** Copy a whole subtree up (before moving a lower directory). */
  private copyUpTree(path: string): void {
    this.copyUp(path);
    if (this.lstat(path)?.kind === 'dir') for (const n of this.readdir(path)) this.copyUpTree(join(path, n));
  }

  /** Something new is created at `path` in the upper: a whiteout there gives way (a dir turns opaque). */
  private created(path: string, isDir: boolean): void {
    const up = this.upper;
    if (up.whiteouts().has(path)) {
      up.removeWhiteout(path);
      if (isDir) up.setOpaque(path);
    } else if (isDir && this.#index.map.has(path) && !this.hidden(path, true)) up.setOpaque(path);
  }

  /** `path` is gone from the upper; if the lowers still show it, record a whiteout. */
  private removed(path: string): void {
    const up = this.upper;
    for (const o of [...up.opaques()]) if (isWithin(o, path)) up.removeOpaque(o);
    for (const w of [...up.whiteouts()]) if (w !== path && isWithin(w, path)) up.removeWhiteout(w);
    if (this.lower(path)) {
      up.addWhiteout(path);
      up.setattr(dirname(path), { mtime: up.now() });
    }
  }

  // ---------- writing ----------

  writeFile(path: string, data: Uint8Array, meta?: FileMeta & { append?: boolean }): void {
    const st = this.lstat(path);
    if (st?.kind === 'dir') throw new FsError('EISDIR', 'open', path);
    if (st) this.copyUp(path);
    else this.parent(path, 'open');
    this.upper.writeFile(path, data, meta);
    if (!st) this.created(path, false);
  }

  private parent(path: string, syscall: string): void {
    const p = this.lstat(dirname(path));
    if (!p) throw new FsError('ENOENT', syscall, path);
    if (p.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
    this.copyUp(dirname(path));
  }

  mkdir(path: string, meta?: FileMeta): void {
    if (this.lstat(path)) throw new FsError('EEXIST', 'mkdir', path);
    this.parent(path, 'mkdir');
    this.upper.mkdir(path, meta);
    this.created(path, true);
  }

  symlink(target: string, path: string, meta?: FileMeta): void {
    if (this.lstat(path)) throw new FsError('EEXIST', 'symlink', path);
    this.parent(path, 'symlink');
    this.upper.symlink(target, path, meta);
    this.created(path, false);
  }

  link(existing: string, path: string): void {
    const st = this.lstat(existing);
    if (!st) throw new FsError('ENOENT', 'link', existing);
    if (st.kind === 'dir') throw new FsError('EPERM', 'link', existing);
    if (this.lstat(path)) throw new FsError('EEXIST', 'link', path);
    this.copyUp(existing);
    this.parent(path, 'link');
    this.upper.link(existing, path);
    this.created(path, false);
  }

  unlink(path: string): void {
    const st = this.lstat(path);
    if (!st) throw new FsError('ENOENT', 'unlink', path);
    if (st.kind === 'dir') throw new FsError('EISDIR', 'unlink', path);
    this.copyUp(dirname(path));
    if (this.upper.lstat(path)) this.upper.unlink(path);
    this.removed(path);
  }

  rmdir(path: string): void {
    checkRmdir(this, path);
    this.copyUp(dirname(path));
    if (this.upper.lstat(path)) this.upper.materialise().tree.rmdir(path, true);
    this.upper.setattr(dirname(path), { mtime: this.upper.now() });
    this.removed(path);
  }

  rename(from: string, to: string): void {
    const src = this.lstat(from);
    if (!src) throw new FsError('ENOENT', 'rename', from);
    if (from === to) return;
    if (src.kind === 'dir' && isWithin(to, from)) throw new FsError('EINVAL', 'rename', from);
    const dst = this.lstat(to);
    if (dst) {
      if (src.kind === 'dir' && dst.kind !== 'dir') throw new FsError('ENOTDIR', 'rename', to);
      if (src.kind !== 'dir' && dst.kind === 'dir') throw new FsError('EISDIR', 'rename', to);
      if (dst.kind === 'dir' && this.readdir(to).length) throw new FsError('ENOTEMPTY', 'rename', to);
    } else this.parent(to, 'rename');
    // overlayfs without redirect_dir answers EXDEV for lower directories and `mv` copies instead;
    // here the move is done directly: copy the subtree up, move it, whiteout the old place.
    this.copyUpTree(from);
    this.copyUp(dirname(to));
    const up = this.upper;
    for (const o of [...up.opaques()]) if (isWithin(o, from)) up.removeOpaque(o);
    for (const w of [...up.whiteouts()]) if (isWithin(w, from)) up.removeWhiteout(w);
    if (dst && up.lstat(to)) up.materialise().tree.rmdir(to, true);
    up.rename(from, to);
    this.created(to, src.kind === 'dir');
    if (src.kind === 'dir' && this.lower(to, false)) up.setOpaque(to);
    this.removed(from);
  }

  setattr(path: string, attrs: Attrs): void {
    if (!this.lstat(path)) throw new FsError('ENOENT', 'utime', path);
    this.copyUp(path);
    this.upper.setattr(path, attrs);
  }

  // ---------- docker diff ----------

  /** The changes of the upper against the lowers, as `docker diff` lists them (oci-layers.md §6). */
  diff(): Change[] {
    const out: Change[] = [];
    if (!this.upper.hasWrites) return out;
    const up = this.upper;
    const changedDirs = new Set<string>();
    const record = (kind: Change['kind'], path: string, isDir: boolean): void => {
      if (kind !== 'C') {
        const parent = dirname(path);
        if (parent !== '/' && !changedDirs.has(parent)) {
          out.push({ kind: 'C', path: parent });
          changedDirs.add(parent);
        }
      }
      out.push({ kind, path });
      if (isDir) changedDirs.add(path);
    };
    const walk = (dir: string): void => {
      const names = new Set(up.readdir(dir));
      for (const w of up.whiteouts()) if (dirname(w) === dir && w !== '/') names.add(basename(w));
      const opaque = up.opaques().has(dir);
      if (opaque) for (const n of this.#index.map.get(dir)?.children?.keys() ?? []) names.add(n);
      for (const name of [...names].sort()) {
        const p = join(dir, name);
        const st = up.lstat(p);
        if (!st) {
          if (up.whiteouts().has(p) || (opaque && this.#index.map.has(p))) record('D', p, false);
          continue;
        }
        const below = this.lower(p, false);
        if (!below) record('A', p, st.kind === 'dir');
        else {
          const b = below.stat;
          const same = st.kind === 'dir' && b.kind === 'dir' && st.mode === b.mode && st.size === b.size && sameTime(st.mtime, b.mtime);
          if (!same) record('C', p, st.kind === 'dir');
        }
        if (st.kind === 'dir') walk(p);
      }
    };
    walk('/');
    return out;
  }
}
