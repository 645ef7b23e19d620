/**
 * The account files as the shadow-utils tools edit them (/etc/passwd, /etc/group, /etc/shadow:
 * one record a line, fields split by `:`), id choice, and the checks and messages they share.
 */
import type { ProgramContext } from '../process/types';
import { W_OK } from '../../api/fs';
import { parseArgs, type OptSpec, type Parsed } from './lib/opts';

export type Db = { lines: string[]; path: string };

export function load(ctx: ProgramContext, path: string): Db {
  let text = '';
  try {
    text = ctx.fs.readText(path);
  } catch {
    // A missing file reads as empty, as the tools treat a fresh /etc/shadow.
  }
  return { lines: text.split('\n').filter((l) => l !== ''), path };
}

export function save(ctx: ProgramContext, db: Db): void {
  if (!ctx.fs.exists(db.path) && db.path.endsWith('shadow')) return;
  ctx.fs.writeFile(db.path, db.lines.map((l) => l + '\n').join(''));
}

export const field = (line: string, i: number) => line.split(':')[i] ?? '';
export const find = (db: Db, name: string) => db.lines.findIndex((l) => field(l, 0) === name);
export const idsOf = (db: Db) => new Set(db.lines.map((l) => Number(field(l, 2))));

export function newId(used: Set<number>, system: boolean, preferred?: number): number {
  if (preferred !== undefined && !used.has(preferred)) return preferred;
  if (system) {
    for (let id = 999; id >= 100; id--) if (!used.has(id)) return id;
  }
  let max = 999;
  for (const id of used) if (id >= 1000 && id <= 60000 && id > max) max = id;
  return max + 1;
}

/** A group given by name or number, as -g takes it. */
export function groupId(groups: Db, spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec);
  const i = find(groups, spec);
  return i < 0 ? undefined : Number(field(groups.lines[i], 2));
}

export async function locked(ctx: ProgramContext, prog: string, file: string): Promise<boolean> {
  if (ctx.fs.access(file, W_OK)) return false;
  await ctx.stderr.write(`${prog}: Permission denied.\n${prog}: cannot lock ${file}; try again later.\n`);
  return true;
}

export const validName = (n: string) => /^[a-z_][a-z0-9_.-]*\$?$/i.test(n) && n.length <= 32;

export async function usage(ctx: ProgramContext, text: string, code: number): Promise<number> {
  await (code === 0 ? ctx.stdout : ctx.stderr).write(text);
  return code;
}

/**
 * The options and the one account name groupadd, usermod, userdel and groupdel take. A bad option
 * or a missing or extra operand prints the usage on stderr (exit 2, E_USAGE); --help prints it on
 * stdout (exit 0). Returns the exit status when the tool is to stop there.
 */
export async function accountArgs(ctx: ProgramContext, prog: string, spec: OptSpec, usageText: string): Promise<{ o: Parsed; name: string } | number> {
  const r = parseArgs(prog, ctx.argv.slice(1), spec);
  if (!r.ok) return usage(ctx, r.message + '\n' + usageText, 2);
  if (r.p.help) return usage(ctx, usageText, 0);
  if (r.p.operands.length !== 1) return usage(ctx, usageText, 2);
  return { o: r.p, name: r.p.operands[0] };
}

/** Where `name` is in `db`; -1 after saying `prog: user 'name' does not exist` (exit 6 follows, E_NOTFOUND). */
export async function findOrSay(ctx: ProgramContext, prog: string, db: Db, what: 'user' | 'group', name: string): Promise<number> {
  const i = find(db, name);
  if (i < 0) await ctx.stderr.write(`${prog}: ${what} '${name}' does not exist\n`);
  return i;
}
