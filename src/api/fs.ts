/**
 * The contracts of the simulated filesystem. Three levels:
 *  - FsBackend: one tree (a layer, an overlay, a volume, the host disk) addressed by paths that are
 *    already resolved (no symlinks in any parent component). No permission checks.
 *  - Vfs: a mount table of backends (one per mount namespace). Resolves paths component by
 *    component (symlinks, `..`, mount points) and checks permissions with the caller's Cred.
 *  - Fs: what a process holds: a Vfs bound to that process's credentials and working directory.
 * Errors are FsError with Linux's errno names and strerror texts, so programs can print
 * `ls: cannot access 'x': No such file or directory` exactly as GNU/busybox do.
 */

export type FileKind = 'file' | 'dir' | 'symlink' | 'chardev' | 'fifo' | 'socket';

export interface Stat {
  kind: FileKind;
  /** Permission bits including setuid/setgid/sticky (0o7777 mask). */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes as reported (a stub file may report its real-world size; see FileMeta.size). */
  size: number;
  /** Times in milliseconds since the epoch. */
  mtime: number;
  atime: number;
  ctime: number;
  ino: number;
  nlink: number;
  /** Device numbers for char devices (whiteouts on overlayfs are chardev 0/0). */
  rdev?: number;
}

/** The credentials a filesystem operation runs with. uid 0 bypasses permission checks (as root does). */
export interface Cred {
  uid: number;
  gid: number;
  /** Supplementary groups. */
  groups: number[];
}

export const ROOT: Cred = Object.freeze({ uid: 0, gid: 0, groups: [0] }) as Cred;

export type Errno =
  | 'ENOENT' | 'EACCES' | 'EPERM' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY'
  | 'EROFS' | 'ELOOP' | 'EINVAL' | 'EXDEV' | 'EBUSY' | 'ENOSPC' | 'ENAMETOOLONG' | 'ENOEXEC' | 'EAGAIN' | 'ENXIO' | 'EFBIG';

export const STRERROR: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
  ENOSPC: 'No space left on device',
  ENAMETOOLONG: 'File name too long',
  ENOEXEC: 'Exec format error',
  EAGAIN: 'Resource temporarily unavailable',
  ENXIO: 'No such device or address',
  EFBIG: 'File too large',
};

export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly syscall: string,
    readonly path: string,
  ) {
    super(STRERROR[code]);
    this.name = 'FsError';
  }
}

export function isFsError(e: unknown, code?: Errno): e is FsError {
  return e instanceof FsError && (code === undefined || e.code === code);
}

/** Attributes a writer may set; missing ones take defaults (mode 0o644/0o755, owner 0:0, now). */
export interface FileMeta {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  /**
   * The size `stat` reports when it differs from the stored bytes: registry images keep a small
   * stub for `/usr/bin/python3` but report its real size, so `ls -l`, `du` and image sizes look
   * like Docker's without holding 80 MB per image.
   */
  size?: number;
}

/** What statfs(2) tells `df`: the filesystem's bytes in all, in use, and free for a writer. */
export interface FsStats {
  size: number;
  used: number;
  avail: number;
}

/** One tree of files, addressed by resolved absolute paths ('/' is its root). No permission checks. */
export interface FsBackend {
  readonly readonly: boolean;
  /** The filesystem's figures, when the tree lives on a modelled disk (disk.ts). */
  statfs?(): FsStats | undefined;
  lstat(path: string): Stat | undefined;
  readdir(path: string): string[];
  /** `caller`: the host PID of the reading process (procfs files that depend on the reader). */
  readFile(path: string, caller?: number): Uint8Array;
  /** `caller`: the host PID of the reading process (procfs's `self` depends on who asks). */
  readlink(path: string, caller?: number): string;
  writeFile(path: string, data: Uint8Array, meta?: FileMeta & { append?: boolean }): void;
  mkdir(path: string, meta?: FileMeta): void;
  symlink(target: string, path: string, meta?: FileMeta): void;
  /** A hard link: both names share one file. */
  link(existing: string, path: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  setattr(path: string, attrs: { mode?: number; uid?: number; gid?: number; mtime?: number; atime?: number }): void;
}

export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;

/** What a process holds: a mount namespace seen with its credentials from its working directory. */
export interface Fs {
  readonly cwd: string;
  readonly cred: Cred;
  /** The same namespace seen from another directory or with other credentials. */
  withCwd(cwd: string): Fs;
  withCred(cred: Cred): Fs;
  /** The same view held by process `pid` (host PID): procfs's `/proc/self` resolves to it. */
  withCaller?(pid: number): Fs;
  /** Lexically absolute, normalised path (cwd applied, `.`/`..` folded, no symlinks followed). */
  resolve(path: string): string;
  /** Absolute path with every symlink followed (throws ENOENT if any part is missing). */
  realpath(path: string): string;
  stat(path: string): Stat;
  lstat(path: string): Stat;
  exists(path: string): boolean;
  /** access(2): does this process have the requested R_OK|W_OK|X_OK bits? */
  access(path: string, mode: number): boolean;
  readFile(path: string): Uint8Array;
  readText(path: string): string;
  writeFile(path: string, data: string | Uint8Array, opts?: { mode?: number; append?: boolean; exclusive?: boolean; size?: number }): void;
  readdir(path: string): string[];
  mkdir(path: string, opts?: { mode?: number; recursive?: boolean }): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  link(existing: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number, opts?: { noFollow?: boolean }): void;
  utimes(path: string, atime: number, mtime: number): void;
  /** statfs(2): the figures of the filesystem `path` is on (undefined when it has none). */
  statfs?(path: string): FsStats | undefined;
}

/**
 * One entry of a layer described as data: how the registry's recipes describe image trees, and how
 * a layer is serialised for snapshots. Paths are absolute. A `whiteout` hides the path in lower
 * layers; an `opaque` entry marks a directory whose lower children are all hidden.
 */
export type LayerEntry =
  | ({ path: string; kind: 'dir' } & FileMeta)
  | ({ path: string; kind: 'file'; data: Uint8Array | string; repeat?: { data: Uint8Array; count: number; part?: number } } & FileMeta)
  | ({ path: string; kind: 'symlink'; target: string } & FileMeta)
  | ({ path: string; kind: 'hardlink'; target: string })
  | { path: string; kind: 'whiteout' }
  | { path: string; kind: 'opaque' };
