/**
 * chmod, chown, chgrp (GNU), with -R. Owner and group names are looked up in the fs's own
 * /etc/passwd and /etc/group, so a container knows only its image's users. `chmod -x f` works
 * as on Linux: an argument shaped like a symbolic mode is the mode, not an option.
 */
import type { ProgramContext } from '../process/types';
import { GNU, type Flavour } from './lib/opts';
import { Io, Users, errText, joinPath, q } from './lib/io';
import { parseMode } from './lib/mode';

async function walk(io: Io, path: string, recursive: boolean, fn: (p: string) => Promise<void>): Promise<void> {
  await fn(path);
  if (!recursive || io.aborted()) return;
  let st;
  try {
    st = io.fs.lstat(path);
  } catch {
    return;
  }
  if (st.kind !== 'dir') return;
  let names: string[] = [];
  try {
    names = io.fs.readdir(path);
  } catch (e) {
    await io.err(`cannot read directory ${q(path)}: ${errText(e)}`);
    return;
  }
  for (const n of names) await walk(io, joinPath(path, n), true, fn);
  await io.tick();
}

export async function chmod(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'chmod', fl);
  // Pull out a mode like `-w` or `-x` before option parsing, as GNU chmod does.
  const raw = ctx.argv.slice(1);
  let modeArg: string | undefined;
  const rest: string[] = [];
  for (const a of raw) {
    if (modeArg === undefined && /^-[rwxXst]+$/.test(a) && !/^-[R]+$/.test(a)) modeArg = a;
    else rest.push(a);
  }
  const p = await io.parse({ short: 'Rvcf', long: { recursive: 'R', verbose: 'v', changes: 'c', silent: 'f', quiet: 'f', reference: 'r=' } }, 'Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n', 1, rest);
  if (typeof p === 'number') return p;
  const ops = [...p.operands];
  if (modeArg === undefined) modeArg = ops.shift();
  if (modeArg === undefined) return io.usage('missing operand');
  if (ops.length === 0) return io.usage(`missing operand after ${q(modeArg)}`);
  const change = parseMode(modeArg);
  if (!change) return io.usage(`invalid mode: ${q(modeArg)}`);
  let status = 0;
  for (const f of ops) {
    await walk(io, f, p.has('R'), async (path) => {
      try {
        const st = ctx.fs.lstat(path);
        if (st.kind === 'symlink') {
          if (path !== f) return; // -R does not follow symlinks it meets
        }
        const cur = ctx.fs.stat(path);
        const next = change(cur.mode, cur.kind === 'dir');
        ctx.fs.chmod(path, next);
        const oct = (m: number) => m.toString(8).padStart(4, '0');
        if (p.has('v') || (p.has('c') && next !== cur.mode)) {
          await io.out(next === cur.mode ? `mode of ${q(path)} retained as ${oct(next)}\n` : `mode of ${q(path)} changed from ${oct(cur.mode)} to ${oct(next)}\n`);
        }
      } catch (e) {
        if (p.has('f')) {
          status = 1;
          return;
        }
        if (ctx.fs.exists(path)) await io.err(`changing permissions of ${q(path)}: ${errText(e)}`);
        else await io.err(`cannot access ${q(path)}: ${errText(e)}`);
        status = 1;
      }
    });
  }
  return status;
}

function lookupId(name: string, byName: (n: string) => { id: number } | undefined): number | undefined {
  const e = byName(name);
  if (e) return e.id;
  if (/^\d+$/.test(name)) return Number(name);
  return undefined;
}

async function changeOwner(ctx: ProgramContext, io: Io, isChgrp: boolean): Promise<number> {
  const p = await io.parse({ short: 'RvcfhH', long: { recursive: 'R', verbose: 'v', changes: 'c', silent: 'f', quiet: 'f', 'no-dereference': 'h', reference: 'r=' } }, isChgrp ? 'Usage: chgrp [OPTION]... GROUP FILE...\n' : 'Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n');
  if (typeof p === 'number') return p;
  const ops = [...p.operands];
  const spec = ops.shift();
  if (spec === undefined) return io.usage('missing operand');
  if (ops.length === 0) return io.usage(`missing operand after ${q(spec)}`);
  const users = new Users(ctx.fs);
  let uid: number | undefined;
  let gid: number | undefined;
  if (isChgrp) {
    gid = lookupId(spec, (n) => users.groupByName(n));
    if (gid === undefined) {
      await io.err(`invalid group: ${q(spec)}`);
      return 1;
    }
  } else {
    const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec)!;
    const [, u, g] = m;
    if (u) {
      uid = lookupId(u, (n) => users.user(n));
      if (uid === undefined) {
        await io.err(`invalid user: ${q(spec)}`);
        return 1;
      }
    }
    if (g) {
      gid = lookupId(g, (n) => users.groupByName(n));
      if (gid === undefined) {
        await io.err(`invalid group: ${q(spec)}`);
        return 1;
      }
    } else if (g === '' && u) {
      // `chown user:` means the user's login group.
      gid = users.user(u)?.gid ?? uid;
    }
  }
  let status = 0;
  for (const f of ops) {
    await walk(io, f, p.has('R'), async (path) => {
      try {
        const st = ctx.fs.lstat(path);
        const noFollow = p.has('h') || (st.kind === 'symlink' && path !== f);
        const cur = noFollow ? st : ctx.fs.stat(path);
        const nu = uid ?? cur.uid;
        const ng = gid ?? cur.gid;
        ctx.fs.chown(path, nu, ng, { noFollow });
        if (p.has('v') || (p.has('c') && (nu !== cur.uid || ng !== cur.gid))) {
          const name = isChgrp ? `group of ${q(path)}` : `ownership of ${q(path)}`;
          await io.out(nu === cur.uid && ng === cur.gid ? `${name} retained\n` : `changed ${name}\n`);
        }
      } catch (e) {
        status = 1;
        if (p.has('f')) return;
        if (ctx.fs.exists(path) || (() => { try { ctx.fs.lstat(path); return true; } catch { return false; } })()) await io.err(`changing ${isChgrp ? 'group' : 'ownership'} of ${q(path)}: ${errText(e)}`);
        else await io.err(`cannot access ${q(path)}: ${errText(e)}`);
      }
    });
  }
  return status;
}

export function chown(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  return changeOwner(ctx, new Io(ctx, 'chown', fl), false);
}

export function chgrp(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  return changeOwner(ctx, new Io(ctx, 'chgrp', fl), true);
}
