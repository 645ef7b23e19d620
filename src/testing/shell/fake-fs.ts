/** A Map-based Fs for the shell's tests (the real Vfs lives in src/engine/fs). No permission checks beyond mode bits. */
import { FsError, ROOT, type Cred, type Fs, type Stat } from '../../api/fs';
import { normalize } from '../../lib/path';

interface Node {
  kind: 'file' | 'dir';
  data: Uint8Array;
  mode: number;
  mtime: number;
  ino: number;
}

const enc = new TextEncoder();

export class FakeFs implements Fs {
  constructor(
    readonly nodes: Map<string, Node> = new Map([['/', { kind: 'dir', data: new Uint8Array(), mode: 0o755, mtime: 0, ino: 1 }]]),
    readonly cwd = '/',
    readonly cred: Cred = ROOT,
  ) {}
  private static ino = 2;
  withCwd(cwd: string): Fs {
    return new FakeFs(this.nodes, this.resolve(cwd), this.cred);
  }
  withCred(cred: Cred): Fs {
    return new FakeFs(this.nodes, this.cwd, cred);
  }
  resolve(path: string): string {
    return normalize(path, this.cwd);
  }
  realpath(path: string): string {
    return this.resolve(path);
  }
  private node(path: string, syscall: string): Node {
    const p = this.resolve(path);
    const n = this.nodes.get(p);
    if (!n) throw new FsError('ENOENT', syscall, path);
    return n;
  }
  stat(path: string): Stat {
    const n = this.node(path, 'stat');
    return { kind: n.kind, mode: n.mode, uid: 0, gid: 0, size: n.data.length, mtime: n.mtime, atime: n.mtime, ctime: n.mtime, ino: n.ino, nlink: 1 };
  }
  lstat(path: string): Stat {
    return this.stat(path);
  }
  exists(path: string): boolean {
    return this.nodes.has(this.resolve(path));
  }
  access(path: string, mode: number): boolean {
    const n = this.nodes.get(this.resolve(path));
    if (!n) return false;
    return ((n.mode >> 6) & mode) === mode;
  }
  readFile(path: string): Uint8Array {
    const n = this.node(path, 'open');
    if (n.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    return n.data;
  }
  readText(path: string): string {
    return new TextDecoder().decode(this.readFile(path));
  }
  writeFile(path: string, data: string | Uint8Array, opts: { mode?: number; append?: boolean } = {}): void {
    const p = this.resolve(path);
    const parent = this.nodes.get(normalize(p + '/..'));
    if (!parent || parent.kind !== 'dir') throw new FsError(parent ? 'ENOTDIR' : 'ENOENT', 'open', path);
    const bytes = typeof data === 'string' ? enc.encode(data) : data;
    const old = this.nodes.get(p);
    if (old?.kind === 'dir') throw new FsError('EISDIR', 'open', path);
    if (old && opts.append) {
      const merged = new Uint8Array(old.data.length + bytes.length);
      merged.set(old.data);
      merged.set(bytes, old.data.length);
      old.data = merged;
    } else if (old) old.data = bytes.slice();
    else this.nodes.set(p, { kind: 'file', data: bytes.slice(), mode: opts.mode ?? 0o644, mtime: 0, ino: FakeFs.ino++ });
  }
  readdir(path: string): string[] {
    const p = this.resolve(path);
    const n = this.node(path, 'scandir');
    if (n.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    const prefix = p === '/' ? '/' : p + '/';
    return [...this.nodes.keys()].filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length)).sort();
  }
  mkdir(path: string, opts: { mode?: number; recursive?: boolean } = {}): void {
    const p = this.resolve(path);
    if (opts.recursive && p !== '/') this.mkdir(normalize(p + '/..'), opts);
    if (this.nodes.has(p)) {
      if (opts.recursive) return;
      throw new FsError('EEXIST', 'mkdir', path);
    }
    this.nodes.set(p, { kind: 'dir', data: new Uint8Array(), mode: opts.mode ?? 0o755, mtime: 0, ino: FakeFs.ino++ });
  }
  unlink(path: string): void {
    this.node(path, 'unlink');
    this.nodes.delete(this.resolve(path));
  }
  rmdir(path: string): void {
    this.unlink(path);
  }
  rename(from: string, to: string): void {
    const n = this.node(from, 'rename');
    this.nodes.delete(this.resolve(from));
    this.nodes.set(this.resolve(to), n);
  }
  symlink(): void {
    throw new FsError('EPERM', 'symlink', '');
  }
  link(): void {
    throw new FsError('EPERM', 'link', '');
  }
  readlink(path: string): string {
    throw new FsError('EINVAL', 'readlink', path);
  }
  chmod(path: string, mode: number): void {
    this.node(path, 'chmod').mode = mode;
  }
  chown(): void {}
  utimes(path: string, _a: number, mtime: number): void {
    this.node(path, 'utimes').mtime = mtime;
  }
}
