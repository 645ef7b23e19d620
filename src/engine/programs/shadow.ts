/**
 * The shadow-utils account tools Debian, Ubuntu and CentOS images ship in /usr/sbin: useradd,
 * groupadd, usermod, userdel, groupdel. Dockerfiles use them to create the non-root user an image
 * runs as (`groupadd -r flask && useradd -r -g flask flask`), so what matters is what they write
 * to /etc/passwd, /etc/group and /etc/shadow, which ids they pick, and their errors and exit codes.
 *
 * Id choice follows shadow 4.13 with Debian's login.defs: ordinary accounts take one more than the
 * highest id in 1000–60000; system accounts (-r) take the highest free id in 100–999 counting
 * down; a user's own group takes the uid as its gid when that gid is free. Homes are created only
 * with -m (Debian's CREATE_HOME is off), from /etc/skel.
 */
import type { ProgramContext } from '../process/types';
import { parseArgs, type OptSpec } from './lib/opts';
import { registerProgram } from './registry';
import { accountArgs, field, find, findOrSay, groupId, idsOf, load, locked, newId, save, usage, validName } from './shadow-db';
import { groupadd, groupdel } from './shadow-group';

export { groupadd, groupdel } from './shadow-group';

const USERADD_USAGE = `Usage: useradd [options] LOGIN
       useradd -D
       useradd -D [options]

Options:
      --badname                 do not check for bad names
  -b, --base-dir BASE_DIR       base directory for the home directory of the
                                new account
  -c, --comment COMMENT         GECOS field of the new account
  -d, --home-dir HOME_DIR       home directory of the new account
  -D, --defaults                print or change default useradd configuration
  -e, --expiredate EXPIRE_DATE  expiration date of the new account
  -f, --inactive INACTIVE       password inactivity period of the new account
  -g, --gid GROUP               name or ID of the primary group of the new
                                account
  -G, --groups GROUPS           list of supplementary groups of the new
                                account
  -h, --help                    display this help message and exit
  -k, --skel SKEL_DIR           use this alternative skeleton directory
  -K, --key KEY=VALUE           override /etc/login.defs defaults
  -l, --no-log-init             do not add the user to the lastlog and
                                faillog databases
  -m, --create-home             create the user's home directory
  -M, --no-create-home          do not create the user's home directory
  -N, --no-user-group           do not create a group with the same name as
                                the user
  -o, --non-unique              allow to create users with duplicate
                                (non-unique) UID
  -p, --password PASSWORD       encrypted password of the new account
  -r, --system                  create a system account
  -R, --root CHROOT_DIR         directory to chroot into
  -s, --shell SHELL             login shell of the new account
  -u, --uid UID                 user ID of the new account
  -U, --user-group              create a group with the same name as the user

`;

const USERADD_SPEC: OptSpec = {
  short: 'b:c:d:De:f:g:G:k:K:lmMNop:rR:s:u:U',
  long: {
    badname: 'badname', 'base-dir': 'b=', comment: 'c=', 'home-dir': 'd=', defaults: 'D', expiredate: 'e=',
    inactive: 'f=', gid: 'g=', groups: 'G=', skel: 'k=', key: 'K=', 'no-log-init': 'l', 'create-home': 'm',
    'no-create-home': 'M', 'no-user-group': 'N', 'non-unique': 'o', password: 'p=', system: 'r', root: 'R=',
    shell: 's=', uid: 'u=', 'user-group': 'U',
  },
};

function copySkel(ctx: ProgramContext, from: string, to: string, uid: number, gid: number): void {
  let names: string[] = [];
  try {
    names = ctx.fs.readdir(from);
  } catch {
    return;
  }
  for (const n of names) {
    const src = `${from}/${n}`;
    const dst = `${to}/${n}`;
    const st = ctx.fs.lstat(src);
    if (st.kind === 'dir') {
      ctx.fs.mkdir(dst, { mode: st.mode & 0o7777 });
      copySkel(ctx, src, dst, uid, gid);
    } else if (st.kind === 'file') {
      ctx.fs.writeFile(dst, ctx.fs.readFile(src), { mode: st.mode & 0o7777 });
    } else continue;
    ctx.fs.chown(dst, uid, gid);
  }
}

export async function useradd(ctx: ProgramContext): Promise<number> {
  const r = parseArgs('useradd', ctx.argv.slice(1), USERADD_SPEC);
  if (!r.ok) return usage(ctx, r.message + '\n' + USERADD_USAGE, 2);
  const o = r.p;
  if (o.help) return usage(ctx, USERADD_USAGE, 0);
  if (o.has('D')) {
    await ctx.stdout.write('GROUP=100\nHOME=/home\nINACTIVE=-1\nEXPIRE=\nSHELL=/bin/sh\nSKEL=/etc/skel\nCREATE_MAIL_SPOOL=no\nLOG_INIT=yes\n');
    return 0;
  }
  if (o.operands.length !== 1) return usage(ctx, USERADD_USAGE, 2);
  const name = o.operands[0];
  if (!o.has('badname') && !validName(name)) {
    await ctx.stderr.write(`useradd: invalid user name '${name}': use --badname to ignore\n`);
    return 3;
  }
  if (await locked(ctx, 'useradd', '/etc/passwd')) return 1;
  const passwd = load(ctx, '/etc/passwd');
  const group = load(ctx, '/etc/group');
  const shadow = load(ctx, '/etc/shadow');
  if (find(passwd, name) >= 0) {
    await ctx.stderr.write(`useradd: user '${name}' already exists\n`);
    return 9;
  }
  const system = o.has('r');
  let uid: number;
  const uidArg = o.get('u');
  if (uidArg !== undefined) {
    if (!/^\d+$/.test(uidArg)) {
      await ctx.stderr.write(`useradd: invalid user ID '${uidArg}'\n`);
      return 3;
    }
    uid = Number(uidArg);
    if (idsOf(passwd).has(uid) && !o.has('o')) {
      await ctx.stderr.write(`useradd: UID ${uid} is not unique\n`);
      return 4;
    }
  } else uid = newId(idsOf(passwd), system);

  let gid: number;
  const gArg = o.get('g');
  if (gArg !== undefined) {
    const g = groupId(group, gArg);
    if (g === undefined || (/^\d+$/.test(gArg) && !idsOf(group).has(g))) {
      await ctx.stderr.write(`useradd: group '${gArg}' does not exist\n`);
      return 6;
    }
    gid = g;
  } else if (o.has('N')) {
    gid = 100;
  } else {
    if (find(group, name) >= 0) {
      await ctx.stderr.write(`useradd: group ${name} exists - if you want to add this user to that group, use -g.\n`);
      return 9;
    }
    gid = newId(idsOf(group), system, uid);
    group.lines.push(`${name}:x:${gid}:`);
  }
  for (const g of (o.get('G') ?? '').split(',').filter(Boolean)) {
    const i = /^\d+$/.test(g) ? group.lines.findIndex((l) => field(l, 2) === g) : find(group, g);
    if (i < 0) {
      await ctx.stderr.write(`useradd: group '${g}' does not exist\n`);
      return 6;
    }
    const f = group.lines[i].split(':');
    f[3] = [...(f[3] ?? '').split(',').filter(Boolean), name].join(',');
    group.lines[i] = f.join(':');
  }
  const home = o.get('d') ?? `${o.get('b') ?? '/home'}/${name}`;
  const shell = o.get('s') ?? '/bin/sh';
  passwd.lines.push(`${name}:x:${uid}:${gid}:${o.get('c') ?? ''}:${home}:${shell}`);
  const days = Math.floor(ctx.sys.clock.now() / 86_400_000);
  shadow.lines.push(`${name}:${o.get('p') ?? '!'}:${days}:0:99999:7:::`);
  save(ctx, passwd);
  save(ctx, group);
  save(ctx, shadow);
  if (o.has('m') && !o.has('M')) {
    if (ctx.fs.exists(home)) {
      await ctx.stderr.write(`useradd: warning: the home directory ${home} already exists.\nuseradd: Not copying any file from skel directory into it.\n`);
    } else {
      ctx.fs.mkdir(home, { recursive: true, mode: 0o750 });
      ctx.fs.chown(home, uid, gid);
      copySkel(ctx, o.get('k') ?? '/etc/skel', home, uid, gid);
    }
  }
  return 0;
}

export async function usermod(ctx: ProgramContext): Promise<number> {
  const args = await accountArgs(ctx, 'usermod', {
    short: 'ac:d:g:G:l:Ls:u:U',
    long: { append: 'a', comment: 'c=', home: 'd=', gid: 'g=', groups: 'G=', login: 'l=', lock: 'L', shell: 's=', uid: 'u=', unlock: 'U' },
  }, 'Usage: usermod [options] LOGIN\n');
  if (typeof args === 'number') return args;
  const { o, name } = args;
  if (await locked(ctx, 'usermod', '/etc/passwd')) return 1;
  const passwd = load(ctx, '/etc/passwd');
  const group = load(ctx, '/etc/group');
  const i = await findOrSay(ctx, 'usermod', passwd, 'user', name);
  if (i < 0) return 6;
  const f = passwd.lines[i].split(':');
  if (o.get('g') !== undefined) {
    const g = groupId(group, o.get('g')!);
    if (g === undefined) {
      await ctx.stderr.write(`usermod: group '${o.get('g')}' does not exist\n`);
      return 6;
    }
    f[3] = String(g);
  }
  if (o.get('u') !== undefined) f[2] = o.get('u')!;
  if (o.get('c') !== undefined) f[4] = o.get('c')!;
  if (o.get('d') !== undefined) f[5] = o.get('d')!;
  if (o.get('s') !== undefined) f[6] = o.get('s')!;
  const wanted = o.get('G')?.split(',').filter(Boolean);
  if (wanted) {
    for (const g of wanted) {
      if (find(group, g) < 0) {
        await ctx.stderr.write(`usermod: group '${g}' does not exist\n`);
        return 6;
      }
    }
    group.lines = group.lines.map((line) => {
      const gf = line.split(':');
      let members = (gf[3] ?? '').split(',').filter(Boolean);
      if (wanted.includes(gf[0])) {
        if (!members.includes(name)) members.push(name);
      } else if (!o.has('a')) members = members.filter((m) => m !== name);
      gf[3] = members.join(',');
      return gf.join(':');
    });
  }
  const newName = o.get('l');
  if (newName !== undefined) {
    f[0] = newName;
    group.lines = group.lines.map((line) => {
      const gf = line.split(':');
      gf[3] = (gf[3] ?? '').split(',').map((m) => (m === name ? newName : m)).join(',');
      return gf.join(':');
    });
  }
  passwd.lines[i] = f.join(':');
  save(ctx, passwd);
  save(ctx, group);
  return 0;
}

export async function userdel(ctx: ProgramContext): Promise<number> {
  const args = await accountArgs(ctx, 'userdel', { short: 'fr', long: { force: 'f', remove: 'r' } }, 'Usage: userdel [options] LOGIN\n');
  if (typeof args === 'number') return args;
  const { o, name } = args;
  if (await locked(ctx, 'userdel', '/etc/passwd')) return 1;
  const passwd = load(ctx, '/etc/passwd');
  const group = load(ctx, '/etc/group');
  const shadow = load(ctx, '/etc/shadow');
  const i = await findOrSay(ctx, 'userdel', passwd, 'user', name);
  if (i < 0) return 6;
  const [, , , gid, , home] = passwd.lines[i].split(':');
  passwd.lines.splice(i, 1);
  shadow.lines = shadow.lines.filter((l) => field(l, 0) !== name);
  // The user's own group goes with it when nobody else has it as primary group.
  group.lines = group.lines
    .filter((l) => !(field(l, 0) === name && field(l, 2) === gid && !passwd.lines.some((p) => field(p, 3) === gid)))
    .map((l) => {
      const gf = l.split(':');
      gf[3] = (gf[3] ?? '').split(',').filter((m) => m && m !== name).join(',');
      return gf.join(':');
    });
  save(ctx, passwd);
  save(ctx, group);
  save(ctx, shadow);
  if (o.has('r') && home && ctx.fs.exists(home)) removeTree(ctx, home);
  return 0;
}

function removeTree(ctx: ProgramContext, path: string): void {
  if (ctx.fs.lstat(path).kind === 'dir') {
    for (const n of ctx.fs.readdir(path)) removeTree(ctx, `${path}/${n}`);
    ctx.fs.rmdir(path);
  } else ctx.fs.unlink(path);
}

export function registerShadowUtils(): void {
  registerProgram('useradd', useradd);
  registerProgram('groupadd', groupadd);
  registerProgram('usermod', usermod);
  registerProgram('userdel', userdel);
  registerProgram('groupdel', groupdel);
}
