/**
 * A read-only tree whose content is computed when it is read: what procfs and sysfs are. Nothing is
 * stored; every lookup asks `node(path)` and every read calls the node's `read()`, so `cat
 * /proc/1/mounts` or `cat /sys/fs/cgroup/memory.current` shows the machine as it is at that moment
 * and an idle machine pays nothing for them. Files report size 0, as procfs files do.
 */
import { FsError, type FileMeta, type FsBackend, type Stat } from '../../api/fs';

export interface GenNode {
  kind: 'dir' | 'file' | 'symlink' | 'socket';
  mode: number;
  uid?: number;
  gid?: number;
  /** Directory entries, computed at readdir. */
  children?: () => string[];
  /** File content, computed at read. */
  read?: (caller?: number) => string;
  /** Symlink target; `caller` is the reading process's host PID (procfs `self`). */
  link?: (caller?: number) => string;
  mtime?: number;
}

const enc = new TextEncoder();

export abstract class GeneratedFs implements FsBackend {
  readonly readonly = true;
  /** The node at a backend path ('/' is the root), or undefined when there is none. */
  protected abstract node(path: string): GenNode | undefined;
  /** Time stamp of every entry (procfs shows the time it was first looked at: boot, here). */
  protected abstract now(): number;
  private inodes = new Map<string, number>();

  private must(path: string, syscall: string): GenNode {
    const n = this.node(path);
    if (!n) throw new FsError('ENOENT', syscall, path);
    return n;
  }

  lstat(path: string): Stat | undefined {
    const n = this.node(path);
    if (!n) return undefined;
    let ino = this.inodes.get(path);
    if (ino === undefined) this.inodes.set(path, (ino = 4096 + this.inodes.size));
    const t = n.mtime ?? this.now();
    return { kind: n.kind, mode: n.mode, uid: n.uid ?? 0, gid: n.gid ?? 0, size: 0, mtime: t, atime: t, ctime: t, ino, nlink: n.kind === 'dir' ? 2 : 1 };
  }
  readdir(path: string): string[] {
    const n = this.must(path, 'scandir');
    if (n.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    return n.children?.() ?? [];
  }
  readFile(path: string, caller?: number): Uint8Array {
    const n = this.must(path, 'open');
    if (n.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    if (n.kind === 'socket') throw new FsError('ENXIO', 'open', path);
    return enc.encode(n.read?.(caller) ?? '');
  }
  readlink(path: string, caller?: number): string {
    const n = this.must(path, 'readlink');
    if (n.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return n.link?.(caller) ?? '';
  }
  private denied(syscall: string, path: string): never {
    // procfs and sysfs refuse changes they do not support with EACCES / EPERM; the simulator's
    // trees are read-only views.
    throw new FsError('EACCES', syscall, path);
  }
  writeFile(path: string, _data: Uint8Array, _meta?: FileMeta & { append?: boolean }): void { this.denied('open', path); }
  mkdir(path: string): void { this.denied('mkdir', path); }
  symlink(_t: string, path: string): void { this.denied('symlink', path); }
  link(_e: string, path: string): void { this.denied('link', path); }
  unlink(path: string): void { this.denied('unlink', path); }
  rmdir(path: string): void { this.denied('rmdir', path); }
  rename(from: string): void { this.denied('rename', from); }
  setattr(path: string): void { this.denied('chmod', path); }
}
