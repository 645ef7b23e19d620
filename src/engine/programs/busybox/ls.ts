/**
 * BusyBox `ls`. Its long format is fixed-width (`%-10s %4u %-8.8s %-8.8s %9u`), not sized to the
 * widest entry as GNU's is; its columns are all as wide as the longest name plus two; names sort by
 * byte order (musl's C locale: capitals first); one name per line when stdout is not a terminal;
 * and a missing operand reads `ls: x: No such file or directory` (exit 1).
 */
import type { ProgramContext } from '../../process/types';
import type { Stat } from '../../../api/fs';
import { BUSYBOX } from '../lib/opts';
import { Io, Users, errText, joinPath } from '../lib/io';
import { blocks1k, lsDate, modeString } from '../lib/format';
import { maxOf } from '../../../lib/arrays';
import { lsEntry, type LsEntry } from '../lib/ls-entry';

const HELP = `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.

Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...

List directory contents

	-1	One column output
	-a	Include names starting with .
	-A	Like -a, but exclude . and ..
	-x	List by lines
	-d	List directory names, not contents
	-R	Recurse
	-F	Append indicator (one of */=@|) to names
	-l	Long format
	-i	List inode numbers
	-n	List numeric UIDs and GIDs instead of names
	-s	List allocated blocks
	-h	Human readable sizes (1K 243M 2G)
	-r	Reverse sort order
	-S	Sort by size
	-t	Sort by mtime
`;

type Entry = LsEntry;

/** BusyBox's make_human_readable_str(size, 1, 0): bytes below 1K, else one decimal and a unit. */
export function bbHuman(n: number): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPE';
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v.toFixed(1) + units[u];
}

/** Column-major layout with one width for every column, as BusyBox's display_files does. */
export function bbColumns(names: string[], lineWidth: number, across = false): string {
  if (!names.length) return '';
  const colW = maxOf(names.map((n) => n.length)) + 2;
  const ncols = Math.max(1, Math.floor(lineWidth / colW));
  const nrows = Math.ceil(names.length / ncols);
  let out = '';
  for (let r = 0; r < nrows; r++) {
    let line = '';
    for (let c = 0; c < ncols; c++) {
      const i = across ? r * ncols + c : c * nrows + r;
      if (i >= names.length) continue;
      if (line) line = line.padEnd(c * colW);
      line += names[i];
    }
    out += line + '\n';
  }
  return out;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function bbLs(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'ls', BUSYBOX);
  const p = await io.parse({ short: '1AaCxdLHRFplinshrSXvctuw:e' }, HELP, 1);
  if (typeof p === 'number') return p;
  const long = p.has('l') || p.has('n');
  const tty = ctx.stdout.isTTY;
  const layout = p.last('1', 'C', 'x', 'l', 'n');
  const oneCol = long || layout === '1' || (!tty && layout !== 'C' && layout !== 'x');
  const width = Number(p.get('w') ?? ctx.env.COLUMNS) > 0 ? Number(p.get('w') ?? ctx.env.COLUMNS) : 80;
  const users = long ? new Users(ctx.fs) : undefined;
  const now = ctx.sys.clock.now();
  const sortBy = p.last('t', 'S');
  let status = 0;

  const sortEntries = (es: Entry[]) => {
    es.sort((a, b) => (sortBy === 't' ? b.st.mtime - a.st.mtime : sortBy === 'S' ? b.st.size - a.st.size : 0) || byteOrder(a.name, b.name));
    if (p.has('r')) es.reverse();
  };
  const indicator = (st: Stat) => {
    if (!p.has('F') && !(p.has('p') && st.kind === 'dir')) return '';
    if (st.kind === 'dir') return '/';
    if (!p.has('F')) return '';
    if (st.kind === 'symlink') return '@';
    if (st.kind === 'fifo') return '|';
    if (st.kind === 'socket') return '=';
    return st.kind === 'file' && st.mode & 0o111 ? '*' : '';
  };
  const prefix = (e: Entry) => (p.has('i') ? String(e.st.ino).padStart(8) + ' ' : '') + (p.has('s') ? String(blocks1k(e.st)).padStart(4) + ' ' : '');

  const render = (es: Entry[]): string => {
    if (!long) {
      const names = es.map((e) => prefix(e) + e.name + indicator(e.st));
      return oneCol ? names.map((n) => n + '\n').join('') : bbColumns(names, width, layout === 'x');
    }
    let out = '';
    for (const e of es) {
      const owner = p.has('n') ? String(e.st.uid) : (users!.userName(e.st.uid) ?? String(e.st.uid));
      const group = p.has('n') ? String(e.st.gid) : (users!.groupName(e.st.gid) ?? String(e.st.gid));
      const size =
        e.st.kind === 'chardev'
          ? `${String((e.st.rdev ?? 0) >> 8).padStart(4)}, ${String((e.st.rdev ?? 0) & 0xff).padStart(3)}`
          : p.has('h') ? bbHuman(e.st.size).padStart(9) : String(e.st.size).padStart(9);
      const name = e.st.kind === 'symlink' ? `${e.name} -> ${e.target ?? ''}` : e.name + indicator(e.st);
      out += `${prefix(e)}${modeString(e.st).padEnd(10)} ${String(e.st.nlink).padStart(4)} ${owner.slice(0, 8).padEnd(8)} ${group.slice(0, 8).padEnd(8)} ${size} ${lsDate(e.st.mtime, now)} ${name}\n`;
    }
    return out;
  };

  const entry = (name: string, path: string, follow: boolean): Entry => lsEntry(ctx, name, path, follow);

  const operands = p.operands.length ? p.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    try {
      const e = entry(op, op, !(long || p.has('d') || p.has('F')) || op.endsWith('/') || p.has('L') || p.has('H'));
      (e.st.kind === 'dir' && !p.has('d') ? dirs : files).push(e);
    } catch (err) {
      await io.err(`${op}: ${errText(err)}`);
      status = 1;
    }
  }
  sortEntries(files);
  sortEntries(dirs);
  let out = render(files);
  let first = files.length === 0;
  const header = operands.length > 1 || p.has('R');

  const listDir = async (d: Entry) => {
    if (ctx.signal.aborted) return;
    let es: Entry[];
    try {
      const names = ctx.fs.readdir(d.path).filter((n) => p.has('a') || p.has('A') || !n.startsWith('.'));
      es = [];
      if (p.has('a')) es.push(entry('.', d.path, false), entry('..', joinPath(d.path, '..'), false));
      for (const n of names) {
        try {
          es.push(entry(n, joinPath(d.path, n), false));
        } catch {
          /* vanished meanwhile */
        }
      }
      sortEntries(es);
    } catch (err) {
      await io.out(out);
      out = '';
      await io.err(`${d.path}: ${errText(err)}`);
      status = 1;
      return;
    }
    if (!first) out += '\n';
    first = false;
    if (header) out += `${d.path}:\n`;
    if (long || p.has('s')) out += `total ${es.reduce((a, e) => a + blocks1k(e.st), 0)}\n`;
    out += render(es);
    if (out.length > 8192) {
      await io.out(out);
      out = '';
      await io.tick();
    }
    if (p.has('R')) for (const e of es) if (e.st.kind === 'dir' && e.name !== '.' && e.name !== '..') await listDir({ ...e, path: joinPath(d.path, e.name) });
  };
  for (const d of dirs) await listDir(d);
  if (out) await io.out(out);
  return status;
}
