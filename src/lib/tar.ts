/**
 * A small ustar writer/reader (POSIX.1-1988 headers, PAX extended headers for long names), the one
 * archive format of the simulator: layer diffIds are sha256 over a layer's tar, and `docker save`,
 * `docker export`, `docker cp` and the `tar` program read and write it.
 *
 * Layer tars follow oci-layers.md: names are relative (`etc/passwd`, directories end in `/`), a
 * whiteout is a regular file `.wh.NAME` (mode 0600, size 0), an opaque directory is `DIR/.wh..wh..opq`.
 * Times are whole seconds, as in real layer tars; uname/gname are left empty so the bytes depend only
 * on content and numeric owners (deterministic diffIds).
 */
import { hex, sha256Digest } from './hash';
import type { LayerEntry } from '../api/fs';
import { basename, dirname, join, normalize, WH_OPAQUE, WH_PREFIX } from './path';

export type TarType = 'file' | 'hardlink' | 'symlink' | 'chardev' | 'blockdev' | 'dir' | 'fifo';

export interface TarEntry {
  /** Relative name as stored (`etc/`, `etc/passwd`). */
  name: string;
  type: TarType;
  mode: number;
  uid: number;
  gid: number;
  /** Milliseconds since the epoch (stored in whole seconds). */
  mtime: number;
  data?: Uint8Array;
  linkname?: string;
  /** Extra PAX records (key → value), e.g. the simulator's virtual size. */
  pax?: Record<string, string>;
}

/** PAX key carrying FileMeta.size (the reported size of a stub file) so it survives save/load. */
export const PAX_VSIZE = 'DOCKERSIM.size';

const TYPEFLAG: Record<TarType, string> = {
  file: '0', hardlink: '1', symlink: '2', chardev: '3', blockdev: '4', dir: '5', fifo: '6',
};
const enc = new TextEncoder();
const dec = new TextDecoder();

function putString(h: Uint8Array, off: number, len: number, s: string): void {
  h.set(enc.encode(s).subarray(0, len), off);
}
function putOctal(h: Uint8Array, off: number, len: number, n: number): void {
  putString(h, off, len - 1, Math.max(0, Math.floor(n)).toString(8).padStart(len - 1, '0'));
}

function header(name: string, type: string, e: Omit<TarEntry, 'name' | 'type'>, size: number, linkname = ''): Uint8Array {
  const h = new Uint8Array(512);
  putString(h, 0, 100, name);
  putOctal(h, 100, 8, e.mode & 0o7777);
  putOctal(h, 108, 8, e.uid);
  putOctal(h, 116, 8, e.gid);
  putOctal(h, 124, 12, size);
  putOctal(h, 136, 12, Math.floor(e.mtime / 1000));
  h.fill(0x20, 148, 156);
  putString(h, 156, 1, type);
  putString(h, 157, 100, linkname);
  putString(h, 257, 8, 'ustar\u000000');
  putOctal(h, 329, 8, 0);
  putOctal(h, 337, 8, 0);
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 8, sum.toString(8).padStart(6, '0') + '\u0000 ');
  return h;
}

function paxRecord(key: string, value: string): string {
  // "<len> key=value\n" where <len> counts its own digits too.
  const body = enc.encode(` ${key}=${value}\n`).length;
  let n = body + 1;
  while (String(n).length + body !== n) n = String(n).length + body;
  return `${n} ${key}=${value}\n`;
}

function padded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
}

/** Serialise entries, in the given order, followed by the two zero blocks. */
export function writeTar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = e.type === 'file' ? e.data ?? new Uint8Array(0) : new Uint8Array(0);
    const linkname = e.linkname ?? '';
    const records: [string, string][] = [];
    if (enc.encode(e.name).length > 100) records.push(['path', e.name]);
    if (enc.encode(linkname).length > 100) records.push(['linkpath', linkname]);
    for (const [k, v] of Object.entries(e.pax ?? {}).sort()) records.push([k, v]);
    if (records.length) {
      const pax = enc.encode(records.map(([k, v]) => paxRecord(k, v)).join(''));
      const pname = ('PaxHeaders.0/' + basename(e.name.replace(/\/$/, ''))).slice(0, 99);
      parts.push(header(pname, 'x', { ...e, mode: 0o644 }, pax.length), padded(pax));
    }
    parts.push(header(e.name, TYPEFLAG[e.type], e, data.length, linkname));
    if (data.length) parts.push(padded(data));
  }
  parts.push(new Uint8Array(1024));
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) { out.set(p, off); off += p.length; }
  return out;
}

function getString(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return dec.decode(b.subarray(off, end));
}
function getOctal(b: Uint8Array, off: number, len: number): number {
  const s = getString(b, off, len).trim();
  return s ? parseInt(s, 8) : 0;
}

/** Parse a tar (ustar, PAX `x` headers, GNU `L`/`K` long names). Throws on a bad checksum. */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + 512 <= bytes.length) {
    const h = bytes.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    if (sum !== getOctal(h, 148, 8)) throw new Error('tar: invalid header checksum');
    const size = getOctal(h, 124, 12);
    const flag = String.fromCharCode(h[156] || 0x30);
    const data = bytes.slice(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'x') {
      for (let i = 0; i < data.length;) {
        let sp = i;
        while (sp < data.length && data[sp] !== 0x20) sp++;
        const len = parseInt(dec.decode(data.subarray(i, sp)), 10);
        if (!(len > 0)) break;
        const kv = dec.decode(data.subarray(sp + 1, i + len - 1));
        const eq = kv.indexOf('=');
        pax[kv.slice(0, eq)] = kv.slice(eq + 1);
        i += len;
      }
      continue;
    }
    if (flag === 'g') continue;
    if (flag === 'L') { longName = getString(data, 0, data.length); continue; }
    if (flag === 'K') { longLink = getString(data, 0, data.length); continue; }
    const prefix = getString(h, 345, 155);
    let name = pax.path ?? longName ?? (prefix ? prefix + '/' : '') + getString(h, 0, 100);
    const linkname = pax.linkpath ?? longLink ?? getString(h, 157, 100);
    const type = (Object.keys(TYPEFLAG) as TarType[]).find((k) => TYPEFLAG[k] === flag) ?? 'file';
    if (type === 'dir' && !name.endsWith('/')) name += '/';
    const e: TarEntry = {
      name, type, mode: getOctal(h, 100, 8), uid: getOctal(h, 108, 8), gid: getOctal(h, 116, 8),
      mtime: getOctal(h, 136, 12) * 1000,
    };
    if (type === 'file') e.data = data;
    if (linkname && (type === 'symlink' || type === 'hardlink')) e.linkname = linkname;
    const extra = Object.fromEntries(Object.entries(pax).filter(([k]) => k !== 'path' && k !== 'linkpath'));
    if (Object.keys(extra).length) e.pax = extra;
    out.push(e);
    pax = {};
    longName = longLink = undefined;
  }
  return out;
}

const rel = (p: string): string => normalize(p).slice(1);

/** A layer's entries as tar entries (whiteouts and opaque markers in their OCI file form). */
export function layerEntriesToTar(entries: LayerEntry[]): TarEntry[] {
  return entries.map((e): TarEntry => {
    const m = e as { mode?: number; uid?: number; gid?: number; mtime?: number; size?: number };
    const base = { mode: m.mode ?? 0o644, uid: m.uid ?? 0, gid: m.gid ?? 0, mtime: m.mtime ?? 0 };
    switch (e.kind) {
      case 'dir': return { ...base, mode: m.mode ?? 0o755, name: rel(e.path) + '/', type: 'dir' };
      case 'file': {
        const t: TarEntry = { ...base, name: rel(e.path), type: 'file', data: typeof e.data === 'string' ? enc.encode(e.data) : e.data };
        if (m.size !== undefined) t.pax = { [PAX_VSIZE]: String(m.size) };
        return t;
      }
      case 'symlink': return { ...base, mode: m.mode ?? 0o777, name: rel(e.path), type: 'symlink', linkname: e.target };
      case 'hardlink': return { ...base, name: rel(e.path), type: 'hardlink', linkname: rel(e.target) };
      case 'whiteout':
        return { name: rel(join(dirname(normalize(e.path)), WH_PREFIX + basename(normalize(e.path)))), type: 'file', mode: 0o600, uid: 0, gid: 0, mtime: 0, data: new Uint8Array(0) };
      case 'opaque':
        return { name: rel(join(normalize(e.path), WH_OPAQUE)), type: 'file', mode: 0o600, uid: 0, gid: 0, mtime: 0, data: new Uint8Array(0) };
    }
  });
}

/**
 * Tar entries back to layer entries (absolute paths; `.wh.` files become whiteout/opaque entries).
 * Device and fifo entries are skipped: the simulator stores no device nodes in layers.
 */
export function tarToLayerEntries(entries: TarEntry[]): LayerEntry[] {
  const out: LayerEntry[] = [];
  for (const t of entries) {
    const path = normalize('/' + t.name);
    if (path === '/' && t.type === 'dir') continue;
    const name = basename(path);
    if (name === WH_OPAQUE) { out.push({ path: dirname(path), kind: 'opaque' }); continue; }
    if (name.startsWith(WH_PREFIX) && !name.startsWith('.wh..wh.')) {
      const real = name.slice(WH_PREFIX.length);
      if (real === '' || real === '.' || real === '..') throw new Error(`invalid whiteout entry "${name}"`);
      out.push({ path: join(dirname(path), real), kind: 'whiteout' });
      continue;
    }
    const meta = { mode: t.mode, uid: t.uid, gid: t.gid, mtime: t.mtime };
    if (t.type === 'dir') out.push({ path, kind: 'dir', ...meta });
    else if (t.type === 'symlink') out.push({ path, kind: 'symlink', target: t.linkname ?? '', ...meta });
    else if (t.type === 'hardlink') out.push({ path, kind: 'hardlink', target: normalize('/' + (t.linkname ?? '')) });
    else if (t.type === 'file') {
      const vs = t.pax?.[PAX_VSIZE];
      out.push({ path, kind: 'file', data: t.data ?? new Uint8Array(0), ...meta, ...(vs !== undefined ? { size: Number(vs) } : {}) });
    }
  }
  return out;
}

export { hex };

/** 'sha256:<64 hex>' of some bytes (or of a string's UTF-8). */
export function digest(data: Uint8Array | string): string {
  return sha256Digest(data);
}

/** ChainID per the image spec (oci-layers.md §7): ChainID(L0) = DiffID(L0); then Digest(prev + " " + next). */
export function chainId(diffIds: string[]): string {
  if (diffIds.length === 0) throw new Error('chainId: no layers');
  let id = diffIds[0];
  for (let i = 1; i < diffIds.length; i++) id = digest(id + ' ' + diffIds[i]);
  return id;
}

/** Every chain ID of a stack, bottom to top (as Docker stores layers under image/overlay2/layerdb). */
export function chainIds(diffIds: string[]): string[] {
  return diffIds.map((_, i) => chainId(diffIds.slice(0, i + 1)));
}

const block = (n: number) => Math.ceil(n / 512) * 512;

/**
 * The size a tar archive has on a real disk: its bytes, with each member that stands for a bigger
 * file (a `DOCKERSIM.size` record: the bulk files of an image, a layer tar inside `docker save`'s
 * archive) counted at that size. `docker save -o` and `docker export -o` give the file this size,
 * so `ls -lh` of the archive agrees with the image's SIZE.
 */
export function tarVirtualSize(bytes: Uint8Array): number {
  let extra = 0;
  for (const e of readTar(bytes)) {
    const vs = Number(e.pax?.[PAX_VSIZE]);
    const len = e.data?.length ?? 0;
    if (e.type === 'file' && vs > len) extra += block(vs) - block(len);
  }
  return bytes.length + extra;
}
