/**
 * A small Map-based Fs for the programs' tests, written because the real Vfs is being built at the
 * same time. It follows the Fs contract closely enough for the programs: symlinks are resolved
 * component by component, hard links share one node, errors are FsErrors with Linux errno names.
 * Permission checks are simple owner/group/other bits with root bypass (no ACLs, no sticky rules).
 */
import { FsError, type Cred, type Fs, type Stat, type FileKind, R_OK, W_OK, X_OK } from '../../api/fs';
import { basename, dirname, join, normalize, pathPrefixes } from '../../lib/path';

interface Node {
  kind: FileKind;
  mode: number;
  uid: number;
  gid: number;
  data: Uint8Array;
  target: string;
  mtime: number;
  atime: number;
  ctime: number;
  ino: number;
  nlink: number;
  size?: number;
}

export class FakeDisk {
  nodes = new Map<string, Node>();
  private nextIno = 2;
  constructor(public now: () => number = () => Date.UTC(2025, 9, 1, 9, 0, 0)) {
    this.nodes.set('/', this.make('dir', 0o755, 0, 0));
  }
  make(kind: FileKind, mode: number, uid: number, gid: number): Node {
    const t = this.now();
    return { kind, mode, uid, gid, data: new Uint8Array(0), target: '', mtime: t, atime: t, ctime: t, ino: this.nextIno++, nlink: kind === 'dir' ? 2 : 1 };
  }
  view(cred: Cred = { uid: 0, gid: 0, groups: [0] }, cwd = '/'): Fs {
    return new FakeFs(this, cred, cwd);
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder();


class FakeFs implements Fs {
  constructor(private disk: FakeDisk, readonly cred: Cred, readonly cwd: string) {}
  withCwd(cwd: string): Fs {
    return new FakeFs(this.disk, this.cred, this.resolve(cwd));
  }
  withCred(cred: Cred): Fs {
    return new FakeFs(this.disk, cred, this.cwd);
  }
  resolve(path: string): string {
    return normalize(path, this.cwd);
  }

  /** Resolve symlinks in every component (and the last one when `follow`). Returns the real path. */
  private walk(path: string, follow: boolean, syscall: string, depth = 0): string {
    if (depth > 40) throw new FsError('ELOOP', syscall, path);
    const parts = this.resolve(path).split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const dirNode = this.disk.nodes.get(cur)!;
      if (dirNode.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
      if (!this.can(dirNode, X_OK)) throw new FsError('EACCES', syscall, path);
      const next = cur === '/' ? '/' + parts[i] : cur + '/' + parts[i];
      const n = this.disk.nodes.get(next);
      const last = i === parts.length - 1;
      if (n && n.kind === 'symlink' && (!last || follow)) {
        const t = n.target.startsWith('/') ? n.target : cur + '/' + n.target;
        const rest = parts.slice(i + 1).join('/');
        return this.walk(rest ? t + '/' + rest : t, follow, syscall, depth + 1);
      }
      if (!n && !last) throw new FsError('ENOENT', syscall, path);
      cur = next;
    }
    return cur;
  }
  private node(path: string, follow: boolean, syscall: string): [string, Node] {
    const p = this.walk(path, follow, syscall);
    const n = this.disk.nodes.get(p);
    if (!n) throw new FsError('ENOENT', syscall, path);
    return [p, n];
  }
  private can(n: Node, want: number): boolean {
    if (this.cred.uid === 0) return (want & X_OK) === 0 || n.kind === 'dir' || (n.mode & 0o111) !== 0;
    let bits = n.mode & 7;
    if (n.uid === this.cred.uid) bits = (n.mode >> 6) & 7;
    else if (n.gid === this.cred.gid || this.cred.groups.includes(n.gid)) bits = (n.mode >> 3) & 7;
    return (bits & want) === want;
  }
  /** Parent dir of a path to create/remove, checked for write permission. */
  private parentFor(path: string, syscall: string): string {
    const abs = this.resolve(path);
    const dir = this.walk(dirname(abs), true, syscall);
    const d = this.disk.nodes.get(dir);
    if (!d) throw new FsError('ENOENT', syscall, path);
    if (d.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
    if (!this.can(d, W_OK | X_OK)) throw new FsError('EACCES', syscall, path);
    return join(dir, basename(abs));
  }
  private stat0(n: Node): Stat {
    const size = n.kind === 'symlink' ? n.target.length : n.kind === 'dir' ? 4096 : (n.size ?? n.data.length);
    return { kind: n.kind, mode: n.mode, uid: n.uid, gid: n.gid, size, mtime: n.mtime, atime: n.atime, ctime: n.ctime, ino: n.ino, nlink: n.nlink };
  }
  realpath(path: string): string {
    return this.node(path, true, 'realpath')[0];
  }
  stat(path: string): Stat {
    return this.stat0(this.node(path, true, 'stat')[1]);
  }
  lstat(path: string): Stat {
    return this.stat0(this.node(path, false, 'lstat')[1]);
  }
  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch {
      return false;
    }
  }
  access(path: string, mode: number): boolean {
    try {
      const n = this.node(path, true, 'access')[1];
      return this.can(n, mode);
    } catch {
      return false;
    }
  }
  readFile(path: string): Uint8Array {
    const n = this.node(path, true, 'open')[1];
    if (n.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    if (!this.can(n, R_OK)) throw new FsError('EACCES', 'open', path);
    return n.data;
  }
  readText(path: string): string {
    return dec.decode(this.readFile(path));
  }
  writeFile(path: string, data: string | Uint8Array, opts: { mode?: number; append?: boolean; exclusive?: boolean; size?: number } = {}): void {
    const bytes = typeof data === 'string' ? enc.encode(data) : data;
    let p: string;
    try {
      p = this.walk(path, true, 'open');
    } catch (e) {
      throw e;
    }
    const n = this.disk.nodes.get(p);
    if (n) {
      if (opts.exclusive) throw new FsError('EEXIST', 'open', path);
      if (n.kind === 'dir') throw new FsError('EISDIR', 'open', path);
      if (!this.can(n, W_OK)) throw new FsError('EACCES', 'open', path);
      if (opts.append) {
        const m = new Uint8Array(n.data.length + bytes.length);
        m.set(n.data);
        m.set(bytes, n.data.length);
        n.data = m;
      } else n.data = bytes.slice();
      n.size = undefined;
      n.mtime = n.ctime = this.disk.now();
      return;
    }
    const q = this.parentFor(p, 'open');
    const nn = this.disk.make('file', opts.mode ?? 0o644, this.cred.uid, this.cred.gid);
    nn.data = bytes.slice();
    this.disk.nodes.set(q, nn);
  }
  readdir(path: string): string[] {
    const [p, n] = this.node(path, true, 'scandir');
    if (n.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    if (!this.can(n, R_OK)) throw new FsError('EACCES', 'scandir', path);
    const pre = p === '/' ? '/' : p + '/';
    const out: string[] = [];
    for (const k of this.disk.nodes.keys()) if (k !== '/' && k.startsWith(pre) && !k.slice(pre.length).includes('/')) out.push(k.slice(pre.length));
    return out.sort();
  }
  mkdir(path: string, opts: { mode?: number; recursive?: boolean } = {}): void {
    if (opts.recursive) {
      for (const cur of pathPrefixes(this.resolve(path))) {
        if (this.exists(cur)) {
          if (this.stat(cur).kind !== 'dir') throw new FsError('ENOTDIR', 'mkdir', path);
          continue;
        }
        this.mkdir(cur, { mode: opts.mode });
      }
      return;
    }
    const q = this.parentFor(path, 'mkdir');
    if (this.disk.nodes.has(q)) throw new FsError('EEXIST', 'mkdir', path);
    this.disk.nodes.set(q, this.disk.make('dir', opts.mode ?? 0o755, this.cred.uid, this.cred.gid));
  }
  unlink(path: string): void {
    const q = this.parentFor(path, 'unlink');
    const n = this.disk.nodes.get(q);
    if (!n) throw new FsError('ENOENT', 'unlink', path);
    if (n.kind === 'dir') throw new FsError('EISDIR', 'unlink', path);
    n.nlink--;
    this.disk.nodes.delete(q);
  }
  rmdir(path: string): void {
    const q = this.parentFor(path, 'rmdir');
    const n = this.disk.nodes.get(q);
    if (!n) throw new FsError('ENOENT', 'rmdir', path);
    if (n.kind !== 'dir') throw new FsError('ENOTDIR', 'rmdir', path);
    if (q === '/') throw new FsError('EBUSY', 'rmdir', path);
    for (const k of this.disk.nodes.keys()) if (k.startsWith(q + '/')) throw new FsError('ENOTEMPTY', 'rmdir', path);
    this.disk.nodes.delete(q);
  }
  rename(from: string, to: string): void {
    const a = this.parentFor(from, 'rename');
    const n = this.disk.nodes.get(a);
    if (!n) throw new FsError('ENOENT', 'rename', from);
    const b = this.parentFor(to, 'rename');
    if (a === b) return;
    if (n.kind === 'dir' && b.startsWith(a + '/')) throw new FsError('EINVAL', 'rename', to);
    const existing = this.disk.nodes.get(b);
    if (existing) {
      if (existing.kind === 'dir' && n.kind !== 'dir') throw new FsError('EISDIR', 'rename', to);
      if (existing.kind !== 'dir' && n.kind === 'dir') throw new FsError('ENOTDIR', 'rename', to);
      if (existing.kind === 'dir') for (const k of this.disk.nodes.keys()) if (k.startsWith(b + '/')) throw new FsError('ENOTEMPTY', 'rename', to);
    }
    const moves: [string, Node][] = [];
    for (const [k, v] of this.disk.nodes) if (k === a || k.startsWith(a + '/')) moves.push([k, v]);
    for (const [k] of moves) this.disk.nodes.delete(k);
    for (const [k, v] of moves) this.disk.nodes.set(b + k.slice(a.length), v);
  }
  symlink(target: string, path: string): void {
    const q = this.parentFor(path, 'symlink');
    if (this.disk.nodes.has(q)) throw new FsError('EEXIST', 'symlink', path);
    const n = this.disk.make('symlink', 0o777, this.cred.uid, this.cred.gid);
    n.target = target;
    this.disk.nodes.set(q, n);
  }
  link(existing: string, path: string): void {
    const [, n] = this.node(existing, false, 'link');
    if (n.kind === 'dir') throw new FsError('EPERM', 'link', existing);
    const q = this.parentFor(path, 'link');
    if (this.disk.nodes.has(q)) throw new FsError('EEXIST', 'link', path);
    n.nlink++;
    this.disk.nodes.set(q, n);
  }
  readlink(path: string): string {
    const [, n] = this.node(path, false, 'readlink');
    if (n.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return n.target;
  }
  chmod(path: string, mode: number): void {
    const [, n] = this.node(path, true, 'chmod');
    if (this.cred.uid !== 0 && this.cred.uid !== n.uid) throw new FsError('EPERM', 'chmod', path);
    n.mode = mode & 0o7777;
  }
  chown(path: string, uid: number, gid: number, opts: { noFollow?: boolean } = {}): void {
    const [, n] = this.node(path, !opts.noFollow, 'chown');
    if (this.cred.uid !== 0 && (uid !== n.uid || (gid !== n.gid && !this.cred.groups.includes(gid)))) throw new FsError('EPERM', 'chown', path);
    n.uid = uid;
    n.gid = gid;
  }
  utimes(path: string, atime: number, mtime: number): void {
    const [, n] = this.node(path, true, 'utime');
    n.atime = atime;
    n.mtime = mtime;
  }
}
