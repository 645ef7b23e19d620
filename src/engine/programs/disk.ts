/**
 * stat (GNU default layout and -c FORMAT), du (-s -h -a -c) and df (-h, -T): usage is counted in
 * 4K blocks from the fs's reported sizes; df's rows come from lib/df-rows.ts (the modelled disk
 * through statfs for / and a container's overlay; fixed figures for the pseudo file systems).
 */
import type { ProgramContext } from '../process/types';
import type { Stat } from '../../api/fs';
import { GNU, type Flavour } from './lib/opts';
import { Io, Users, errText, joinPath, q } from './lib/io';
import { blocks1k, fullDate, humanSize, modeString } from './lib/format';
import { maxOf } from '../../lib/arrays';
import { dfRows, usePercent, type DfRow } from './lib/df-rows';

function typeName(st: Stat): string {
  switch (st.kind) {
    case 'file': return st.size === 0 ? 'regular empty file' : 'regular file';
    case 'dir': return 'directory';
    case 'symlink': return 'symbolic link';
    case 'chardev': return 'character special file';
    case 'fifo': return 'fifo';
    case 'socket': return 'socket';
  }
}

export async function stat(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'stat', fl);
  const p = await io.parse({ short: 'Lc:tf', long: { dereference: 'L', format: 'c=', printf: 'P=', terse: 't', 'file-system': 'f' } }, 'Usage: stat [OPTION]... FILE...\nDisplay file or file system status.\n');
  if (typeof p === 'number') return p;
  if (!p.operands.length) return io.usage('missing operand');
  const users = new Users(ctx.fs);
  let status = 0;
  for (const f of p.operands) {
    let st: Stat;
    try {
      st = p.has('L') ? ctx.fs.stat(f) : ctx.fs.lstat(f);
    } catch (e) {
      await io.err(`cannot statx ${q(f)}: ${errText(e)}`);
      status = 1;
      continue;
    }
    const uname = users.userName(st.uid) ?? 'UNKNOWN';
    const gname = users.groupName(st.gid) ?? 'UNKNOWN';
    const nameN = st.kind === 'symlink' ? `${q(f)} -> ${q(ctx.fs.readlink(f))}` : q(f);
    const fmt = p.get('c') ?? p.get('P');
    if (fmt !== undefined) {
      const v: Record<string, () => string> = {
        n: () => f, N: () => nameN, s: () => String(st.size), a: () => (st.mode & 0o7777).toString(8), A: () => modeString(st),
        u: () => String(st.uid), U: () => uname, g: () => String(st.gid), G: () => gname, F: () => typeName(st), i: () => String(st.ino),
        h: () => String(st.nlink), b: () => String(blocks1k(st) * 2), B: () => '512', o: () => '4096',
        x: () => fullDate(st.atime), X: () => String(Math.floor(st.atime / 1000)), y: () => fullDate(st.mtime), Y: () => String(Math.floor(st.mtime / 1000)),
        z: () => fullDate(st.ctime), Z: () => String(Math.floor(st.ctime / 1000)), w: () => '-', W: () => '0', d: () => '45', D: () => '2d', t: () => '0', T: () => '0', m: () => '/',
      };
      let out = fmt.replace(/%([%a-zA-Z])/g, (m, c: string) => (c === '%' ? '%' : v[c] ? v[c]() : '?'));
      if (p.has('P')) out = out.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      else out += '\n';
      await io.out(out);
      continue;
    }
    const blocks = blocks1k(st) * 2;
    await io.out(
      `  File: ${st.kind === 'symlink' ? `${f} -> ${ctx.fs.readlink(f)}` : f}\n` +
        `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${typeName(st)}\n` +
        `Device: 0,45\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}\n` +
        `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${uname.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${gname.padStart(8)})\n` +
        `Access: ${fullDate(st.atime)}\nModify: ${fullDate(st.mtime)}\nChange: ${fullDate(st.ctime)}\n Birth: -\n`,
    );
  }
  return status;
}

export async function du(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'du', fl);
  const p = await io.parse({ short: 'shacd:bkmx', long: { summarize: 's', 'human-readable': 'h', all: 'a', total: 'c', 'max-depth': 'd=', bytes: 'b', 'apparent-size': 'A' } }, 'Usage: du [OPTION]... [FILE]...\nSummarize device usage of the set of FILEs, recursively for directories.\n');
  if (typeof p === 'number') return p;
  if (p.has('s') && p.has('a')) return io.usage('cannot both summarize and show all entries');
  const maxDepth = p.has('s') ? 0 : p.has('d') ? Number(p.get('d')) : Infinity;
  const fmt = (k: number) => (p.has('h') ? humanSize(k * 1024) : p.has('m') ? String(Math.ceil(k / 1024)) : String(k));
  let status = 0;
  let out = '';
  let total = 0;
  const seen = new Set<number>();
  const walk = async (path: string, depth: number): Promise<number> => {
    let st: Stat;
    try {
      st = depth === 0 ? ctx.fs.stat(path) : ctx.fs.lstat(path);
    } catch (e) {
      await io.err(`cannot access ${q(path)}: ${errText(e)}`);
      status = 1;
      return 0;
    }
    // Hard links count once, as du does.
    if (st.nlink > 1 && st.kind !== 'dir') {
      if (seen.has(st.ino)) return 0;
      seen.add(st.ino);
    }
    let size = blocks1k(st);
    if (st.kind === 'dir') {
      let names: string[] = [];
      try {
        names = ctx.fs.readdir(path);
      } catch (e) {
        await io.err(`cannot read directory ${q(path)}: ${errText(e)}`);
        status = 1;
      }
      for (const n of names) size += await walk(joinPath(path, n), depth + 1);
      if (names.length > 50) await io.tick();
      if (depth <= maxDepth) out += `${fmt(size)}\t${path}\n`;
    } else if (depth === 0 || (p.has('a') && depth <= maxDepth)) out += `${fmt(size)}\t${path}\n`;
    return size;
  };
  for (const f of p.operands.length ? p.operands : ['.']) total += await walk(f, 0);
  if (p.has('c')) out += `${fmt(total)}\ttotal\n`;
  await io.out(out);
  return status;
}

export async function df(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'df', fl);
  const p = await io.parse({ short: 'hHTkai', long: { 'human-readable': 'h', si: 'H', 'print-type': 'T', all: 'a', inodes: 'i' } }, 'Usage: df [OPTION]... [FILE]...\nShow information about the file system on which each FILE resides,\nor all file systems by default.\n');
  if (typeof p === 'number') return p;
  type Row = DfRow;
  const rows = dfRows(ctx);
  const human = p.has('h') || p.has('H');
  const fmt = (k: number) => (human ? (k === 0 ? '0' : humanSize(k * 1024)) : String(k));
  const header = ['Filesystem', ...(p.has('T') ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  // With FILE operands, each is shown by the file system it lives on (the longest mount prefix).
  let shown: Row[] = rows;
  if (p.operands.length) {
    shown = [];
    for (const f of p.operands) {
      let abs: string;
      try {
        abs = ctx.fs.realpath(f);
      } catch (e) {
        await io.err(`${q(f)}: ${errText(e)}`);
        continue;
      }
      const best = rows.filter((r) => abs === r[5] || abs.startsWith(r[5] === '/' ? '/' : r[5] + '/')).sort((a, b) => b[5].length - a[5].length)[0];
      if (best) shown.push(best);
    }
    if (!shown.length) return 1;
  }
  const table = shown.map(([src, type, size, used, avail, mnt]) => {
    const pct = usePercent(size, used, avail);
    return [src, ...(p.has('T') ? [type] : []), fmt(size), fmt(used), fmt(avail), pct, mnt];
  });
  const widths = header.map((h, i) => maxOf(table.map((r) => r[i].length), Math.max(i === 0 ? 14 : h === 'Size' || h === 'Used' || h === 'Avail' ? 5 : 0, h.length)));
  const left = (i: number) => i === 0 || header[i] === 'Type' || i === header.length - 1;
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ') + '\n';
  await io.out(line(header) + table.map(line).join(''));
  return 0;
}
