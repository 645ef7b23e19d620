/**
 * Pure string helpers for absolute POSIX paths. Backends receive paths that are already absolute
 * and normalised ('/', '/a/b', never a trailing slash); these helpers keep them that way without
 * any Node `path` module (the engine runs in a Web Worker).
 */

/** Lexically normalise: collapse `//`, fold `.` and `..` (`..` at the root stays at the root). */
export function normalize(path: string, cwd = '/'): string {
  const abs = path.startsWith('/') ? path : cwd + '/' + path;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** '/a/b' → '/a'; '/a' → '/'; '/' → '/'. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** '/a/b' → 'b'; '/' → ''. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function join(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

/** Is `path` equal to `dir` or inside it? */
export function isWithin(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}

/**
 * Every directory from the top down to `path` itself, in the order `mkdir -p` creates them:
 * '/a/b/c' → ['/a', '/a/b', '/a/b/c']; '/' → [].
 */
export function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += '/' + part;
    out.push(cur);
  }
  return out;
}

/** The components of a normalised absolute path ('/' → []). */
export function steps(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

/** OCI marker names (oci-layers.md §3–§5). */
export const WH_PREFIX = '.wh.';
export const WH_META_PREFIX = '.wh..wh.';
export const WH_OPAQUE = '.wh..wh..opq';
