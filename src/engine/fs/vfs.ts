/**
 * Vfs: a mount table (one per mount namespace) and the path walk over it. `view(cred, cwd)` gives a
 * process its `Fs`: every operation resolves its path component by component (`.`, `..`, symlinks
 * up to 40, mount points), checks Linux permissions with that process's Cred, and then calls the
 * backend that owns the final component with a backend-relative path.
 */
import { FsError, R_OK, W_OK, X_OK, type Cred, type FsBackend, type Stat } from '../../api/fs';
import { basename, dirname, isWithin, join, normalize } from '../../lib/path';
import { FsView } from './fsview';

export interface Mount {
  path: string;
  backend: FsBackend;
  readonly: boolean;
}

/** A resolved path: where it is and what is there (stat undefined when the last part is missing). */
export interface Resolved {
  abs: string;
  mount: Mount;
  bpath: string;
  stat: Stat | undefined;
}

export interface VfsOptions {
  /** The machine's clock (see src/engine/clock.ts). Default: always 0. */
  now?: () => number;
}

const MAX_SYMLINKS = 40;

export class Vfs {
  readonly now: () => number;
  #mounts: Mount[] = [];

  constructor(root: FsBackend, opts: VfsOptions = {}) {
    this.now = opts.now ?? (() => 0);
    this.#mounts = [{ path: '/', backend: root, readonly: false }];
  }

  /** Mount `backend` at the absolute `path` (hides what was there; stacking replaces). */
  mount(path: string, backend: FsBackend, opts: { readonly?: boolean } = {}): void {
    const p = normalize(path);
    this.#mounts = this.#mounts.filter((m) => m.path !== p);
    this.#mounts.push({ path: p, backend, readonly: opts.readonly === true });
    // Longest path first: the first prefix match is the owning mount.
    this.#mounts.sort((a, b) => b.path.length - a.path.length);
  }

  /** A copy of this mount table (a new mount namespace): the same filesystems, mounts apart from now on. */
  clone(): Vfs {
    const v = new Vfs(this.#mounts[this.#mounts.length - 1].backend, { now: this.now });
    v.#mounts = this.#mounts.map((m) => ({ ...m }));
    return v;
  }

  unmount(path: string): void {
    const p = normalize(path);
    if (p === '/') throw new FsError('EBUSY', 'umount', p);
    const before = this.#mounts.length;
    this.#mounts = this.#mounts.filter((m) => m.path !== p);
    if (this.#mounts.length === before) throw new FsError('EINVAL', 'umount', p);
  }

  mounts(): Mount[] {
    return [...this.#mounts].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  isMountPoint(abs: string): boolean {
    return this.#mounts.some((m) => m.path === abs);
  }

  /** Mount points directly inside directory `abs` (listed by readdir even if the backend lacks them). */
  mountsUnder(abs: string): string[] {
    return this.#mounts.filter((m) => m.path !== '/' && dirname(m.path) === abs).map((m) => basename(m.path));
  }

  mountOf(abs: string): { mount: Mount; bpath: string } {
    for (const m of this.#mounts) {
      if (isWithin(abs, m.path)) {
        return { mount: m, bpath: m.path === '/' ? abs : abs === m.path ? '/' : abs.slice(m.path.length) };
      }
    }
    throw new Error('unreachable: no root mount');
  }

  lstatAbs(abs: string): Stat | undefined {
    const { mount, bpath } = this.mountOf(abs);
    return mount.backend.lstat(bpath);
  }

  /**
   * Walk `path` from `cwd` with `cred`. Parents must exist, be directories and be searchable.
   * The last component is followed when it is a symlink and `follow` (or the path ends in `/`).
   */
  walk(path: string, cwd: string, cred: Cred, follow: boolean, syscall: string, caller?: number): Resolved {
    if (path === '') throw new FsError('ENOENT', syscall, path);
    const trailing = path.length > 1 && path.endsWith('/');
    let todo = path.split('/').filter((s) => s !== '');
    let cur = path.startsWith('/') ? '/' : cwd;
    let links = 0;
    let last: Stat | undefined = this.lstatAbs(cur);
    while (todo.length) {
      const name = todo.shift()!;
      if (!last || last.kind !== 'dir') throw new FsError(last ? 'ENOTDIR' : 'ENOENT', syscall, path);
      if (!permitsSearch(last, cred)) throw new FsError('EACCES', syscall, path);
      if (name === '.') continue;
      const next = name === '..' ? dirname(cur) : join(cur, name);
      const st = this.lstatAbs(next);
      const isLast = todo.length === 0;
      if (!st) {
        if (isLast) return { abs: next, ...this.mountOf(next), stat: undefined };
        throw new FsError('ENOENT', syscall, path);
      }
      if (st.kind === 'symlink' && (!isLast || follow || trailing)) {
        if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', syscall, path);
        const { mount, bpath } = this.mountOf(next);
        const target = mount.backend.readlink(bpath, caller);
        if (target === '') throw new FsError('ENOENT', syscall, path);
        todo = [...target.split('/').filter((s) => s !== ''), ...todo];
        if (target.startsWith('/')) { cur = '/'; last = this.lstatAbs('/'); }
        continue;
      }
      cur = next;
      last = st;
    }
    if (trailing && last && last.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
    return { abs: cur, ...this.mountOf(cur), stat: last };
  }

  /** A process's view of this namespace. */
  view(cred: Cred, cwd = '/', opts: { umask?: number } = {}): FsView {
    return new FsView(this, cred, normalize(cwd), opts.umask ?? 0o022);
  }
}

function permitsSearch(dir: Stat, cred: Cred): boolean {
  if (cred.uid === 0) return true;
  const bits = cred.uid === dir.uid ? (dir.mode >> 6) & 7 : (cred.gid === dir.gid || cred.groups.includes(dir.gid)) ? (dir.mode >> 3) & 7 : dir.mode & 7;
  return (bits & X_OK) !== 0;
}

export { R_OK, W_OK, X_OK };
