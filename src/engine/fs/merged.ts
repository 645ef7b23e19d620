/**
 * The merged view of a stack of immutable layers, computed ONCE per stack and shared by every
 * overlay on it (1,000 containers of one image share one index). Cached by the identity of the
 * Layer objects, bottom to top, in a WeakMap trie: no string keys, and an index goes away with
 * its layers.
 *
 * Building applies layers bottom-up as Docker's UnpackLayer does (oci-layers.md §2–§5): a layer's
 * opaque markers and whiteouts first (they only hide lower content), then its entries (a directory
 * over a directory replaces attributes and merges children; anything else replaces). The result is
 * flattened into a Map from path to the visible entry, so a lookup is one Map.get at any depth.
 */
import type { Stat } from '../../api/fs';
import type { Layer } from './layer';
import { basename, dirname, join } from '../../lib/path';

export interface IndexEntry {
  /** Frozen: shared by every overlay on the stack. Copy before changing. */
  stat: Readonly<Stat>;
  /** The layer that provides this path. */
  layer: Layer;
  children?: Map<string, IndexEntry>;
}

export class MergedIndex {
  readonly map = new Map<string, IndexEntry>();
  private readonly names = new Map<string, string[]>();

  constructor(readonly root: IndexEntry) {
    const walk = (path: string, e: IndexEntry): void => {
      this.map.set(path, e);
      if (e.children) for (const [name, c] of e.children) walk(join(path, name), c);
    };
    walk('/', root);
  }

  /** Sorted child names of a directory (computed on first use, then cached). */
  childNames(path: string): string[] {
    let n = this.names.get(path);
    if (!n) {
      n = [...(this.map.get(path)?.children?.keys() ?? [])].sort();
      this.names.set(path, n);
    }
    return n;
  }
}

/** Inode numbers of layer i are offset by this much so paths of different layers never collide. */
export const INO_STRIDE = 1 << 20;

function entryFor(layer: Layer, path: string, depth: number): IndexEntry {
  const st = layer.lstat(path)!;
  const e: IndexEntry = { stat: Object.freeze({ ...st, ino: st.ino + (depth + 1) * INO_STRIDE }), layer };
  if (st.kind === 'dir') e.children = new Map();
  return e;
}

function find(root: IndexEntry, path: string): IndexEntry | undefined {
  if (path === '/') return root;
  let cur: IndexEntry | undefined = root;
  for (const part of path.slice(1).split('/')) {
    cur = cur?.children?.get(part);
    if (!cur) return undefined;
  }
  return cur;
}

function applyLayer(root: IndexEntry, layer: Layer, depth: number): IndexEntry {
  for (const d of layer.opaques()) {
    const e = find(root, d);
    if (e?.children) e.children = new Map();
  }
  for (const w of layer.whiteouts()) find(root, dirname(w))?.children?.delete(basename(w));
  // Root: attributes of the top-most layer win.
  const r = entryFor(layer, '/', depth);
  r.children = root.children;
  const walk = (path: string, into: IndexEntry): void => {
    for (const name of layer.readdir(path)) {
      const p = join(path, name);
      const mine = entryFor(layer, p, depth);
      const old = into.children!.get(name);
      if (old?.children && mine.children) mine.children = old.children; // dir over dir: merge
      into.children!.set(name, mine);
      if (mine.children) walk(p, mine);
    }
  };
  walk('/', r);
  return r;
}

interface Trie {
  index?: MergedIndex;
  next: WeakMap<Layer, Trie>;
}
const cache: Trie = { next: new WeakMap() };

/** The merged index of `lowers` (bottom → top), shared by every caller with the same layers. */
export function mergedIndex(lowers: readonly Layer[]): MergedIndex {
  let node = cache;
  for (const l of lowers) {
    let n = node.next.get(l);
    if (!n) node.next.set(l, (n = { next: new WeakMap() }));
    node = n;
  }
  if (!node.index) {
    let root: IndexEntry = {
      stat: Object.freeze({ kind: 'dir', mode: 0o755, uid: 0, gid: 0, size: 4096, mtime: 0, atime: 0, ctime: 0, ino: 1, nlink: 2 } as Stat),
      layer: undefined as unknown as Layer,
      children: new Map(),
    };
    lowers.forEach((l, i) => { root = applyLayer(root, l, i); });
    node.index = new MergedIndex(root);
  }
  return node.index;
}
