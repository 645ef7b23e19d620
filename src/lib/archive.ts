/**
 * Files to and from tar entries through a process's view of a filesystem: what `docker cp`
 * streams (the Engine API's /containers/{id}/archive), with Docker's naming rule: the archive's
 * top entry is the source's base name.
 */
import { PAX_VSIZE, type TarEntry } from './tar';
import type { Fs } from '../api/fs';

/** Pack `path` (a file, link or directory tree) as entries named from its base name. */
export function packPath(fs: Fs, path: string): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (abs: string, name: string) => {
    const st = fs.lstat(abs);
    const base = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (st.kind === 'dir') {
      out.push({ name: name + '/', type: 'dir', ...base });
      for (const child of fs.readdir(abs).sort()) walk(`${abs === '/' ? '' : abs}/${child}`, `${name}/${child}`);
    } else if (st.kind === 'symlink') {
      out.push({ name, type: 'symlink', linkname: fs.readlink(abs), ...base });
    } else if (st.kind === 'file') {
      const data = fs.readFile(abs);
      // Stub files keep their reported size through the archive (a PAX record).
      const pax = st.size !== data.length ? { [PAX_VSIZE]: String(st.size) } : undefined;
      out.push({ name, type: 'file', data, ...base, ...(pax ? { pax } : {}) });
    }
  };
  const resolved = fs.resolve(path);
  const name = resolved === '/' ? '.' : resolved.slice(resolved.lastIndexOf('/') + 1);
  walk(resolved, name);
  return out;
}

/**
 * Unpack entries into directory `dir`, renaming the top entry to `rename` when given (copying
 * `a` to a new path `b`). Owners are kept only for root (as tar does).
 */
export function unpackInto(fs: Fs, dir: string, entries: TarEntry[], rename?: string): void {
  const top = entries[0]?.name.replace(/\/$/, '').split('/')[0];
  for (const e of entries) {
    let name = e.name.replace(/\/$/, '');
    if (rename !== undefined && top !== undefined) name = rename + name.slice(top.length);
    const target = `${dir === '/' ? '' : dir}/${name}`;
    if (e.type === 'dir') {
      if (!fs.exists(target)) fs.mkdir(target, { mode: e.mode & 0o7777 });
    } else if (e.type === 'symlink') {
      if (fs.exists(target)) fs.unlink(target);
      fs.symlink(e.linkname ?? '', target);
    } else if (e.type === 'file') {
      fs.writeFile(target, e.data ?? new Uint8Array(0), { mode: e.mode & 0o7777 });
      fs.chmod(target, e.mode & 0o7777);
    } else continue;
    if (fs.cred.uid === 0 && e.type !== 'symlink') fs.chown(target, e.uid, e.gid);
  }
}
