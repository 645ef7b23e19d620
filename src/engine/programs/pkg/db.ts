/**
 * What the three package managers share: which family a container is (from /etc/os-release), the
 * root check (the real tools fail opening their lock or database files), dependency resolution over
 * the catalogue, writing and removing a package's files for real, and the package databases
 * (`/var/lib/dpkg/status` + `info/*.list`, `/lib/apk/db/installed` + `/etc/apk/world`, and a text
 * stand-in `/var/lib/rpm/sim-installed` for rpm's binary database).
 */
import type { ProgramContext } from '../../process/types';
import { W_OK } from '../../../api/fs';
import { programMarker } from '../registry';
import { BASE, CATALOGS, type Family, type Pkg } from './catalog';
import { releaseBase, releaseCatalog, releaseOf } from './releases';

export function readText(ctx: ProgramContext, path: string): string {
  try {
    return ctx.fs.readText(path);
  } catch {
    return '';
  }
}

export function family(ctx: ProgramContext): Family {
  const os = readText(ctx, '/etc/os-release');
  if (/^ID="?alpine/m.test(os)) return 'apk';
  if (/^ID="?(centos|rhel|fedora|rocky|almalinux)/m.test(os)) return 'rpm';
  return 'deb';
}

/** Can this process write `dir` (root can; the real tools fail on their lock file otherwise)? */
export function canWrite(ctx: ProgramContext, dir: string): boolean {
  try {
    return ctx.fs.access(dir, W_OK);
  } catch {
    return ctx.fs.access('/', W_OK);
  }
}

/** apt's SizeToStr: switch units at 10000, one decimal below 100 (`116 kB`, `8032 kB`, `49.7 MB`). */
export function aptSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 10000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return v < 100 && i > 0 ? `${v.toFixed(1)} ${units[i]}` : `${Math.round(v)} ${units[i]}`;
}

export interface Installed {
  version: string;
  kb: number;
  desc: string;
  /** dpkg's selection is `hold` (apt-mark hold): upgrades leave the package alone. */
  hold?: boolean;
}

/** The archive this container's package manager installs from: per release for Debian and Ubuntu. */
export function catalogOf(ctx: ProgramContext, fam: Family): Record<string, Pkg> {
  return fam === 'deb' ? releaseCatalog(releaseOf(readText(ctx, '/etc/os-release'))) : CATALOGS[fam].pkgs;
}

/** The installed packages as the family's database records them (the base system when empty). */
export function installed(ctx: ProgramContext, fam: Family): Map<string, Installed> {
  const m = new Map<string, Installed>();
  const text = readText(ctx, DB_PATH[fam]);
  if (fam === 'deb') {
    for (const st of text.split(/\n\n+/)) {
      const f = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(st)?.[1];
      const name = f('Package');
      const status = f('Status') ?? '';
      if (name && /installed/.test(status)) m.set(name, { version: f('Version') ?? '', kb: Number(f('Installed-Size') ?? 0), desc: f('Description') ?? '', ...(status.startsWith('hold') ? { hold: true } : {}) });
    }
  } else if (fam === 'apk') {
    for (const st of text.split(/\n\n+/)) {
      const f = (k: string) => new RegExp(`^${k}:(.*)$`, 'm').exec(st)?.[1];
      const name = f('P');
      if (name) m.set(name, { version: f('V') ?? '', kb: Math.round(Number(f('I') ?? 0) / 1024), desc: f('T') ?? '' });
    }
  } else {
    for (const line of text.split('\n').filter(Boolean)) {
      const [name, version, kb, ...desc] = line.split('\t');
      m.set(name, { version, kb: Number(kb), desc: desc.join('\t') });
    }
  }
  const base = fam === 'deb' ? releaseBase(releaseOf(readText(ctx, '/etc/os-release'))) : BASE[fam];
  if (m.size === 0) for (const [n, v, kb, d] of base) m.set(n, { version: v, kb, desc: d });
  return m;
}

export const DB_PATH: Record<Family, string> = { deb: '/var/lib/dpkg/status', apk: '/lib/apk/db/installed', rpm: '/var/lib/rpm/sim-installed' };

function debStanza(name: string, i: Installed, p?: Pkg): string {
  return `Package: ${name}\nStatus: ${i.hold ? 'hold' : 'install'} ok installed\nPriority: optional\nSection: ${p?.section ?? 'admin'}\nInstalled-Size: ${i.kb}\nMaintainer: Debian Developers <debian-devel@lists.debian.org>\nArchitecture: amd64\nVersion: ${i.version}\n${p?.deps.length ? `Depends: ${p.deps.join(', ')}\n` : ''}Description: ${i.desc}\n`;
}

function apkStanza(name: string, i: Installed, files: string[]): string {
  let s = `P:${name}\nV:${i.version}\nA:x86_64\nS:${i.kb * 400}\nI:${i.kb * 1024}\nT:${i.desc}\nU:https://alpinelinux.org\nL:MIT\no:${name}\n`;
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const d = f.slice(1, f.lastIndexOf('/'));
    byDir.set(d, [...(byDir.get(d) ?? []), f.slice(f.lastIndexOf('/') + 1)]);
  }
  for (const [d, names] of byDir) s += `F:${d}\n` + names.map((n) => `R:${n}\n`).join('');
  return s;
}

/** Rewrite the database with `add` packages added and `remove` names removed. */
export function writeDb(ctx: ProgramContext, fam: Family, add: { pkg: Pkg; files: string[] }[], remove: string[] = [], holds?: Map<string, boolean>): void {
  const cur = installed(ctx, fam);
  for (const n of remove) cur.delete(n);
  for (const [n, on] of holds ?? []) {
    const i = cur.get(n);
    if (i) cur.set(n, { ...i, hold: on || undefined });
  }
  const cat = catalogOf(ctx, fam);
  for (const { pkg } of add) cur.set(pkg.name, { version: pkg.version, kb: pkg.kb, desc: pkg.desc });
  const filesOf = new Map(add.map((a) => [a.pkg.name, a.files]));
  let text = '';
  if (fam === 'deb') text = [...cur].map(([n, i]) => debStanza(n, i, cat[n])).join('\n');
  else if (fam === 'apk') text = [...cur].map(([n, i]) => apkStanza(n, i, filesOf.get(n) ?? [])).join('\n') + '\n';
  else text = [...cur].map(([n, i]) => `${n}\t${i.version}\t${i.kb}\t${i.desc}\n`).join('');
  const path = DB_PATH[fam];
  ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  ctx.fs.writeFile(path, text);
  // The per-package file lists dpkg -L and removal use.
  for (const [name, files] of filesOf) {
    const list = listPath(fam, name);
    ctx.fs.mkdir(list.slice(0, list.lastIndexOf('/')), { recursive: true });
    ctx.fs.writeFile(list, files.join('\n') + '\n');
  }
  for (const n of remove) {
    try {
      ctx.fs.unlink(listPath(fam, n));
    } catch {
      /* a base package without a list */
    }
  }
}

export function listPath(fam: Family, name: string): string {
  return fam === 'deb' ? `/var/lib/dpkg/info/${name}.list` : fam === 'apk' ? `/lib/apk/db/sim-files/${name}.list` : `/var/lib/rpm/sim-files/${name}.list`;
}

export function fileList(ctx: ProgramContext, fam: Family, name: string): string[] {
  return readText(ctx, listPath(fam, name)).split('\n').filter(Boolean);
}

/** Unpack: write each file for real (executables as program markers). Returns dirs and files, dpkg-style. */
export function unpack(ctx: ProgramContext, pkg: Pkg): string[] {
  const out = new Set<string>(['/.']);
  const parents = (path: string) => {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) out.add('/' + parts.slice(0, i).join('/'));
    ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
  };
  for (const [path, program] of Object.entries(pkg.bins)) {
    parents(path);
    ctx.fs.writeFile(path, programMarker(program, pkg.binData?.[path] ?? ''), { mode: 0o755 });
    ctx.fs.chmod(path, 0o755);
    out.add(path);
  }
  for (const [path, text] of Object.entries(pkg.files)) {
    parents(path);
    ctx.fs.writeFile(path, text);
    out.add(path);
  }
  const doc = `/usr/share/doc/${pkg.name}/copyright`;
  if (pkg.section !== 'utils' || Object.keys(pkg.bins).length) {
    parents(doc);
    ctx.fs.writeFile(doc, `Package: ${pkg.name}\nThis is a simulated package: only the files the lessons need are written.\n`);
    out.add(doc);
  }
  // Only a few files are written; the first one reports the rest of the package's Installed-Size,
  // so the layer an install makes weighs what the real one does.
  const holder = Object.keys(pkg.bins)[0] ?? (out.has(doc) ? doc : Object.keys(pkg.files)[0]);
  if (holder && pkg.kb > 0) {
    const others = [...out].filter((f) => f !== holder && ctx.fs.exists(f) && ctx.fs.stat(f).kind === 'file').reduce((n, f) => n + ctx.fs.stat(f).size, 0);
    const want = pkg.kb * 1024 - others;
    if (want > ctx.fs.stat(holder).size) ctx.fs.writeFile(holder, ctx.fs.readFile(holder), { size: want });
  }
  return [...out].sort();
}

/** Remove a package's files (not directories that other files still use). */
export function removeFiles(ctx: ProgramContext, files: string[]): void {
  for (const f of [...files].sort().reverse()) {
    if (f === '/.') continue;
    try {
      const st = ctx.fs.lstat(f);
      if (st.kind === 'dir') {
        if (ctx.fs.readdir(f).length === 0 && !ESSENTIAL_DIRS.has(f)) ctx.fs.rmdir(f);
      } else ctx.fs.unlink(f);
    } catch {
      /* already gone */
    }
  }
}
const ESSENTIAL_DIRS = new Set(['/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/share', '/usr/share/doc', '/usr/games', '/bin', '/sbin', '/etc', '/var', '/lib', '/usr/lib/x86_64-linux-gnu']);

/** Dependency order for `names` (dependencies first), skipping what is installed. */
export function resolve(fam: Family, names: string[], have: Map<string, Installed>, pkgs = CATALOGS[fam].pkgs): { wanted: Pkg[]; order: Pkg[]; missing?: string; selected: [string, string][] } {
  const { virtual } = CATALOGS[fam];
  const wanted: Pkg[] = [];
  const selected: [string, string][] = [];
  for (const raw of names) {
    const name = pkgs[raw] ? raw : virtual[raw];
    const p = name ? pkgs[name] : undefined;
    if (!p) return { wanted, order: [], missing: raw, selected };
    if (name !== raw) selected.push([raw, name]);
    wanted.push(p);
  }
  const order: Pkg[] = [];
  const seen = new Set<string>();
  const visit = (p: Pkg) => {
    if (seen.has(p.name) || have.has(p.name)) return;
    seen.add(p.name); // before the dependencies, so a cycle ends here
    for (const d of p.deps) if (pkgs[d]) visit(pkgs[d]);
    order.push(p);
  };
  wanted.forEach(visit);
  return { wanted, order, selected };
}
