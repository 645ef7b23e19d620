/**
 * A small builder for the LayerEntry lists the recipes describe. Parents are created on demand
 * (as tar extraction does), every entry gets the image's build time as mtime so diff IDs are the
 * same on every run, and executables are program markers (see programs/registry.ts).
 */
import type { FileMeta, LayerEntry } from '../../api/fs';
import { programMarker } from '../programs/registry';
import { pathPrefixes } from '../../lib/path';

export class Tree {
  private readonly entries = new Map<string, LayerEntry>();
  /** Regular files that absorb the rest of the layer's reported size (see build.ts). */
  readonly fill: string[] = [];

  constructor(readonly mtime: number) {}

  private parents(path: string): void {
    for (const p of pathPrefixes(path).slice(0, -1)) {
      if (!this.entries.has(p)) this.entries.set(p, { path: p, kind: 'dir', mode: 0o755, mtime: this.mtime });
    }
  }

  dir(path: string, mode = 0o755, owner: { uid?: number; gid?: number } = {}): this {
    this.parents(path);
    this.entries.set(path, { path, kind: 'dir', mode, mtime: this.mtime, ...owner });
    return this;
  }

  dirs(paths: string, mode = 0o755): this {
    for (const p of words(paths)) this.dir(p, mode);
    return this;
  }

  file(path: string, data: string | Uint8Array, meta: FileMeta = {}): this {
    this.parents(path);
    this.entries.set(path, { path, kind: 'file', data, mode: 0o644, mtime: this.mtime, ...meta });
    return this;
  }

  /** An executable that runs `program`, reporting `size` bytes (its real binary's size). */
  exe(path: string, program: string, size = 0, meta: FileMeta = {}): this {
    return this.file(path, programMarker(program), { mode: 0o755, ...(size ? { size } : {}), ...meta });
  }

  /** Many executables in one directory, each named after its program. */
  exes(dir: string, names: string, size = 0): this {
    for (const n of words(names)) this.exe(`${dir}/${n}`, n, size);
    return this;
  }

  script(path: string, text: string): this {
    return this.file(path, text, { mode: 0o755 });
  }

  link(path: string, target: string): this {
    this.parents(path);
    this.entries.set(path, { path, kind: 'symlink', target, mode: 0o777, mtime: this.mtime });
    return this;
  }

  /** Symlinks `dir/name → target` for each name (busybox applets, alternatives). */
  links(dir: string, names: string, target: string): this {
    for (const n of words(names)) this.link(`${dir}/${n}`, target);
    return this;
  }

  /** A large file whose size is set later to make the layer's total match the real image. */
  bulk(path: string, mode = 0o644): this {
    this.fill.push(path);
    return this.file(path, '', { mode });
  }

  whiteout(path: string): this {
    this.entries.set(path, { path, kind: 'whiteout' });
    return this;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Entries sorted by path so parents come first and the order is stable. */
  build(): LayerEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

export function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Milliseconds for an ISO date: the mtime of every file an image's layer adds. */
export function at(iso: string): number {
  return Date.parse(iso);
}
