/**
 * A directory of another tree, seen as a tree of its own: what a bind mount (`-v /host/dir:/dir`)
 * and a volume (`/var/lib/docker/volumes/NAME/_data`) are. Every call maps to the same files in the
 * backing tree, so a write on either side shows on the other at once.
 */
import type { FileMeta, FsBackend, FsStats, Stat } from '../../api/fs';

export class SubtreeBackend implements FsBackend {
  constructor(
    readonly base: FsBackend,
    /** Absolute, already-resolved path of the directory in `base`. */
    readonly prefix: string,
    readonly readonly = false,
  ) {}

  private at(path: string): string {
    if (path === '/' || path === '') return this.prefix;
    return (this.prefix === '/' ? '' : this.prefix) + path;
  }

  statfs(): FsStats | undefined {
    return this.base.statfs?.();
  }
  lstat(path: string): Stat | undefined {
    return this.base.lstat(this.at(path));
  }
  readdir(path: string): string[] {
    return this.base.readdir(this.at(path));
  }
  readFile(path: string): Uint8Array {
    return this.base.readFile(this.at(path));
  }
  readlink(path: string): string {
    return this.base.readlink(this.at(path));
  }
  writeFile(path: string, data: Uint8Array, meta?: FileMeta & { append?: boolean }): void {
    this.base.writeFile(this.at(path), data, meta);
  }
  mkdir(path: string, meta?: FileMeta): void {
    this.base.mkdir(this.at(path), meta);
  }
  symlink(target: string, path: string, meta?: FileMeta): void {
    this.base.symlink(target, this.at(path), meta);
  }
  link(existing: string, path: string): void {
    this.base.link(this.at(existing), this.at(path));
  }
  unlink(path: string): void {
    this.base.unlink(this.at(path));
  }
  rmdir(path: string): void {
    this.base.rmdir(this.at(path));
  }
  rename(from: string, to: string): void {
    this.base.rename(this.at(from), this.at(to));
  }
  setattr(path: string, attrs: { mode?: number; uid?: number; gid?: number; mtime?: number; atime?: number }): void {
    this.base.setattr(this.at(path), attrs);
  }
}
