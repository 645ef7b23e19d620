/**
 * The container's filesystem seen from outside: GET/PUT/HEAD /containers/{id}/archive (`docker cp`),
 * GET /containers/{id}/export and /changes (`docker diff`), as moby's daemon/archive.go reads the
 * merged root. Functions of the container service (`this`), see containers.ts.
 */
import type { ContainerService } from './containers';
import { packPath, unpackInto } from '../../lib/archive';
import { writeTar, type TarEntry } from '../../lib/tar';
import { DaemonError } from '../../api/daemon';

/** Entries of a packed directory without the directory itself (names relative to it). */
function contentsOnly(entries: TarEntry[]): TarEntry[] {
  const top = entries[0]?.name.replace(/\/$/, '') ?? '';
  return entries.slice(1).map((e) => ({ ...e, name: e.name.slice(top.length + 1) }));
}

/** GET /containers/{id}/archive?path= : the path packed as tar entries. */
export function archiveGet(this: ContainerService, ref: string, path: string): TarEntry[] {
  const c = this.get(ref);
  const fs = this.vfsOf(c).view({ uid: 0, gid: 0, groups: [0] }, '/');
  if (!fs.exists(path)) throw new DaemonError(`Could not find the file ${path} in container ${ref}`, 404);
  return packPath(fs, path);
}

/** GET /containers/{id}/export: the whole merged filesystem as one tar. */
export function exportFs(this: ContainerService, ref: string): Uint8Array {
  const fs = this.vfsOf(this.get(ref)).view({ uid: 0, gid: 0, groups: [0] }, '/');
  // The rootfs, not the kernel's views mounted on it: /proc and /sys export as empty directories.
  const entries = contentsOnly(packPath(fs, '/')).filter((e) => !/^(proc|sys)\/./.test(e.name));
  return writeTar(entries);
}

/** PUT /containers/{id}/archive?path= : entries unpacked into an existing directory. */
export function archivePut(this: ContainerService, ref: string, dir: string, entries: TarEntry[], rename?: string): void {
  const c = this.get(ref);
  const fs = this.vfsOf(c).view({ uid: 0, gid: 0, groups: [0] }, '/');
  if (!fs.exists(dir)) throw new DaemonError(`Could not find the file ${dir} in container ${ref}`, 404);
  if (fs.stat(dir).kind !== 'dir') throw new DaemonError(`extraction point is not a directory`, 400);
  unpackInto(fs, dir, entries, rename);
}

/** Does `path` exist in the container, and is it a directory? (HEAD /containers/{id}/archive) */
export function archiveStat(this: ContainerService, ref: string, path: string): { exists: boolean; dir: boolean } {
  const fs = this.vfsOf(this.get(ref)).view({ uid: 0, gid: 0, groups: [0] }, '/');
  if (!fs.exists(path)) return { exists: false, dir: false };
  return { exists: true, dir: fs.stat(path).kind === 'dir' };
}

export function diff(this: ContainerService, ref: string): { Kind: number; Path: string }[] {
  const kinds = { C: 0, A: 1, D: 2 } as const;
  return this.get(ref).rootfs.diff().map((ch) => ({ Kind: kinds[ch.kind], Path: ch.path }));
}
