/**
 * The build context: the files the client sends with `docker build PATH` (a tar of the folder,
 * minus what `.dockerignore` excludes), and Docker's ignore rules (moby/patternmatcher): patterns
 * are relative to the context root, `**` matches any number of directories, a leading `!` re-
 * includes, and the last matching pattern wins.
 */
import { PAX_VSIZE, type TarEntry } from '../../lib/tar';

export interface ContextFile {
  kind: 'file' | 'dir' | 'symlink';
  data: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  target?: string;
  /** The size a stub file reports (a program standing for a real binary), from its PAX record. */
  size?: number;
}

/** Context path (no leading `./`, `/` separated, '' is the root) → entry. */
export type BuildContext = Map<string, ContextFile>;

export function contextFromTar(entries: TarEntry[]): BuildContext {
  const ctx: BuildContext = new Map();
  ctx.set('', { kind: 'dir', data: new Uint8Array(), mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  for (const e of entries) {
    const name = e.name.replace(/^\.\//, '').replace(/\/$/, '');
    if (!name || name === '.') continue;
    const kind = e.type === 'dir' ? 'dir' : e.type === 'symlink' ? 'symlink' : 'file';
    const vsize = e.pax?.[PAX_VSIZE];
    ctx.set(name, { kind, data: e.data ?? new Uint8Array(), mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, mtime: e.mtime, target: e.linkname, ...(vsize ? { size: Number(vsize) } : {}) });
  }
  return ctx;
}

interface Rule {
  re: RegExp;
  exclusion: boolean;
  dirs: RegExp[];
}

function cleanPattern(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  // filepath.Clean, then a leading `/` is dropped: patterns are relative to the context.
  const parts: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  s = parts.join('/');
  return s;
}

function patternSource(p: string): string {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        i++;
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        if (p[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = p.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + p.slice(i + 1, end).replace(/^!/, '^') + ']';
        i = end;
      }
    } else if (c === '\\' && i + 1 < p.length) re += '\\' + p[++i];
    else re += c.replace(/[.+^${}()|]/g, '\\$&');
  }
  return re;
}

export class DockerIgnore {
  private rules: Rule[] = [];

  constructor(text: string) {
    for (const raw of text.split('\n')) {
      let line = raw.replace(/\r$/, '');
      if (line.startsWith('#')) continue;
      line = line.trim();
      if (!line) continue;
      let exclusion = false;
      if (line.startsWith('!')) {
        exclusion = true;
        line = line.slice(1).trim();
      }
      const p = cleanPattern(line);
      if (!p) continue;
      const src = patternSource(p);
      // A pattern also matches everything under a directory it matches (`node_modules`).
      const dirs = p.split('/').map((_, i, a) => new RegExp('^' + patternSource(a.slice(0, i + 1).join('/')) + '$'));
      this.rules.push({ re: new RegExp('^' + src + '(?:/.*)?$'), exclusion, dirs });
    }
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** Is this context path excluded? Last matching rule wins. */
  excludes(path: string): boolean {
    let excluded = false;
    for (const r of this.rules) {
      if (r.re.test(path)) excluded = !r.exclusion;
    }
    return excluded;
  }
}

/** Drop ignored entries (the Dockerfile and .dockerignore always travel, as the client sends them). */
export function applyIgnore(ctx: BuildContext, ignore: DockerIgnore, keep: string[]): BuildContext {
  if (ignore.empty) return ctx;
  const out: BuildContext = new Map();
  for (const [path, f] of ctx) {
    if (path === '' || keep.includes(path) || !ignore.excludes(path)) out.set(path, f);
  }
  return out;
}

/** The bytes `Sending build context to Docker daemon` counts: a Go archive/tar of the entries. */
export function contextTarSize(ctx: BuildContext): number {
  let n = 1024;
  for (const [path, f] of ctx) {
    if (path === '') continue;
    n += 512;
    if (f.kind === 'file') n += Math.ceil((f.size ?? f.data.length) / 512) * 512;
  }
  return n;
}
