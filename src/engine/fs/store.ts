/**
 * MemTree: one memfs file system used as a layer's store (the project's named store, DESIGN.md).
 *
 * It is memfs's core (`Superblock` from @jsonjoy.com/fs-core, the part of memfs 4 that holds the
 * tree), not memfs's `Volume`: the Volume is the Node `fs` API on top of that core (streams,
 * promises, watchers, URL paths), which the engine never calls. Leaving it out keeps about 150 KB
 * gzip of Node polyfills (readable-stream, url/qs, util, events …) out of the worker, and makes a
 * tree far cheaper in memory (a Volume binds some 200 methods per instance; a container's
 * writable layer gets its own tree on its first write).
 *
 * What lives where, and why:
 *  - memfs holds the tree (its Link/Node objects), the bytes of files, symlink targets, hard links
 *    (two Links sharing one Node), and mode/uid/gid on each Node.
 *  - Times and the virtual size (FileMeta.size) live beside it, on each memfs Node as one extra
 *    field `sim`: memfs stamps times with `new Date()` (the host clock) on almost every call, and the
 *    simulator must use the machine's injected clock so that runs are reproducible.
 *  - Reads go straight to the core (`core.getLink(steps)`): no Stats object, no exception
 *    for a missing path. That keeps an overlay lookup within the budget of DESIGN.md.
 *
 * memfs checks permissions against the host process's uid with no root bypass. Permission checks
 * belong to our Vfs with the caller's Cred, so memfs's own are switched off in ONE place:
 * `neutraliseMemfs` below (it affects every memfs tree in this JS realm, on purpose), as are
 * memfs's host-clock Date objects (the simulator keeps its own times).
 */
import { Link, Superblock, dataToBuffer, pathToFilename as p } from '@jsonjoy.com/fs-core';
import { FsError, type Errno, type FileKind, type Stat } from '../../api/fs';
import { steps } from '../../lib/path';
import { appendWithRuns, fileSize, materialise, STORE_CAP } from './repeat';

type Core = Superblock;
export type MLink = NonNullable<ReturnType<Core['getLink']>>;
export type MNode = ReturnType<MLink['getNode']> & { sim?: Times; run?: Run };

/**
 * A file's tail that repeats one chunk `count` times after the stored bytes (see repeat.ts): how a
 * file of gigabytes of zeros (`dd if=/dev/zero`) or of one line (`yes > f`) is kept in a few KB.
 */
export interface Run {
  chunk: Uint8Array;
  count: number;
  /** The first `part` bytes of one more chunk (the last write that filled the disk). */
  part?: number;
}

export interface Times {
  mtime: number;
  atime: number;
  ctime: number;
  /** Reported size when it differs from the stored bytes (FileMeta.size). */
  vsize?: number;
}

const S_IFMT = 0o170000;
const KIND_BITS: Record<FileKind, number> = {
  fifo: 0o010000, chardev: 0o020000, dir: 0o040000, file: 0o100000, symlink: 0o120000, socket: 0o140000,
};
export const DIR_SIZE = 4096;

let neutralised = false;
/**
 * THE one place memfs's own behaviour is switched off, for every tree in this JS realm:
 *  - its permission checks (see the file comment);
 *  - its per-object change feeds: every Node and Link gets its own FanOut (and Set of listeners),
 *    deprecated in memfs and never listened to here; they all share one empty feed instead, which
 *    is most of a kilobyte per container that wrote a file;
 *  - its host-clock times: each node keeps four `Date`s and memfs replaces one with a `new Date()`
 *    on most changes. The simulator never reads them (its times are `sim`), so every node points
 *    at one shared Date instead: a few hundred bytes less per file, which is most of what a
 *    container that wrote one small file costs (DESIGN.md's 16 KB budget).
 */
function neutraliseMemfs(core: Core): void {
  if (neutralised) return;
  const proto = Object.getPrototypeOf(core.root.getNode()) as Record<string, unknown>;
  proto.canRead = proto.canWrite = proto.canExecute = () => true;
  for (const name of ['atime', 'mtime', 'ctime', 'btime']) {
    const own = Object.getOwnPropertyDescriptor(proto, name);
    const set = own?.set;
    if (!set) continue;
    Object.defineProperty(proto, name, {
      ...own,
      // Keep the setter's side effects (mtime also moves ctime), not the Date it was given.
      set(this: Record<string, unknown>, _: Date) {
        set.call(this, HOST_TIME);
      },
    });
  }
  const sb = Superblock.prototype as unknown as { createNode(mode: number): Record<string, unknown>; createLink(...a: unknown[]): Record<string, unknown> };
  const createNode = sb.createNode;
  sb.createNode = function (this: unknown, mode: number) {
    const n = createNode.call(this, mode);
    n._atime = n._mtime = n._ctime = n._btime = HOST_TIME;
    n.changes = NO_CHANGES;
    return n;
  };
  const createLink = sb.createLink;
  sb.createLink = function (this: unknown, ...a: unknown[]) {
    const l = createLink.apply(this, a);
    l.changes = NO_CHANGES;
    return l;
  };
  const lp = Link.prototype as unknown as { setChild(name: string, link?: Record<string, unknown>): Record<string, unknown> };
  const setChild = lp.setChild;
  lp.setChild = function (this: unknown, name: string, link?: Record<string, unknown>) {
    const l = setChild.call(this, name, link);
    l.changes = NO_CHANGES;
    return l;
  };
  neutralised = true;
}
const HOST_TIME = new Date(0);
/** The one change feed every memfs Node and Link points at: nothing listens, so emit is a no-op. */
const NO_CHANGES = Object.freeze({ emit(): void {}, listen: () => () => false, listeners: new Set() });

export function kindOf(node: MNode): FileKind {
  switch (node.mode & S_IFMT) {
    case KIND_BITS.dir: return 'dir';
    case KIND_BITS.symlink: return 'symlink';
    case KIND_BITS.chardev: return 'chardev';
    case KIND_BITS.fifo: return 'fifo';
    case KIND_BITS.socket: return 'socket';
    default: return 'file';
  }
}

const enc = new TextEncoder();

/** Turn a memfs error (or anything thrown by it) into our FsError. */
export function fsErr(e: unknown, syscall: string, path: string): FsError {
  if (e instanceof FsError) return e;
  const code = (e as { code?: string }).code as Errno | undefined;
  return new FsError(code && code in ERRNOS ? code : 'EINVAL', syscall, path);
}
const ERRNOS = { ENOENT: 1, EACCES: 1, EPERM: 1, EEXIST: 1, ENOTDIR: 1, EISDIR: 1, ENOTEMPTY: 1, EINVAL: 1 };

// open(2) flags as Node's fs passes them to the core: 'w' and 'a'.
const O_WRONLY = 1, O_CREAT = 0o100, O_TRUNC = 0o1000, O_APPEND = 0o2000;
const WRITE = O_WRONLY | O_CREAT | O_TRUNC;
const APPEND = O_WRONLY | O_CREAT | O_APPEND;

export class MemTree {
  /**
   * Bytes of the regular files in this tree as stat reports them, each inode once (kept up to date
   * by every change, so a disk can add trees up on every write). Writers that change a node's size
   * outside write/append/unlink/rmdir/rename adjust it with `resized`.
   */
  bytes = 0;
  private readonly core: Core = new Superblock();

  constructor(rootTimes: Times, rootMode = 0o755, rootUid = 0, rootGid = 0) {
    neutraliseMemfs(this.core);
    const root = this.core.root.getNode() as MNode;
    root.mode = KIND_BITS.dir | rootMode;
    root.uid = rootUid;
    root.gid = rootGid;
    root.sim = { ...rootTimes };
  }

  link(path: string): MLink | null {
    return path === '/' ? this.core.root : this.core.getLink(steps(path));
  }

  node(path: string): MNode | undefined {
    return (this.link(path)?.getNode() as MNode | undefined) ?? undefined;
  }

  stat(path: string, inoBase = 0): Stat | undefined {
    const n = this.node(path);
    return n && nodeStat(n, inoBase);
  }

  /** Child names, sorted (readdir order is unspecified on Linux; sorted keeps runs reproducible). */
  children(path: string): string[] {
    const l = this.link(path);
    if (!l) return [];
    const out: string[] = [];
    for (const k of l.children.keys()) if (k !== '.' && k !== '..') out.push(k);
    return out.sort();
  }

  read(path: string): Uint8Array {
    const n = this.node(path)!;
    if (n.run) return materialise(n, path, 'read');
    const b = n.buf.subarray(0, n.getSize());
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice();
  }

  mkdir(path: string, mode: number, uid: number, gid: number, t: Times): void {
    this.core.mkdir(p(path), 0o777);
    this.setMeta(path, 'dir', mode, uid, gid, t);
  }

  write(path: string, data: Uint8Array, mode: number, uid: number, gid: number, t: Times, run?: Run): void {
    if (data.length > STORE_CAP) throw new FsError('EFBIG', 'write', path);
    this.core.writeFile(path, dataToBuffer(data), WRITE, 0o666);
    this.setMeta(path, 'file', mode, uid, gid, t);
    const n = this.node(path)!;
    if (run) n.run = { chunk: run.chunk.slice(), count: run.count, ...(run.part ? { part: Math.min(run.part, run.chunk.length - 1) } : {}) };
    this.bytes += fileSize(n);
  }

  /**
   * Replace or append the bytes of an existing file (attributes untouched except times). The
   * caller accounts the size change with `resized` (it may also change the virtual size).
   */
  overwrite(path: string, data: Uint8Array, append: boolean): void {
    const n = this.node(path)!;
    if (append) {
      appendWithRuns(n, data, path, (bytes) => this.core.writeFile(path, dataToBuffer(bytes), APPEND, 0o666));
      return;
    }
    if (data.length > STORE_CAP) throw new FsError('EFBIG', 'write', path);
    delete n.run;
    this.core.writeFile(path, dataToBuffer(data), WRITE, 0o666);
  }

  /** A node's reported size went from `before` to what it is now. */
  resized(n: MNode, before: number): void {
    this.bytes += fileSize(n) - before;
  }

  /** Bytes freed when this name goes: a file's size when it was the last link to it. */
  private freed(path: string): number {
    const n = this.node(path);
    return n && kindOf(n) === 'file' && n.nlink <= 1 ? fileSize(n) : 0;
  }

  /** Bytes of the files below a directory whose every link lies inside it (freed by rm -r). */
  private freedUnder(path: string): number {
    const n = this.node(path);
    if (!n) return 0;
    if (kindOf(n) !== 'dir') return this.freed(path);
    const links = new Map<MNode, number>();
    const walk = (dir: string): void => {
      for (const name of this.children(dir)) {
        const p = dir === '/' ? '/' + name : dir + '/' + name;
        const c = this.node(p)!;
        const k = kindOf(c);
        if (k === 'dir') walk(p);
        else if (k === 'file') links.set(c, (links.get(c) ?? 0) + 1);
      }
    };
    walk(path);
    let out = 0;
    for (const [c, seen] of links) if (seen >= c.nlink) out += fileSize(c);
    return out;
  }

  symlink(target: string, path: string, uid: number, gid: number, t: Times): void {
    this.core.symlink(p(target), p(path));
    this.setMeta(path, 'symlink', 0o777, uid, gid, t);
  }

  hardlink(existing: string, path: string): void {
    this.core.link(p(existing), p(path));
  }

  unlink(path: string): void {
    const freed = this.freed(path);
    this.core.unlink(p(path));
    this.bytes -= freed;
  }

  rmdir(path: string, recursive = false): void {
    if (recursive) {
      const freed = this.freedUnder(path);
      this.core.rm(p(path), true, true);
      this.bytes -= freed;
    } else this.core.rmdir(p(path));
  }

  rename(from: string, to: string): void {
    const freed = from === to ? 0 : this.freed(to);
    this.core.rename(p(from), p(to));
    this.bytes -= freed;
  }

  private setMeta(path: string, kind: FileKind, mode: number, uid: number, gid: number, t: Times): void {
    const n = this.node(path)!;
    n.mode = KIND_BITS[kind] | (mode & 0o7777);
    n.uid = uid;
    n.gid = gid;
    n.sim = { ...t };
  }
}

export function nodeStat(n: MNode, inoBase = 0): Stat {
  const kind = kindOf(n);
  const t = n.sim ?? { mtime: 0, atime: 0, ctime: 0 };
  const size = kind === 'dir' ? DIR_SIZE
    : kind === 'symlink' ? enc.encode(n.symlink ?? '').length
    : fileSize(n);
  return {
    kind, mode: n.mode & 0o7777, uid: n.uid, gid: n.gid, size,
    mtime: t.mtime, atime: t.atime, ctime: t.ctime,
    ino: inoBase + n.ino, nlink: kind === 'dir' ? 2 : n.nlink,
  };
}

/** Serialise a node's attributes into the LayerEntry FileMeta fields. */
export function nodeMeta(n: MNode): { mode: number; uid: number; gid: number; mtime: number; size?: number } {
  const m: { mode: number; uid: number; gid: number; mtime: number; size?: number } = {
    mode: n.mode & 0o7777, uid: n.uid, gid: n.gid, mtime: n.sim?.mtime ?? 0,
  };
  if (n.sim?.vsize !== undefined) m.size = n.sim.vsize;
  return m;
}
