/**
 * The operators `test` shares between /usr/bin/test (coreutils) and the shells' `test`, `[` and
 * `[[`: the file tests (`-f FILE`, `-x FILE` …) and the comparisons (`=`, `-lt`, `-nt` …). What
 * differs between them stays with each: how an integer is read and what a bad one says
 * (coreutils: `invalid integer 'x'`; bash: `x: integer expression expected`), `-t`, `-v`, `[[`'s
 * patterns.
 */
import { R_OK, W_OK, X_OK, type Fs, type Stat } from '../api/fs';

function statOf(fs: Fs, path: string, follow = true): Stat | undefined {
  try {
    return follow ? fs.stat(path) : fs.lstat(path);
  } catch {
    return undefined;
  }
}

/** A file test (`-e`, `-f`, `-d`, `-L`, `-r` …) on `path`; undefined when `op` is not one. A missing file is false. */
export function fileTest(fs: Fs, op: string, path: string): boolean | undefined {
  if (op === '-h' || op === '-L') return statOf(fs, path, false)?.kind === 'symlink';
  const st = statOf(fs, path);
  switch (op) {
    case '-e': return !!st;
    case '-f': return st?.kind === 'file';
    case '-d': return st?.kind === 'dir';
    case '-b': return false;
    case '-c': return st?.kind === 'chardev';
    case '-p': return st?.kind === 'fifo';
    case '-S': return st?.kind === 'socket';
    case '-s': return (st?.size ?? 0) > 0;
    case '-u': return ((st?.mode ?? 0) & 0o4000) !== 0;
    case '-g': return ((st?.mode ?? 0) & 0o2000) !== 0;
    case '-k': return ((st?.mode ?? 0) & 0o1000) !== 0;
    case '-O': return !!st && st.uid === fs.cred.uid;
    case '-G': return !!st && st.gid === fs.cred.gid;
    case '-r': return !!st && fs.access(path, R_OK);
    case '-w': return !!st && fs.access(path, W_OK);
    case '-x': return !!st && fs.access(path, X_OK);
  }
  return undefined;
}

export const COMPARISONS = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/**
 * `a OP b` for one of COMPARISONS. `int` reads an integer operand (and throws the caller's error
 * for a bad one). -nt is true when only `a` exists, -ot when only `b` does (coreutils' and bash's
 * rule); -ef compares inode numbers.
 */
export function compare(fs: Fs, op: string, a: string, b: string, int: (s: string) => number | bigint): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return int(a) === int(b);
    case '-ne': return int(a) !== int(b);
    case '-lt': return int(a) < int(b);
    case '-le': return int(a) <= int(b);
    case '-gt': return int(a) > int(b);
    case '-ge': return int(a) >= int(b);
  }
  const sa = statOf(fs, a);
  const sb = statOf(fs, b);
  if (op === '-nt') return !!sa && (!sb || sa.mtime > sb.mtime);
  if (op === '-ot') return !!sb && (!sa || sa.mtime < sb.mtime);
  return !!sa && !!sb && sa.ino === sb.ino;
}
