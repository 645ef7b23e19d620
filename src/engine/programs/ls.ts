/**
 * ls, GNU flavour: -l -a -A -h -R -1 -d -i -n -t -r -S -F, columns on a terminal (COLUMNS or 80),
 * one name per line otherwise, `total N` in 1K blocks, owner/group names from the fs's /etc files.
 * Exit 2 when a command-line operand cannot be listed (GNU's "serious trouble"), 1 for minor ones.
 */
import type { ProgramContext } from '../process/types';
import type { Stat } from '../../api/fs';
import { GNU, type Flavour } from './lib/opts';
import { Io, Users, errText, joinPath, q } from './lib/io';
import { blocks1k, columns, humanSize, lsDate, modeString, nameComparator, shellQuote } from './lib/format';
import { maxOf } from '../../lib/arrays';
import { lsEntry, type LsEntry } from './lib/ls-entry';

const HELP = `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).
Sort entries alphabetically if none of -cftuvSUX nor --sort is specified.

  -a, --all                  do not ignore entries starting with .
  -A, --almost-all           do not list implied . and ..
  -d, --directory            list directories themselves, not their contents
  -F, --classify             append indicator (one of */=>@|) to entries
  -h, --human-readable       with -l, print sizes like 1K 234M 2G etc.
  -i, --inode                print the index number of each file
  -l                         use a long listing format
  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -S                         sort by file size, largest first
  -t                         sort by time, newest first
  -1                         list one file per line
`;

type Entry = LsEntry;

export async function ls(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'ls', fl);
  const p = await io.parse(
    {
      short: 'laAhR1dintrSFCg',
      long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', recursive: 'R', directory: 'd', inode: 'i', 'numeric-uid-gid': 'n', reverse: 'r', classify: 'F', color: 'color=?' },
    },
    HELP,
    2,
  );
  if (typeof p === 'number') return p;
  const long = p.has('l') || p.has('n') || p.has('g');
  const numeric = p.has('n');
  const all = p.has('a');
  const almost = p.has('A');
  const human = p.has('h');
  const recursive = p.has('R');
  const dirSelf = p.has('d');
  const inode = p.has('i');
  const classify = p.has('F');
  const reverse = p.has('r');
  const sortBy = p.last('t', 'S');
  const layout = p.last('1', 'C', 'l', 'n', 'g');
  const tty = ctx.stdout.isTTY;
  const useCols = layout === 'C' || (!layout && tty) || (tty && layout !== '1' && !long);
  const lineWidth = Number(ctx.env.COLUMNS) > 0 ? Number(ctx.env.COLUMNS) : 80;
  const users = long ? new Users(ctx.fs) : undefined;
  const cmpName = nameComparator(ctx.env);
  const now = ctx.sys.clock.now();
  let status = 0;

  const sortEntries = (es: Entry[]) => {
    es.sort((a, b) => {
      let c = 0;
      if (sortBy === 't') c = b.st.mtime - a.st.mtime;
      else if (sortBy === 'S') c = b.st.size - a.st.size;
      return c || cmpName(a.name, b.name);
    });
    if (reverse) es.reverse();
  };

  const indicator = (st: Stat) => {
    if (!classify) return '';
    if (st.kind === 'dir') return '/';
    if (st.kind === 'symlink') return '@';
    if (st.kind === 'fifo') return '|';
    if (st.kind === 'socket') return '=';
    if (st.kind === 'file' && st.mode & 0o111) return '*';
    return '';
  };
  const show = (name: string) => (tty ? shellQuote(name) : name);

  const render = (es: Entry[], withTotal: boolean): string => {
    if (!long) {
      const names = es.map((e) => (inode ? `${e.st.ino} ` : '') + show(e.name) + indicator(e.st));
      if (useCols) return columns(names, lineWidth);
      return names.map((n) => n + '\n').join('');
    }
    const rows = es.map((e) => {
      const owner = numeric ? String(e.st.uid) : (users!.userName(e.st.uid) ?? String(e.st.uid));
      const group = numeric ? String(e.st.gid) : (users!.groupName(e.st.gid) ?? String(e.st.gid));
      const size = e.st.kind === 'chardev' ? `${(e.st.rdev ?? 0) >> 8}, ${(e.st.rdev ?? 0) & 0xff}` : human ? humanSize(e.st.size) : String(e.st.size);
      let name = show(e.name);
      if (e.st.kind === 'symlink') name += ' -> ' + (e.target ?? '');
      else name += indicator(e.st);
      return { ino: String(e.st.ino), mode: modeString(e.st), nlink: String(e.st.nlink), owner, group, size, date: lsDate(e.st.mtime, now), name };
    });
    const w = (k: keyof (typeof rows)[0]) => maxOf(rows.map((r) => r[k].length), 0);
    const [wi, wl, wo, wg, ws] = [w('ino'), w('nlink'), w('owner'), w('group'), w('size')];
    let out = '';
    if (withTotal) {
      const total = es.reduce((a, e) => a + blocks1k(e.st), 0);
      out += `total ${human ? humanSize(total * 1024) : total}\n`;
    }
    for (const r of rows) {
      const grp = p.has('g') ? '' : ` ${r.group.padEnd(wg)}`;
      out += `${inode ? r.ino.padStart(wi) + ' ' : ''}${r.mode} ${r.nlink.padStart(wl)} ${r.owner.padEnd(wo)}${grp} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`;
    }
    return out;
  };

  const entry = (name: string, path: string, follow: boolean): Entry => lsEntry(ctx, name, path, follow);

  const readDir = (path: string): Entry[] => {
    const names = ctx.fs.readdir(path).filter((n) => all || almost || !n.startsWith('.'));
    const es: Entry[] = [];
    if (all) {
      es.push(entry('.', path, false), entry('..', joinPath(path, '..'), false));
    }
    for (const n of names) {
      try {
        es.push(entry(n, joinPath(path, n), false));
      } catch {
        /* vanished meanwhile */
      }
    }
    sortEntries(es);
    return es;
  };

  const operands = p.operands.length ? p.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands) {
    try {
      // Command-line symlinks are followed unless -l/-d/-F ask about the link itself.
      const follow = !(long || dirSelf || classify) || op.endsWith('/');
      const e = entry(op, op, follow);
      if (e.st.kind === 'dir' && !dirSelf) dirs.push(e);
      else files.push(e);
    } catch (err) {
      await io.err(`cannot access ${q(op)}: ${errText(err)}`);
      status = 2;
    }
  }
  sortEntries(files);
  sortEntries(dirs);
  let out = render(files, false);
  let first = files.length === 0;
  const header = operands.length > 1 || recursive;

  const listDir = async (d: Entry, top: boolean) => {
    if (ctx.signal.aborted) return;
    let es: Entry[];
    try {
      es = readDir(d.path);
    } catch (err) {
      out += '';
      await io.out(out);
      out = '';
      await io.err(`cannot open directory ${q(d.path)}: ${errText(err)}`);
      status = top ? 2 : Math.max(status, 1);
      return;
    }
    if (!first) out += '\n';
    first = false;
    if (header) out += `${tty ? shellQuote(d.path) : d.path}:\n`;
    out += render(es, true);
    if (out.length > 8192) {
      await io.out(out);
      out = '';
      await io.tick();
    }
    if (recursive) {
      for (const e of es) {
        if (e.st.kind === 'dir' && e.name !== '.' && e.name !== '..') await listDir({ ...e, path: joinPath(d.path, e.name) }, false);
      }
    }
  };
  for (const d of dirs) await listDir(d, true);
  if (out) await io.out(out);
  return status;
}
