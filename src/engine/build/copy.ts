/**
 * COPY and ADD as Docker does them: sources are relative to the context (or another stage's or
 * image's root with --from), may be globs; a directory source copies its contents; the
 * destination is a directory when it ends with `/` or there are several sources, and is relative
 * to WORKDIR; files arrive owned by root unless --chown, with their modes unless --chmod; ADD
 * unpacks local tar archives (gzip too) and refuses what it cannot fetch.
 */
import type { Fs } from '../../api/fs';
import type { Image } from '../image/store';
import { Overlay } from '../fs/overlay';
import { MutableLayer } from '../fs/layer';
import type { Layer } from '../fs/layer';
import { Vfs } from '../fs/vfs';
import { PAX_VSIZE, readTar } from '../../lib/tar';
import { gunzip, isGzip } from '../programs/lib/gzip';
import type { BuildContext } from './context';
import { fetchInternet, internetAddress } from '../network/internet';
import { pushAll } from '../../lib/arrays';
import { normalize } from '../../lib/path';

export type CopySource =
  | { kind: 'context'; ctx: BuildContext }
  | { kind: 'image'; image: Image }
  | { kind: 'pending-image'; ref: string }
  | { kind: 'heredoc'; docs: Map<string, string> };

interface Item {
  /** Path relative to the source root. */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  data: Uint8Array;
  mode: number;
  target?: string;
  /** The size a stub file reports (a program marker standing for a real binary). */
  size?: number;
  /** Fetched by ADD from a URL: saved as it is, never unpacked. */
  remote?: boolean;
}

const enc = new TextEncoder();

/** A path as the lister names it: cleaned, without its leading '/' (`./a/../b` → `b`, `..` → ''). */
const sourcePath = (p: string): string => normalize(p).slice(1);

function globRe(pattern: string): RegExp {
  return new RegExp('^' + pattern.split('/').map((seg) => seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('/') + '$');
}

/** Source tree as a lookup: context entries, or an image's merged filesystem. */
function lister(source: CopySource): { get(rel: string): Item | undefined; under(rel: string): Item[]; all(): string[] } {
  if (source.kind === 'context') {
    const ctx = source.ctx;
    const item = (rel: string): Item | undefined => {
      const f = ctx.get(rel);
      return f ? { rel, kind: f.kind, data: f.data, mode: f.mode, target: f.target, ...(f.size !== undefined ? { size: f.size } : {}) } : undefined;
    };
    return {
      get: item,
      under: (rel) => [...ctx.keys()].filter((k) => k !== rel && (rel === '' || k.startsWith(rel + '/'))).sort().map((k) => item(k)!),
      all: () => [...ctx.keys()].filter(Boolean),
    };
  }
  if (source.kind === 'image') {
    const vfs = new Vfs(new Overlay(source.image.layers as Layer[], new MutableLayer({ now: () => 0 })), { now: () => 0 });
    const fs = vfs.view({ uid: 0, gid: 0, groups: [0] }, '/');
    const item = (rel: string): Item | undefined => {
      const p = '/' + rel;
      let st;
      try {
        st = fs.lstat(p);
      } catch {
        return undefined;
      }
      if (st.kind === 'dir') return { rel, kind: 'dir', data: new Uint8Array(), mode: st.mode };
      if (st.kind === 'symlink') return { rel, kind: 'symlink', data: new Uint8Array(), mode: st.mode, target: fs.readlink(p) };
      const data = fs.readFile(p);
      return { rel, kind: 'file', data, mode: st.mode, ...(st.size !== data.length ? { size: st.size } : {}) };
    };
    const walk = (rel: string, out: Item[]) => {
      for (const n of fs.readdir('/' + rel).sort()) {
        const r = rel ? `${rel}/${n}` : n;
        const it = item(r);
        if (!it) continue;
        out.push(it);
        if (it.kind === 'dir') walk(r, out);
      }
    };
    return {
      get: item,
      under: (rel) => {
        const out: Item[] = [];
        walk(rel, out);
        return out;
      },
      all: () => {
        const out: Item[] = [];
        walk('', out);
        return out.map((i) => i.rel);
      },
    };
  }
  return { get: () => undefined, under: () => [], all: () => [] };
}

function owner(root: Fs, chown: string | undefined): { uid: number; gid: number } {
  if (!chown) return { uid: 0, gid: 0 };
  const [u, g] = chown.split(':');
  const table = (path: string) => {
    try {
      return root.readText(path).split('\n').filter(Boolean).map((l) => l.split(':'));
    } catch {
      return [];
    }
  };
  const passwd = table('/etc/passwd');
  const groups = table('/etc/group');
  const uid = /^\d+$/.test(u) ? Number(u) : Number(passwd.find((r) => r[0] === u)?.[2] ?? NaN);
  if (Number.isNaN(uid)) throw new Error(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}`);
  let gid: number;
  if (g === undefined) gid = /^\d+$/.test(u) ? uid : Number(passwd.find((r) => r[0] === u)?.[3] ?? uid);
  else gid = /^\d+$/.test(g) ? Number(g) : Number(groups.find((r) => r[0] === g)?.[2] ?? NaN);
  if (Number.isNaN(gid)) throw new Error(`unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}`);
  return { uid, gid };
}

function mkdirp(fs: Fs, dir: string, own: { uid: number; gid: number }): void {
  if (dir === '/' || fs.exists(dir)) return;
  const parent = dir.slice(0, dir.lastIndexOf('/')) || '/';
  mkdirp(fs, parent, own);
  fs.mkdir(dir, { mode: 0o755 });
  fs.chown(dir, own.uid, own.gid);
}

function lexists(fs: Fs, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function put(fs: Fs, path: string, it: Item, own: { uid: number; gid: number }, chmod?: number): void {
  if (it.kind === 'dir') {
    if (!fs.exists(path)) fs.mkdir(path, { mode: chmod ?? it.mode });
    else fs.chmod(path, chmod ?? it.mode);
  } else if (it.kind === 'symlink') {
    // Replace whatever is there, a dangling link included (exists() follows links and would say
    // no, and symlink(2) would then fail with EEXIST).
    if (lexists(fs, path)) fs.unlink(path);
    fs.symlink(it.target ?? '', path);
    return;
  } else {
    fs.writeFile(path, it.data, { mode: chmod ?? it.mode, ...(it.size !== undefined ? { size: it.size } : {}) });
    fs.chmod(path, chmod ?? it.mode);
  }
  fs.chown(path, own.uid, own.gid);
}

function isArchive(name: string, data: Uint8Array): boolean {
  if (!/\.(tar|tar\.gz|tgz|tar\.bz2|tar\.xz)$/.test(name) && !isGzip(data)) return false;
  try {
    const bytes = isGzip(data) ? gunzip(data) : data;
    return readTar(bytes).length > 0;
  } catch {
    return false;
  }
}

/** Copy; returns an error message (BuildKit or classic wording) or undefined. */
export function copyInto(o: {
  fs: Fs;
  root: Fs;
  source: CopySource;
  srcs: string[];
  dest: string;
  cwd: string;
  add: boolean;
  chown?: string;
  chmod?: string;
  classic: boolean;
}): string | undefined {
  const { fs } = o;
  let own: { uid: number; gid: number };
  try {
    own = owner(o.root, o.chown);
  } catch (e) {
    return (e as Error).message;
  }
  const chmod = o.chmod ? parseInt(o.chmod, 8) : undefined;
  if (o.chmod && Number.isNaN(chmod)) return `invalid chmod parameter: ${o.chmod}`;
  const destAbs = o.dest.startsWith('/') ? o.dest : `${o.cwd.replace(/\/$/, '')}/${o.dest}`;
  const destDir = o.dest.endsWith('/') || o.dest === '.' || o.srcs.length > 1;
  const target = normalize(destAbs);

  if (o.source.kind === 'heredoc') {
    for (const s of o.srcs) {
      const name = s.replace(/^<<-?["']?/, '').replace(/["']$/, '');
      const body = o.source.docs.get(name) ?? '';
      const path = destDir || fs.exists(target) && fs.stat(target).kind === 'dir' ? `${target}/${name}` : target;
      mkdirp(fs, path.slice(0, path.lastIndexOf('/')) || '/', { uid: 0, gid: 0 });
      put(fs, path, { rel: name, kind: 'file', data: enc.encode(body), mode: 0o644 }, own, chmod);
    }
    return undefined;
  }
  const src = lister(o.source);
  const matches: Item[] = [];
  for (const raw of o.srcs) {
    if (/^https?:\/\//.test(raw)) {
      if (!o.add) return `source can't be a URL for COPY`;
      const host = raw.replace(/^https?:\/\//, '').split(/[/:]/)[0];
      // ADD <url>: fetched from the simulated internet, saved as is (not unpacked), mode 600.
      const got = fetchInternet(raw);
      if (!got) {
        if (internetAddress(host)) return `failed to load cache key: invalid response status 404`;
        return `failed to load cache key: Get "${raw}": dial tcp: lookup ${host} on 127.0.0.11:53: no such host (the simulator's internet has only a few sites; copy the file into the build context instead)`;
      }
      matches.push({ rel: got.name, kind: 'file', data: got.body, mode: 0o600, remote: true, ...(got.size !== got.body.length ? { size: got.size } : {}) });
      continue;
    }
    const rel = sourcePath(raw);
    if (raw.replace(/^\.\//, '').startsWith('../') && o.source.kind === 'context' && rel === '') {
      return o.classic ? `forbidden path outside the build context: ${raw} ()` : `failed to compute cache key: "${raw}" not found`;
    }
    if (/[*?[]/.test(rel)) {
      const re = globRe(rel);
      const found = src.all().filter((p) => re.test(p)).map((p) => src.get(p)!);
      if (!found.length) return o.classic ? `COPY failed: no source files were specified` : `failed to compute cache key: failed to calculate checksum of ref: "/${rel}": not found`;
      pushAll(matches, found);
      continue;
    }
    const it = rel === '' ? ({ rel: '', kind: 'dir', data: new Uint8Array(), mode: 0o755 } as Item) : src.get(rel);
    if (!it) {
      return o.classic
        ? `COPY failed: file not found in build context or excluded by .dockerignore: stat ${rel}: file does not exist`
        : `failed to compute cache key: failed to calculate checksum of ref: "/${rel}": not found`;
    }
    matches.push(it);
  }
  const many = destDir || matches.length > 1;
  for (const it of matches) {
    if (it.kind === 'dir') {
      // A directory's contents are copied, not the directory itself.
      mkdirp(fs, target, { uid: 0, gid: 0 });
      if (o.chown || chmod !== undefined) put(fs, target, it, own, chmod);
      for (const child of src.under(it.rel)) {
        const sub = it.rel ? child.rel.slice(it.rel.length + 1) : child.rel;
        put(fs, `${target === '/' ? '' : target}/${sub}`, child, own, chmod);
      }
      continue;
    }
    const name = it.rel.slice(it.rel.lastIndexOf('/') + 1);
    const intoDir = many || (fs.exists(target) && fs.stat(target).kind === 'dir');
    if (o.add && it.kind === 'file' && !it.remote && isArchive(name, it.data)) {
      // ADD unpacks a local archive into the destination directory.
      mkdirp(fs, target, { uid: 0, gid: 0 });
      const entries = readTar(isGzip(it.data) ? gunzip(it.data) : it.data);
      for (const e of entries) {
        const p = `${target === '/' ? '' : target}/${sourcePath(e.name)}`;
        if (e.type === 'dir') mkdirp(fs, p, { uid: e.uid, gid: e.gid });
        else if (e.type === 'file' || e.type === 'symlink') {
          mkdirp(fs, p.slice(0, p.lastIndexOf('/')) || '/', { uid: 0, gid: 0 });
          const vsize = e.pax?.[PAX_VSIZE];
          put(fs, p, { rel: e.name, kind: e.type === 'symlink' ? 'symlink' : 'file', data: e.data ?? new Uint8Array(), mode: e.mode & 0o7777, target: e.linkname, ...(vsize ? { size: Number(vsize) } : {}) }, { uid: e.uid, gid: e.gid });
        }
      }
      continue;
    }
    const path = intoDir ? `${target === '/' ? '' : target}/${name}` : target;
    mkdirp(fs, path.slice(0, path.lastIndexOf('/')) || '/', { uid: 0, gid: 0 });
    put(fs, path, it, own, chmod);
  }
  return undefined;
}
