/**
 * Layers. A `Layer` is an immutable tree (an image layer: shared by reference by every image and
 * container that uses it); a `MutableLayer` is a writable tree (a container's upper layer, a build
 * step's scratch layer, a volume). Both keep their files in one memfs Volume (see store.ts) and the
 * OCI markers beside it (content.ts).
 */
import { FsError, type FileMeta, type FsBackend, type FsStats, type LayerEntry, type Stat } from '../../api/fs';
import { applyEntry, contentEntries, contentSize, emptyContent, mkdirParents, rootMeta, type Content, type EntryExtra } from './content';
import { kindOf, nodeStat, type Times } from './store';
import { appendPartialToRun, fileSize } from './repeat';
import type { DiskSpace } from './disk';
import { digest, layerEntriesToTar, writeTar } from '../../lib/tar';
import { dirname, isWithin } from '../../lib/path';

type Attrs = { mode?: number; uid?: number; gid?: number; mtime?: number; atime?: number };

/** Shared read side of Layer and MutableLayer. */
abstract class TreeBackend {
  abstract readonly readonly: boolean;
  /** Added to memfs inode numbers so that layers of one stack report distinct inodes. */
  inoBase = 0;
  protected abstract content(): Content | undefined;
  protected abstract rootStat(): Stat;

  lstat(path: string): Stat | undefined {
    const c = this.content();
    if (!c) return path === '/' ? this.rootStat() : undefined;
    const n = c.tree.node(path);
    return n && nodeStat(n, this.inoBase);
  }

  readdir(path: string): string[] {
    const st = this.lstat(path);
    if (!st) throw new FsError('ENOENT', 'scandir', path);
    if (st.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    return this.content()?.tree.children(path) ?? [];
  }

  readFile(path: string): Uint8Array {
    const st = this.lstat(path);
    if (!st) throw new FsError('ENOENT', 'open', path);
    if (st.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    return this.content()!.tree.read(path);
  }

  readlink(path: string): string {
    const c = this.content();
    const n = c?.tree.node(path);
    if (!n) throw new FsError('ENOENT', 'readlink', path);
    if (kindOf(n) !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return n.symlink ?? '';
  }

  /** Paths this layer's markers hide in lower layers (read by Overlay). */
  whiteouts(): ReadonlySet<string> { return this.content()?.whiteouts ?? EMPTY; }
  opaques(): ReadonlySet<string> { return this.content()?.opaques ?? EMPTY; }

  /** The layer's content as data (whiteouts and opaque markers included), in tar order. */
  entries(): LayerEntry[] {
    const c = this.content();
    return c ? contentEntries(c) : [];
  }
}
const EMPTY: ReadonlySet<string> = new Set();

export interface LayerOptions {
  /** mtime for entries (and implicit parent directories) that give none; default 0. */
  mtime?: number;
}

/** An immutable layer. Build it with `Layer.fromEntries` or `MutableLayer.freeze()`. */
export class Layer extends TreeBackend implements FsBackend {
  readonly readonly = true;
  #c?: Content;
  #make?: () => Content;
  #size?: number;
  #diffId?: string;

  private constructor(c: Content | undefined, make?: () => Content) {
    super();
    this.#c = c;
    this.#make = make;
  }

  /**
   * A layer whose content is made on first use, its diff ID known already: a restored machine's
   * official image layers, which the Hub rebuilds from recipes only when something reads them
   * (issue 16: not on the path to the prompt). `make` must give the layer with that diff ID.
   */
  static lazy(diffId: string, make: () => Layer): Layer {
    const l = new Layer(undefined, () => {
      const real = make();
      if (real.diffId !== diffId) throw new Error(`layer ${diffId} was rebuilt as ${real.diffId}`);
      return real.content();
    });
    l.#diffId = diffId;
    return l;
  }

  /** Reported bytes: regular files as stat reports them (virtual sizes honoured), each inode once. */
  get size(): number {
    return (this.#size ??= contentSize(this.content()));
  }

  static fromEntries(entries: readonly (LayerEntry & EntryExtra)[], opts: LayerOptions = {}): Layer {
    const t = opts.mtime ?? 0;
    const c = emptyContent(t);
    for (const e of entries) applyEntry(c, e, t);
    return new Layer(c);
  }

  /** @internal used by snapshots: content with its root attributes. */
  static fromContent(c: Content): Layer {
    return new Layer(c);
  }

  /** sha256 of the layer's uncompressed tar serialisation (computed once, on first use). */
  get diffId(): string {
    return (this.#diffId ??= digest(this.tar()));
  }

  /** The layer as an OCI layer tar (what `docker save` writes as `<id>/layer.tar`). */
  tar(): Uint8Array {
    return writeTar(layerEntriesToTar(this.entries()));
  }

  protected content(): Content {
    if (!this.#c) {
      this.#c = this.#make!();
      this.#make = undefined;
    }
    return this.#c;
  }
  protected rootStat(): Stat { return nodeStat(this.content().tree.node('/')!, this.inoBase); }
  /** @internal */
  snapshotContent(): Content { return this.content(); }

  writeFile(path: string): void { throw new FsError('EROFS', 'open', path); }
  mkdir(path: string): void { throw new FsError('EROFS', 'mkdir', path); }
  symlink(_t: string, path: string): void { throw new FsError('EROFS', 'symlink', path); }
  link(_e: string, path: string): void { throw new FsError('EROFS', 'link', path); }
  unlink(path: string): void { throw new FsError('EROFS', 'unlink', path); }
  rmdir(path: string): void { throw new FsError('EROFS', 'rmdir', path); }
  rename(from: string): void { throw new FsError('EROFS', 'rename', from); }
  setattr(path: string): void { throw new FsError('EROFS', 'utime', path); }
}

export interface MutableLayerOptions {
  /** The machine's clock (ms since the epoch) for times the caller does not give. Default: 0. */
  now?: () => number;
  /** The disk this layer's bytes live on (disk.ts): writes past its free space fail with ENOSPC. */
  disk?: DiskSpace;
}

/**
 * A writable layer. Its memfs Volume is created on the first write, so an overlay whose upper
 * has no writes costs a few small objects (1,000 idle containers budget, DESIGN.md).
 * Used alone it is a plain tree; as an Overlay's upper, the Overlay also records whiteouts and
 * opaque markers in it (`addWhiteout`, `setOpaque`).
 */
export class MutableLayer extends TreeBackend implements FsBackend {
  readonly readonly = false;
  readonly now: () => number;
  readonly disk?: DiskSpace;
  #c?: Content;
  #root: { mode: number; uid: number; gid: number; t: Times };

  constructor(opts: MutableLayerOptions = {}) {
    super();
    this.now = opts.now ?? (() => 0);
    this.disk = opts.disk;
    const t = this.now();
    this.#root = { mode: 0o755, uid: 0, gid: 0, t: { mtime: t, atime: t, ctime: t } };
  }

  statfs(): FsStats | undefined { return this.disk?.stats(); }

  /** Bytes of this layer's regular files as stat reports them (what it takes on its disk). */
  get bytes(): number { return this.#c?.tree.bytes ?? 0; }

  /** Has anything been written (files, attributes, markers)? */
  get hasWrites(): boolean { return this.#c !== undefined; }

  protected content(): Content | undefined { return this.#c; }
  protected rootStat(): Stat {
    const r = this.#root;
    return { kind: 'dir', mode: r.mode, uid: r.uid, gid: r.gid, size: 4096, ...r.t, ino: this.inoBase + 1, nlink: 2 };
  }

  /** The content, created on first use (lazy memfs Volume). @internal */
  materialise(): Content {
    if (!this.#c) {
      const r = this.#root;
      this.#c = emptyContent(r.t.mtime);
      applyEntry(this.#c, { path: '/', kind: 'dir', mode: r.mode, uid: r.uid, gid: r.gid, mtime: r.t.mtime, atime: r.t.atime, ctime: r.t.ctime }, 0);
    }
    return this.#c;
  }

  /** @internal replace the content wholesale (snapshot restore). */
  restore(c: Content): void { this.#c = c; }

  private times(mtime?: number): Times {
    const t = mtime ?? this.now();
    return { mtime: t, atime: t, ctime: t };
  }

  private parentDir(path: string, syscall: string): void {
    const st = this.lstat(dirname(path));
    if (!st) throw new FsError('ENOENT', syscall, path);
    if (st.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
  }

  /** A child of `dir` was added or removed: its mtime and ctime move (as on Linux). */
  private touchDir(dir: string, t?: number): void {
    const n = this.#c?.tree.node(dir);
    if (n?.sim) n.sim = { ...n.sim, mtime: t ?? this.now(), ctime: t ?? this.now() };
  }

  writeFile(path: string, data: Uint8Array, meta: FileMeta & { append?: boolean } = {}): void {
    const st = this.lstat(path);
    if (st?.kind === 'dir') throw new FsError('EISDIR', 'open', path);
    this.parentDir(path, 'open');
    const c = this.materialise();
    const t = this.times(meta.mtime);
    const own = st?.kind === 'file' ? c.tree.node(path) : undefined;
    const before = own ? fileSize(own) : 0;
    const after = meta.size ?? (meta.append && own ? before + data.length : data.length);
    // No room: as write(2), the bytes that fit go in (a plain append) and then ENOSPC; the file
    // itself is created either way (open succeeded before the write failed).
    const room = this.disk && after > before ? this.disk.avail() : Infinity;
    let full = false;
    if (after - before > room) {
      full = true;
      // An overwrite first truncates (freeing `before`); an append adds after a plain file's bytes.
      const fits = meta.size !== undefined ? 0 : Math.max(0, Math.floor(room) + (meta.append ? 0 : before));
      // A run (repeat.ts) takes the part that fits of its own chunk; stored bytes take a prefix.
      if (own?.run && meta.append) {
        appendPartialToRun(own, data, fits);
        data = data.subarray(0, 0);
      } else data = data.subarray(0, fits);
      if (meta.size !== undefined || (meta.append && own?.run)) meta = { ...meta, append: true, size: undefined };
    }
    if (st && st.kind === 'file') {
      const n = own!;
      c.tree.overwrite(path, data, meta.append === true);
      if (meta.mode !== undefined) n.mode = (n.mode & ~0o7777) | (meta.mode & 0o7777);
      if (meta.uid !== undefined) n.uid = meta.uid;
      if (meta.gid !== undefined) n.gid = meta.gid;
      const keep = full && n.sim?.vsize !== undefined ? { vsize: n.sim.vsize } : {};
      n.sim = { ...t, atime: n.sim?.atime ?? t.atime, ...keep, ...(meta.size !== undefined ? { vsize: meta.size } : {}) };
      c.tree.resized(n, before);
      if (full) throw new FsError('ENOSPC', 'write', path);
      return;
    }
    if (st) c.tree.unlink(path);
    if (meta.size !== undefined) t.vsize = meta.size;
    c.tree.write(path, data, meta.mode ?? 0o644, meta.uid ?? 0, meta.gid ?? 0, t);
    this.touchDir(dirname(path), meta.mtime);
    if (full) throw new FsError('ENOSPC', 'write', path);
  }

  mkdir(path: string, meta: FileMeta = {}): void {
    if (this.lstat(path)) throw new FsError('EEXIST', 'mkdir', path);
    this.parentDir(path, 'mkdir');
    this.materialise().tree.mkdir(path, meta.mode ?? 0o755, meta.uid ?? 0, meta.gid ?? 0, this.times(meta.mtime));
    this.touchDir(dirname(path), meta.mtime);
  }

  symlink(target: string, path: string, meta: FileMeta = {}): void {
    if (this.lstat(path)) throw new FsError('EEXIST', 'symlink', path);
    this.parentDir(path, 'symlink');
    this.materialise().tree.symlink(target, path, meta.uid ?? 0, meta.gid ?? 0, this.times(meta.mtime));
    this.touchDir(dirname(path), meta.mtime);
  }

  link(existing: string, path: string): void {
    const st = this.lstat(existing);
    if (!st) throw new FsError('ENOENT', 'link', existing);
    if (st.kind === 'dir') throw new FsError('EPERM', 'link', existing);
    if (this.lstat(path)) throw new FsError('EEXIST', 'link', path);
    this.parentDir(path, 'link');
    const c = this.materialise();
    c.tree.hardlink(existing, path);
    const n = c.tree.node(path)!;
    if (n.sim) n.sim = { ...n.sim, ctime: this.now() };
    this.touchDir(dirname(path));
  }

  unlink(path: string): void {
    const st = this.lstat(path);
    if (!st) throw new FsError('ENOENT', 'unlink', path);
    if (st.kind === 'dir') throw new FsError('EISDIR', 'unlink', path);
    this.#c!.tree.unlink(path);
    this.touchDir(dirname(path));
  }

  rmdir(path: string): void {
    checkRmdir(this, path);
    this.#c!.tree.rmdir(path);
    this.touchDir(dirname(path));
  }

  rename(from: string, to: string): void {
    const src = this.lstat(from);
    if (!src) throw new FsError('ENOENT', 'rename', from);
    if (from === to) return;
    if (src.kind === 'dir' && isWithin(to, from)) throw new FsError('EINVAL', 'rename', from);
    this.parentDir(to, 'rename');
    const dst = this.lstat(to);
    const c = this.#c!;
    if (dst) {
      if (src.kind === 'dir' && dst.kind !== 'dir') throw new FsError('ENOTDIR', 'rename', to);
      if (src.kind !== 'dir' && dst.kind === 'dir') throw new FsError('EISDIR', 'rename', to);
      if (dst.kind === 'dir' && this.readdir(to).length) throw new FsError('ENOTEMPTY', 'rename', to);
      c.tree.rmdir(to, true);
    }
    c.tree.rename(from, to);
    // memfs moves the node; its ctime moves (rename changes the inode's ctime on Linux).
    const n = c.tree.node(to)!;
    if (n.sim) n.sim = { ...n.sim, ctime: this.now() };
    this.touchDir(dirname(from));
    this.touchDir(dirname(to));
  }

  setattr(path: string, attrs: Attrs): void {
    if (path === '/' && !this.#c) {
      const r = this.#root;
      if (attrs.mode !== undefined) r.mode = attrs.mode & 0o7777;
      if (attrs.uid !== undefined) r.uid = attrs.uid;
      if (attrs.gid !== undefined) r.gid = attrs.gid;
      r.t = { mtime: attrs.mtime ?? r.t.mtime, atime: attrs.atime ?? r.t.atime, ctime: this.now() };
      return;
    }
    const n = this.#c?.tree.node(path);
    if (!n) throw new FsError('ENOENT', 'utime', path);
    if (attrs.mode !== undefined) n.mode = (n.mode & ~0o7777) | (attrs.mode & 0o7777);
    if (attrs.uid !== undefined) n.uid = attrs.uid;
    if (attrs.gid !== undefined) n.gid = attrs.gid;
    const t = n.sim ?? { mtime: 0, atime: 0, ctime: 0 };
    n.sim = { ...t, mtime: attrs.mtime ?? t.mtime, atime: attrs.atime ?? t.atime, ctime: this.now() };
  }

  // ---- overlay hooks: markers hide paths of LOWER layers only ----

  /** Record that `path` (and all below it) of the lower layers is deleted. */
  addWhiteout(path: string): void {
    const c = this.materialise();
    mkdirParents(c, path, this.times());
    c.whiteouts.add(path);
  }
  removeWhiteout(path: string): void { this.#c?.whiteouts.delete(path); }
  removeOpaque(path: string): void { this.#c?.opaques.delete(path); }
  /** Record that directory `path` (present in this layer) hides all lower children. */
  setOpaque(path: string): void { this.materialise().opaques.add(path); }

  /** Freeze a copy of the current content into an immutable Layer (this layer stays writable). */
  freeze(opts: LayerOptions = {}): Layer {
    if (!this.#c) return Layer.fromEntries([], opts);
    const c = this.#c;
    const r = rootMeta(c);
    return Layer.fromEntries([{ path: '/', kind: 'dir', ...r }, ...contentEntries(c, true)], opts);
  }
}

/** rmdir(2)'s refusals, in the kernel's order: missing, not a directory, the root, not empty. */
export function checkRmdir(b: Pick<FsBackend, 'lstat' | 'readdir'>, path: string): void {
  const st = b.lstat(path);
  if (!st) throw new FsError('ENOENT', 'rmdir', path);
  if (st.kind !== 'dir') throw new FsError('ENOTDIR', 'rmdir', path);
  if (path === '/') throw new FsError('EBUSY', 'rmdir', path);
  if (b.readdir(path).length) throw new FsError('ENOTEMPTY', 'rmdir', path);
}
