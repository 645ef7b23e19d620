/**
 * FsView: the `Fs` a process holds — a Vfs seen with one Cred from one working directory.
 * Each method is one system call: walk the path, check permissions as Linux does, call the backend.
 */
import { FsError, R_OK, W_OK, X_OK, type Cred, type Fs, type FsStats, type Stat } from '../../api/fs';
import { inGroup, permits, stickyAllows } from './perm';
import { dirname, normalize, pathPrefixes } from '../../lib/path';
import type { Resolved, Vfs } from './vfs';

const enc = new TextEncoder();
const dec = new TextDecoder();

export class FsView implements Fs {
  constructor(
    private readonly vfs: Vfs,
    readonly cred: Cred,
    readonly cwd: string,
    readonly umask = 0o022,
    /** The host PID of the process holding this view: what procfs's `self` link names. */
    readonly caller?: number,
  ) {}

  withCwd(cwd: string): FsView { return new FsView(this.vfs, this.cred, this.resolve(cwd), this.umask, this.caller); }
  withCred(cred: Cred): FsView { return new FsView(this.vfs, cred, this.cwd, this.umask, this.caller); }
  withUmask(umask: number): FsView { return new FsView(this.vfs, this.cred, this.cwd, umask & 0o777, this.caller); }
  withCaller(pid: number): FsView { return new FsView(this.vfs, this.cred, this.cwd, this.umask, pid); }

  resolve(path: string): string { return normalize(path, this.cwd); }

  private walk(path: string, follow: boolean, syscall: string): Resolved {
    return this.vfs.walk(path, this.cwd, this.cred, follow, syscall, this.caller);
  }
  private existing(path: string, follow: boolean, syscall: string): Resolved & { stat: Stat } {
    const r = this.walk(path, follow, syscall);
    if (!r.stat) throw new FsError('ENOENT', syscall, path);
    return r as Resolved & { stat: Stat };
  }
  private writable(r: Resolved, syscall: string, path: string): void {
    if (r.mount.readonly || r.mount.backend.readonly) throw new FsError('EROFS', syscall, path);
  }
  /** The parent of a resolved path must allow w+x to create or remove entries in it. */
  private parentOf(r: Resolved, syscall: string, path: string): Stat {
    const p = this.vfs.lstatAbs(dirname(r.abs))!;
    if (!permits(p, this.cred, W_OK | X_OK)) throw new FsError('EACCES', syscall, path);
    this.writable(r, syscall, path);
    return p;
  }
  private touchParent(r: Resolved): void {
    const d = dirname(r.bpath);
    if (r.bpath !== '/') r.mount.backend.setattr(d, { mtime: this.vfs.now() });
  }
  private owner(st: Stat): boolean { return this.cred.uid === 0 || this.cred.uid === st.uid; }
  private newOwner(r: Resolved): { uid: number; gid: number } {
    const p = this.vfs.lstatAbs(dirname(r.abs));
    // A setgid directory gives new entries its group (BSD group semantics).
    return { uid: this.cred.uid, gid: p && p.mode & 0o2000 ? p.gid : this.cred.gid };
  }

  realpath(path: string): string { return this.existing(path, true, 'realpath').abs; }
  stat(path: string): Stat { return { ...this.existing(path, true, 'stat').stat }; }
  lstat(path: string): Stat { return { ...this.existing(path, false, 'lstat').stat }; }
  exists(path: string): boolean {
    try { return this.walk(path, true, 'stat').stat !== undefined; } catch { return false; }
  }
  access(path: string, mode: number): boolean {
    try {
      const r = this.existing(path, true, 'access');
      if (mode & W_OK && (r.mount.readonly || r.mount.backend.readonly)) return false;
      return permits(r.stat, this.cred, mode & 7);
    } catch { return false; }
  }

  readFile(path: string): Uint8Array {
    const r = this.existing(path, true, 'open');
    if (r.stat.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    if (!permits(r.stat, this.cred, R_OK)) throw new FsError('EACCES', 'open', path);
    return r.mount.backend.readFile(r.bpath, this.caller);
  }
  statfs(path: string): FsStats | undefined {
    return this.existing(path, true, 'statfs').mount.backend.statfs?.();
  }
  readText(path: string): string { return dec.decode(this.readFile(path)); }

  writeFile(path: string, data: string | Uint8Array, opts: { mode?: number; append?: boolean; exclusive?: boolean; size?: number } = {}): void {
    const bytes = typeof data === 'string' ? enc.encode(data) : data;
    const r = this.walk(path, true, 'open');
    const now = this.vfs.now();
    if (r.stat) {
      if (opts.exclusive) throw new FsError('EEXIST', 'open', path);
      if (r.stat.kind === 'dir') throw new FsError('EISDIR', 'open', path);
      if (!permits(r.stat, this.cred, W_OK)) throw new FsError('EACCES', 'open', path);
      this.writable(r, 'open', path);
      let mode = r.stat.mode;
      // A write by a non-root user drops setuid (and setgid when group-executable), as Linux does.
      if (this.cred.uid !== 0 && mode & 0o6000) mode &= ~(0o4000 | (mode & 0o010 ? 0o2000 : 0));
      r.mount.backend.writeFile(r.bpath, bytes, { append: opts.append, mtime: now, ...(mode !== r.stat.mode ? { mode } : {}), ...(opts.size !== undefined ? { size: opts.size } : {}) });
      return;
    }
    if (path.endsWith('/')) throw new FsError('EISDIR', 'open', path);
    this.parentOf(r, 'open', path);
    r.mount.backend.writeFile(r.bpath, bytes, { mode: (opts.mode ?? 0o666) & ~this.umask, ...this.newOwner(r), mtime: now, ...(opts.size !== undefined ? { size: opts.size } : {}) });
    this.touchParent(r);
  }

  readdir(path: string): string[] {
    const r = this.existing(path, true, 'scandir');
    if (r.stat.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    if (!permits(r.stat, this.cred, R_OK)) throw new FsError('EACCES', 'scandir', path);
    const names = r.mount.backend.readdir(r.bpath);
    const extra = this.vfs.mountsUnder(r.abs).filter((n) => !names.includes(n));
    return extra.length ? [...names, ...extra].sort() : names;
  }

  mkdir(path: string, opts: { mode?: number; recursive?: boolean } = {}): void {
    if (opts.recursive) {
      for (const cur of pathPrefixes(this.resolve(path))) {
        const r = this.walk(cur, true, 'mkdir');
        if (r.stat && r.stat.kind !== 'dir') throw new FsError('EEXIST', 'mkdir', path);
        if (!r.stat) this.mkdir(cur, { mode: opts.mode });
      }
      return;
    }
    const r = this.walk(path, false, 'mkdir');
    if (r.stat) throw new FsError('EEXIST', 'mkdir', path);
    const parent = this.parentOf(r, 'mkdir', path);
    const mode = ((opts.mode ?? 0o777) & ~this.umask & 0o1777) | (parent.mode & 0o2000);
    r.mount.backend.mkdir(r.bpath, { mode, ...this.newOwner(r), mtime: this.vfs.now() });
    this.touchParent(r);
  }

  private removable(path: string, syscall: string): Resolved & { stat: Stat } {
    const r = this.existing(path, false, syscall);
    if (this.vfs.isMountPoint(r.abs)) throw new FsError('EBUSY', syscall, path);
    const parent = this.parentOf(r, syscall, path);
    if (!stickyAllows(parent, r.stat, this.cred)) throw new FsError('EPERM', syscall, path);
    return r;
  }

  unlink(path: string): void {
    const r = this.removable(path, 'unlink');
    if (r.stat.kind === 'dir') throw new FsError('EISDIR', 'unlink', path);
    r.mount.backend.unlink(r.bpath);
    this.touchParent(r);
  }

  rmdir(path: string): void {
    if (/(^|\/)\.\/*$/.test(path)) throw new FsError('EINVAL', 'rmdir', path);
    const r = this.existing(path, false, 'rmdir');
    if (r.stat.kind !== 'dir') throw new FsError('ENOTDIR', 'rmdir', path);
    if (r.abs === '/' || this.vfs.isMountPoint(r.abs)) throw new FsError('EBUSY', 'rmdir', path);
    this.removable(path, 'rmdir');
    r.mount.backend.rmdir(r.bpath);
    this.touchParent(r);
  }

  rename(from: string, to: string): void {
    const a = this.removable(from, 'rename');
    const b = this.walk(to, false, 'rename');
    if (a.mount !== b.mount) throw new FsError('EXDEV', 'rename', from);
    if (this.vfs.isMountPoint(b.abs)) throw new FsError('EBUSY', 'rename', to);
    const bp = this.parentOf(b, 'rename', to);
    if (b.stat && !stickyAllows(bp, b.stat, this.cred)) throw new FsError('EPERM', 'rename', to);
    a.mount.backend.rename(a.bpath, b.bpath);
    this.touchParent(a);
    this.touchParent(b);
  }

  symlink(target: string, path: string): void {
    const r = this.walk(path, false, 'symlink');
    if (r.stat) throw new FsError('EEXIST', 'symlink', path);
    this.parentOf(r, 'symlink', path);
    r.mount.backend.symlink(target, r.bpath, { ...this.newOwner(r), mtime: this.vfs.now() });
    this.touchParent(r);
  }

  link(existing: string, path: string): void {
    const a = this.existing(existing, false, 'link');
    if (a.stat.kind === 'dir') throw new FsError('EPERM', 'link', existing);
    const b = this.walk(path, false, 'link');
    if (b.stat) throw new FsError('EEXIST', 'link', path);
    if (a.mount !== b.mount) throw new FsError('EXDEV', 'link', existing);
    this.parentOf(b, 'link', path);
    a.mount.backend.link(a.bpath, b.bpath);
    this.touchParent(b);
  }

  readlink(path: string): string {
    const r = this.existing(path, false, 'readlink');
    if (r.stat.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return r.mount.backend.readlink(r.bpath, this.caller);
  }

  chmod(path: string, mode: number): void {
    const r = this.existing(path, true, 'chmod');
    if (!this.owner(r.stat)) throw new FsError('EPERM', 'chmod', path);
    this.writable(r, 'chmod', path);
    let m = mode & 0o7777;
    // A non-root owner outside the file's group cannot set setgid (Linux silently drops it).
    if (this.cred.uid !== 0 && !inGroup(this.cred, r.stat.gid)) m &= ~0o2000;
    r.mount.backend.setattr(r.bpath, { mode: m });
  }

  chown(path: string, uid: number, gid: number, opts: { noFollow?: boolean } = {}): void {
    const r = this.existing(path, !opts.noFollow, 'chown');
    const st = r.stat;
    const newUid = uid === -1 ? st.uid : uid;
    const newGid = gid === -1 ? st.gid : gid;
    if (this.cred.uid !== 0) {
      // Only root gives files away; the owner may change the group to one of their own groups.
      if (newUid !== st.uid || this.cred.uid !== st.uid) throw new FsError('EPERM', 'chown', path);
      if (newGid !== st.gid && !inGroup(this.cred, newGid)) throw new FsError('EPERM', 'chown', path);
    }
    this.writable(r, 'chown', path);
    const attrs: { uid: number; gid: number; mode?: number } = { uid: newUid, gid: newGid };
    if (st.kind === 'file' && st.mode & 0o6000 && this.cred.uid !== 0) attrs.mode = st.mode & ~0o6000;
    r.mount.backend.setattr(r.bpath, attrs);
  }

  utimes(path: string, atime: number, mtime: number): void {
    const r = this.existing(path, true, 'utime');
    if (!this.owner(r.stat)) throw new FsError('EPERM', 'utime', path);
    this.writable(r, 'utime', path);
    r.mount.backend.setattr(r.bpath, { atime, mtime });
  }
}

export { X_OK };
