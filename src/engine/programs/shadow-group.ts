/** groupadd and groupdel (shadow 4.13): see shadow.ts for the id rules. */
import type { ProgramContext } from '../process/types';
import { accountArgs, field, find, findOrSay, idsOf, load, locked, newId, save, validName } from './shadow-db';

const GROUPADD_USAGE = `Usage: groupadd [options] GROUP

Options:
  -f, --force                   exit successfully if the group already exists,
                                and cancel -g if the GID is already used
  -g, --gid GID                 use GID for the new group
  -h, --help                    display this help message and exit
  -K, --key KEY=VALUE           override /etc/login.defs defaults
  -o, --non-unique              allow to create groups with duplicate
                                (non-unique) GID
  -p, --password PASSWORD       use this encrypted password for the new group
  -r, --system                  create a system account
  -R, --root CHROOT_DIR         directory to chroot into
  -U, --users USERS             list of user members of this group

`;

export async function groupadd(ctx: ProgramContext): Promise<number> {
  const args = await accountArgs(ctx, 'groupadd', {
    short: 'fg:K:op:rR:U:',
    long: { force: 'f', gid: 'g=', key: 'K=', 'non-unique': 'o', password: 'p=', system: 'r', root: 'R=', users: 'U=' },
  }, GROUPADD_USAGE);
  if (typeof args === 'number') return args;
  const { o, name } = args;
  if (!validName(name)) {
    await ctx.stderr.write(`groupadd: '${name}' is not a valid group name\n`);
    return 3;
  }
  if (await locked(ctx, 'groupadd', '/etc/group')) return 10;
  const group = load(ctx, '/etc/group');
  if (find(group, name) >= 0) {
    if (o.has('f')) return 0;
    await ctx.stderr.write(`groupadd: group '${name}' already exists\n`);
    return 9;
  }
  let gid: number;
  const gArg = o.get('g');
  if (gArg !== undefined && !(o.has('f') && idsOf(group).has(Number(gArg)))) {
    if (!/^\d+$/.test(gArg)) {
      await ctx.stderr.write(`groupadd: invalid group ID '${gArg}'\n`);
      return 3;
    }
    gid = Number(gArg);
    if (idsOf(group).has(gid) && !o.has('o')) {
      await ctx.stderr.write(`groupadd: GID '${gid}' already exists\n`);
      return 4;
    }
  } else gid = newId(idsOf(group), o.has('r'));
  group.lines.push(`${name}:x:${gid}:${o.get('U') ?? ''}`);
  save(ctx, group);
  return 0;
}

export async function groupdel(ctx: ProgramContext): Promise<number> {
  const args = await accountArgs(ctx, 'groupdel', { short: 'f', long: { force: 'f' } }, 'Usage: groupdel [options] GROUP\n');
  if (typeof args === 'number') return args;
  const { o, name } = args;
  if (await locked(ctx, 'groupdel', '/etc/group')) return 10;
  const group = load(ctx, '/etc/group');
  const i = await findOrSay(ctx, 'groupdel', group, 'group', name);
  if (i < 0) return 6;
  const gid = field(group.lines[i], 2);
  const owner = load(ctx, '/etc/passwd').lines.find((l) => field(l, 3) === gid);
  if (owner && !o.has('f')) {
    await ctx.stderr.write(`groupdel: cannot remove the primary group of user '${field(owner, 0)}'\n`);
    return 8;
  }
  group.lines.splice(i, 1);
  save(ctx, group);
  return 0;
}
