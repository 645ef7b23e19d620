/**
 * A layer's content: one MemTree plus the two kinds of OCI markers kept beside it as sets of paths
 * (whiteouts: "this path and everything under it in LOWER layers is gone"; opaques: "every LOWER
 * child of this directory is gone"). Keeping markers as sets instead of `.wh.*` files in the tree
 * lets an overlay answer "is this path hidden?" with a few Set lookups instead of memfs walks.
 *
 * `applyEntry` is the OCI "apply a changeset entry" rule (oci-layers.md §2–§5) restricted to ONE
 * layer: markers only record what they hide below, they never remove entries of the same layer
 * (§3 rule 5), which is also what makes opaque markers order-independent (§4).
 */
import { FsError, type LayerEntry } from '../../api/fs';
import { MemTree, kindOf, nodeMeta, type MNode, type Times } from './store';
import { fileSize } from './repeat';
import { basename, dirname, join, normalize, WH_META_PREFIX, WH_OPAQUE, WH_PREFIX } from '../../lib/path';

export interface Content {
  tree: MemTree;
  whiteouts: Set<string>;
  opaques: Set<string>;
}

/** Extra per-entry data carried by snapshots only (not by tars). */
export interface EntryExtra {
  atime?: number;
  ctime?: number;
}

const enc = new TextEncoder();

export function emptyContent(defaultTime: number): Content {
  const t = { mtime: defaultTime, atime: defaultTime, ctime: defaultTime };
  return { tree: new MemTree(t), whiteouts: new Set(), opaques: new Set() };
}

/** Create missing parent directories with default attributes (Docker does the same, §5). */
export function mkdirParents(c: Content, path: string, t: Times): void {
  const parent = dirname(path);
  if (parent === '/' || c.tree.node(parent)) {
    const n = c.tree.node(parent);
    if (n && kindOf(n) !== 'dir') throw new FsError('ENOTDIR', 'mkdir', parent);
    return;
  }
  mkdirParents(c, parent, t);
  c.tree.mkdir(parent, 0o755, 0, 0, t);
}

export function applyEntry(c: Content, entry: LayerEntry & EntryExtra, defaultTime: number): void {
  let path = normalize(entry.path);
  const name = basename(path);
  const m = entry as LayerEntry & { mode?: number; uid?: number; gid?: number; mtime?: number; size?: number };
  const mtime = m.mtime ?? defaultTime;
  const t: Times = { mtime, atime: entry.atime ?? mtime, ctime: entry.ctime ?? mtime };
  if (m.size !== undefined) t.vsize = m.size;
  const deft: Times = { mtime: defaultTime, atime: defaultTime, ctime: defaultTime };
  let kind = entry.kind;

  // Tar-style marker names given as plain files: convert them (§3 rule 2, §5).
  if (name.startsWith(WH_PREFIX) && kind !== 'whiteout' && kind !== 'opaque') {
    if (name === WH_OPAQUE) { kind = 'opaque'; path = dirname(path); }
    else if (name.startsWith(WH_META_PREFIX)) return; // AUFS metadata: skipped
    else {
      const real = name.slice(WH_PREFIX.length);
      if (real === '' || real === '.' || real === '..') throw new Error(`invalid whiteout entry "${name}"`);
      kind = 'whiteout';
      path = join(dirname(path), real);
    }
  }

  if (path === '/') {
    if (kind === 'dir') {
      const n = c.tree.node('/')!;
      n.mode = (n.mode & ~0o7777) | ((m.mode ?? 0o755) & 0o7777);
      n.uid = m.uid ?? 0;
      n.gid = m.gid ?? 0;
      n.sim = t;
    } else if (kind === 'opaque') c.opaques.add('/');
    return;
  }

  switch (kind) {
    case 'whiteout':
      mkdirParents(c, path, deft);
      c.whiteouts.add(path);
      return;
    case 'opaque':
      if (!c.tree.node(path)) { mkdirParents(c, path, deft); c.tree.mkdir(path, 0o755, 0, 0, deft); }
      c.opaques.add(path);
      return;
  }

  mkdirParents(c, path, deft);
  const existing = c.tree.node(path);
  if (existing && kind === 'dir' && kindOf(existing) === 'dir') {
    // Both directories: replace the attributes, keep the contents (§2).
    existing.mode = (existing.mode & ~0o7777) | ((m.mode ?? 0o755) & 0o7777);
    existing.uid = m.uid ?? 0;
    existing.gid = m.gid ?? 0;
    existing.sim = t;
    return;
  }
  if (existing) c.tree.rmdir(path, true);

  switch (kind) {
    case 'dir':
      c.tree.mkdir(path, m.mode ?? 0o755, m.uid ?? 0, m.gid ?? 0, t);
      break;
    case 'file': {
      const e = entry as { data: Uint8Array | string; repeat?: { data: Uint8Array; count: number; part?: number } };
      const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
      const r = e.repeat;
      const run = r && r.data.length && r.count > 0 ? { chunk: r.data, count: r.count, ...(r.part ? { part: r.part } : {}) } : undefined;
      c.tree.write(path, data, m.mode ?? 0o644, m.uid ?? 0, m.gid ?? 0, t, run);
      break;
    }
    case 'symlink':
      c.tree.symlink((entry as { target: string }).target, path, m.uid ?? 0, m.gid ?? 0, t);
      break;
    case 'hardlink': {
      const target = normalize((entry as { target: string }).target);
      const tn = c.tree.node(target);
      if (!tn) throw new FsError('ENOENT', 'link', target);
      if (kindOf(tn) === 'dir') throw new FsError('EPERM', 'link', target);
      c.tree.hardlink(target, path);
      break;
    }
  }
}

/**
 * The content as data, in a deterministic order: a depth-first walk with names sorted; in each
 * directory its opaque marker first, then its whiteouts (before sibling entries, §3 rule 7), then
 * its children. A whiteout whose path also exists in this layer is not listed: the entry itself
 * replaces the lower path (§2), and a layer must not list one path twice (§1).
 */
export function contentEntries(c: Content, extra = false): (LayerEntry & EntryExtra)[] {
  const out: (LayerEntry & EntryExtra)[] = [];
  const seen = new Map<MNode, string>();
  const whiteoutsByDir = new Map<string, string[]>();
  for (const w of c.whiteouts) {
    const d = dirname(w);
    (whiteoutsByDir.get(d) ?? whiteoutsByDir.set(d, []).get(d)!).push(w);
  }
  const walk = (dir: string): void => {
    if (c.opaques.has(dir)) out.push({ path: dir, kind: 'opaque' });
    for (const w of (whiteoutsByDir.get(dir) ?? []).sort()) {
      if (!c.tree.node(w)) out.push({ path: w, kind: 'whiteout' });
    }
    for (const name of c.tree.children(dir)) {
      const path = join(dir, name);
      const n = c.tree.node(path)!;
      const kind = kindOf(n);
      const first = seen.get(n);
      if (first !== undefined) { out.push({ path, kind: 'hardlink', target: first }); continue; }
      const meta: Record<string, unknown> = nodeMeta(n);
      if (extra) { meta.atime = n.sim?.atime ?? 0; meta.ctime = n.sim?.ctime ?? 0; }
      if (kind === 'dir') {
        delete meta.size;
        out.push({ path, kind: 'dir', ...meta });
        walk(path);
      } else if (kind === 'symlink') {
        delete meta.size;
        out.push({ path, kind: 'symlink', target: n.symlink ?? '', ...meta });
      } else {
        if (n.nlink > 1) seen.set(n, path);
        // Snapshots and frozen copies (extra) keep a repeated tail as such (repeat.ts); tars get bytes.
        if (extra && n.run) {
          const stored = n.buf.subarray(0, n.getSize());
          out.push({ path, kind: 'file', data: new Uint8Array(stored), repeat: { data: n.run.chunk.slice(), count: n.run.count, ...(n.run.part ? { part: n.run.part } : {}) }, ...meta });
        } else out.push({ path, kind: 'file', data: c.tree.read(path), ...meta });
      }
    }
  };
  walk('/');
  return out;
}

/** Root directory attributes (not part of `entries()`: layer tars carry no `./` entry). */
export function rootMeta(c: Content): { mode: number; uid: number; gid: number; mtime: number; atime: number; ctime: number } {
  const n = c.tree.node('/')!;
  const m = nodeMeta(n);
  return { mode: m.mode, uid: m.uid, gid: m.gid, mtime: m.mtime, atime: n.sim?.atime ?? 0, ctime: n.sim?.ctime ?? 0 };
}

/** Reported bytes: regular files as stat reports them (virtual sizes honoured), each inode once. */
export function contentSize(c: Content): number {
  let size = 0;
  const seen = new Set<MNode>();
  const walk = (dir: string): void => {
    for (const name of c.tree.children(dir)) {
      const path = join(dir, name);
      const n = c.tree.node(path)!;
      const k = kindOf(n);
      if (k === 'dir') walk(path);
      else if (k === 'file' && !seen.has(n)) { seen.add(n); size += fileSize(n); }
    }
  };
  walk('/');
  return size;
}
