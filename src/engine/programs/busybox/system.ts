/**
 * BusyBox applets whose output differs from the GNU tools: `free` and `df` (their own column
 * layouts), the network tools `wget`/`ping` and the editor `vi` (stubs: the simulator has no network
 * yet and no full-screen terminal), and `adduser`/`addgroup` (BusyBox's, not Debian's: `-D` for no
 * password, a same-named group, `Linux User,,,` as the comment field).
 */
import { wget } from '../net/web';
import { ping } from '../net/iptools';
import type { ProgramContext } from '../../process/types';
import { dfRows } from '../lib/df-rows';
import { W_OK } from '../../../api/fs';
import { readLines } from '../../../lib/read-stream';
import { bbHuman } from './ls';

const BANNER = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n';

export async function bbFree(ctx: ProgramContext): Promise<number> {
  const a = ctx.argv.slice(1).join('');
  const div = a.includes('g') ? 1024 * 1024 : a.includes('m') ? 1024 : 1;
  const h = a.includes('h');
  const f = (k: number) => (h ? bbHuman(k * 1024) : String(Math.floor(k / div)));
  const row = (label: string, v: number[]) => label.padEnd(7) + v.map((x) => f(x).padStart(12)).join('') + '\n';
  await ctx.stdout.write(
    '       ' + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((s) => s.padStart(12)).join('') + '\n' +
      row('Mem:', [8025424, 1843212, 4521048, 12345, 1661164, 5906520]) + row('Swap:', [2097148, 0, 2097148]),
  );
  return 0;
}

export async function bbDf(ctx: ProgramContext): Promise<number> {
  const human = ctx.argv.slice(1).some((x) => /^-\w*h/.test(x));
  const rows = dfRows(ctx, true);
  const f = (k: number) => (human ? bbHuman(k * 1024) : String(k)).padStart(9);
  let out = `${'Filesystem'.padEnd(20)} ${(human ? 'Size' : '1K-blocks').padStart(9)} ${'Used'.padStart(9)} ${'Available'.padStart(9)} Use% Mounted on\n`;
  for (const [src, , size, used, avail, mnt] of rows) {
    out += `${src.padEnd(20)} ${f(size)} ${f(used)} ${f(avail)} ${`${size ? Math.ceil((used * 100) / Math.max(1, used + avail)) : 0}%`.padStart(4)} ${mnt}\n`;
  }
  await ctx.stdout.write(out);
  return 0;
}


/** BusyBox's wget and ping: the shared implementations with BusyBox's wording. */
export function bbWget(ctx: ProgramContext): Promise<number> {
  return wget(ctx, true);
}

export function bbPing(ctx: ProgramContext): Promise<number> {
  return ping(ctx, true);
}

export async function bbVi(ctx: ProgramContext): Promise<number> {
  const name = (ctx.argv[0] ?? 'vi').split('/').pop();
  await ctx.stderr.write(`${name}: interactive full-screen editors are not simulated; write files with echo or cat and redirections (echo text > file)\n`);
  return 1;
}

// ---- adduser / addgroup ----

function readText(ctx: ProgramContext, path: string): string {
  try {
    return ctx.fs.readText(path);
  } catch {
    return '';
  }
}

function append(ctx: ProgramContext, path: string, line: string): void {
  const old = readText(ctx, path);
  ctx.fs.writeFile(path, old + (old && !old.endsWith('\n') ? '\n' : '') + line + '\n');
}

const ids = (text: string) => new Set(text.split('\n').filter(Boolean).map((l) => Number(l.split(':')[2])));
const names = (text: string) => new Set(text.split('\n').filter(Boolean).map((l) => l.split(':')[0]));
function freeId(used: Set<number>, system: boolean): number {
  let id = system ? 100 : 1000;
  while (used.has(id)) id++;
  return id;
}

/** BusyBox option scan: `-x` flags and `-x VALUE` for the letters listed in `withArg`. */
function scan(argv: string[], withArg: string): { o: Record<string, string>; rest: string[] } {
  const o: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      if (withArg.includes(a[j])) {
        o[a[j]] = a.slice(j + 1) || argv[++i] || '';
        break;
      }
      o[a[j]] = '';
    }
  }
  return { o, rest };
}

async function mustBeRoot(ctx: ProgramContext, name: string): Promise<boolean> {
  if (ctx.fs.access('/etc/passwd', W_OK)) return true;
  await ctx.stderr.write(`${name}: permission denied (are you root?)\n`);
  return false;
}

export async function bbAddgroup(ctx: ProgramContext): Promise<number> {
  const { o, rest } = scan(ctx.argv.slice(1), 'g');
  if (!rest.length || rest.length > 2) {
    await ctx.stderr.write(BANNER + '\nUsage: addgroup [-g GID] [-S] [USER] GROUP\n\nAdd a group or add a user to a group\n\n\t-g GID\tGroup id\n\t-S\tCreate a system group\n');
    return 1;
  }
  if (!(await mustBeRoot(ctx, 'addgroup'))) return 1;
  const group = readText(ctx, '/etc/group');
  if (rest.length === 2) {
    const [user, grp] = rest;
    if (!names(readText(ctx, '/etc/passwd')).has(user)) {
      await ctx.stderr.write(`addgroup: unknown user ${user}\n`);
      return 1;
    }
    const lines = group.split('\n');
    const i = lines.findIndex((l) => l.split(':')[0] === grp);
    if (i < 0) {
      await ctx.stderr.write(`addgroup: unknown group ${grp}\n`);
      return 1;
    }
    const f = lines[i].split(':');
    const members = (f[3] ?? '').split(',').filter(Boolean);
    if (!members.includes(user)) members.push(user);
    f[3] = members.join(',');
    lines[i] = f.join(':');
    ctx.fs.writeFile('/etc/group', lines.join('\n'));
    return 0;
  }
  const name = rest[0];
  if (names(group).has(name)) {
    await ctx.stderr.write(`addgroup: group '${name}' in use\n`);
    return 1;
  }
  const gid = o.g ? Number(o.g) : freeId(ids(group), 'S' in o);
  append(ctx, '/etc/group', `${name}:x:${gid}:`);
  return 0;
}

export async function bbAdduser(ctx: ProgramContext): Promise<number> {
  const { o, rest } = scan(ctx.argv.slice(1), 'hgsGuk');
  if (!rest.length || rest.length > 2) {
    await ctx.stderr.write(
      BANNER + '\nUsage: adduser [OPTIONS] USER [GROUP]\n\nCreate new user, or add USER to GROUP\n\n\t-h DIR\t\tHome directory\n\t-g GECOS\tGECOS field\n\t-s SHELL\tLogin shell\n\t-G GRP\t\tGroup\n\t-S\t\tCreate a system user\n\t-D\t\tDon\'t assign a password\n\t-H\t\tDon\'t create home directory\n\t-u UID\t\tUser id\n\t-k SKEL\t\tSkeleton directory (/etc/skel)\n',
    );
    return 1;
  }
  if (rest.length === 2) return bbAddgroup({ ...ctx, argv: ['addgroup', ...rest] });
  if (!(await mustBeRoot(ctx, 'adduser'))) return 1;
  const name = rest[0];
  const passwd = readText(ctx, '/etc/passwd');
  if (names(passwd).has(name)) {
    await ctx.stderr.write(`adduser: user '${name}' in use\n`);
    return 1;
  }
  const system = 'S' in o;
  const uid = o.u ? Number(o.u) : freeId(ids(passwd), system);
  let gid: number;
  if (o.G) {
    const line = readText(ctx, '/etc/group').split('\n').find((l) => l.split(':')[0] === o.G);
    if (!line) {
      await ctx.stderr.write(`adduser: unknown group ${o.G}\n`);
      return 1;
    }
    gid = Number(line.split(':')[2]);
  } else {
    // Like BusyBox: a group of the user's name, with the uid as gid when that is free.
    const groups = readText(ctx, '/etc/group');
    gid = ids(groups).has(uid) ? freeId(ids(groups), system) : uid;
    append(ctx, '/etc/group', `${name}:x:${gid}:`);
  }
  const home = o.h ?? (system && !('h' in o) ? '/dev/null' : `/home/${name}`);
  const shell = o.s ?? (system ? '/sbin/nologin' : '/bin/sh');
  append(ctx, '/etc/passwd', `${name}:x:${uid}:${gid}:${o.g ?? 'Linux User,,,'}:${home}:${shell}`);
  const days = Math.floor(ctx.sys.clock.now() / 86400000);
  if (ctx.fs.exists('/etc/shadow')) append(ctx, '/etc/shadow', `${name}:!:${days}:0:99999:7:::`);
  if (!('H' in o) && home !== '/dev/null' && !ctx.fs.exists(home)) {
    ctx.fs.mkdir(home, { recursive: true, mode: 0o755 });
    ctx.fs.chown(home, uid, gid);
  }
  if ('D' in o || system) return 0;
  // Without -D BusyBox runs passwd for the new user; the answers come from stdin here.
  await ctx.stdout.write(`Changing password for ${name}\nNew password: `);
  const lines = readLines(ctx.stdin, ctx.signal);
  const first = (await lines.next()).value;
  await ctx.stdout.write('\nRetype password: ');
  const second = (await lines.next()).value;
  await ctx.stdout.write('\n');
  if (typeof first !== 'string' || first !== second) {
    await ctx.stderr.write(`passwd: password for ${name} is unchanged\n`);
    return 1;
  }
  await ctx.stdout.write(`passwd: password for ${name} changed by root\n`);
  return 0;
}
