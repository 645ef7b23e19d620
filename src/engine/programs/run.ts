/**
 * Programs that run other programs: xargs (GNU: -n -I -0 -d -r -t -L), sudo (runs as root with no
 * password, as the learner's account is set up; `sudo -i` / `sudo -s` / `sudo su` start a root
 * shell) and su (root may become anyone; others fail authentication, as there are no passwords).
 */
import type { ProgramContext } from '../process/types';
import type { Cred } from '../../api/fs';
import { GNU, type Flavour } from './lib/opts';
import { Io, Users, decode, q } from './lib/io';
import { runCommand } from './lib/spawn';

/** xargs's default splitting: blanks and newlines, with '…', "…" and backslash quoting. */
function splitArgs(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (c === "'" || c === '"') {
      const j = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (j < 0 || (nl >= 0 && nl < j)) return `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      cur += text.slice(i + 1, j);
      has = true;
      i = j;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export async function xargs(ctx: ProgramContext, fl: Flavour = GNU): Promise<number> {
  const io = new Io(ctx, 'xargs', fl);
  const p = await io.parse({ short: 'n:I:i::0d:rtL:P:s:x', long: { 'max-args': 'n=', replace: 'i=?', null: '0', delimiter: 'd=', 'no-run-if-empty': 'r', verbose: 't', 'max-lines': 'L=', 'max-procs': 'P=', 'max-chars': 's=' }, stopAtOperand: true }, 'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nRun COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n');
  if (typeof p === 'number') return p;
  const cmd = p.operands.length ? p.operands : ['echo'];
  const text = decode(await io.readStdin());
  const replace = p.has('I') ? p.get('I')! : p.has('i') ? p.get('i') || '{}' : undefined;
  let items: string[];
  if (p.has('0')) items = text.split('\0').filter((s, i, a) => s !== '' || i < a.length - 1);
  else if (p.has('d')) {
    const d = p.get('d')!.replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
    items = text.split(d);
    if (items[items.length - 1] === '' || items[items.length - 1] === '\n') items.pop();
  } else if (replace !== undefined) items = text.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
  else {
    const r = splitArgs(text);
    if (typeof r === 'string') {
      await io.err(r);
      return 1;
    }
    items = r;
  }
  const n = p.has('n') ? Number(p.get('n')) : p.has('L') ? Number(p.get('L')) : undefined;
  if (n !== undefined && !(n >= 1)) {
    await io.err(`value ${q(p.get('n') ?? p.get('L')!)} for -${p.has('n') ? 'n' : 'L'} option should be >= 1`);
    return 1;
  }
  const batches: string[][] = [];
  if (replace !== undefined) for (const it of items) batches.push(cmd.map((a) => a.split(replace).join(it)));
  else if (items.length === 0) {
    if (!p.has('r')) batches.push([...cmd]);
  } else {
    const per = n ?? items.length;
    for (let i = 0; i < items.length; i += per) batches.push([...cmd, ...items.slice(i, i + per)]);
  }
  let status = 0;
  for (const argv of batches) {
    if (ctx.signal.aborted) break;
    if (p.has('t')) await ctx.stderr.write(argv.join(' ') + '\n');
    const r = await runCommand(ctx, argv, { stdin: { isTTY: false, read: async () => null, close() {} } });
    if ('error' in r) {
      await io.err(`${argv[0]}: ${r.message}`);
      return r.error === 'ENOENT' ? 127 : 126;
    }
    if (r.status === 255) {
      await io.err(`${argv[0]}: exited with status 255; aborting`);
      return 124;
    }
    if (r.status > 128) {
      await io.err(`${argv[0]}: terminated by signal ${r.status - 128}`);
      return 125;
    }
    if (r.status !== 0) status = 123;
  }
  return status;
}

const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin';

function loginEnv(ctx: ProgramContext, name: string, home: string, shell: string, keep: boolean): Record<string, string> {
  const base: Record<string, string> = keep ? { ...ctx.env } : {};
  for (const k of ['TERM', 'LANG', 'LC_ALL', 'COLUMNS', 'LINES', 'DISPLAY']) if (ctx.env[k] !== undefined) base[k] = ctx.env[k];
  return { ...base, HOME: home, USER: name, LOGNAME: name, SHELL: shell, PATH: SECURE_PATH, MAIL: `/var/mail/${name}`, SUDO_USER: ctx.env.USER ?? 'user', SUDO_UID: String(ctx.fs.cred.uid), SUDO_GID: String(ctx.fs.cred.gid) };
}

function shellFor(ctx: ProgramContext, wanted: string | undefined, env: Record<string, string>): string {
  for (const s of [wanted, '/bin/bash', '/bin/sh']) if (s && ctx.sys.which(s, env, ctx.fs)) return s;
  return '/bin/sh';
}

export async function sudo(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'sudo');
  const p = await io.parse({ short: 'u:g:iEsnkKvlHSbh', long: { user: 'u=', group: 'g=', login: 'i', 'preserve-env': 'E', shell: 's', 'non-interactive': 'n', 'reset-timestamp': 'k', 'remove-timestamp': 'K', validate: 'v', list: 'l', stdin: 'S' }, stopAtOperand: true }, 'sudo - execute a command as another user\n\nusage: sudo -h | -K | -k | -V\nusage: sudo [-u user] [command [arg ...]]\n');
  if (typeof p === 'number') return p;
  if (p.has('k') || p.has('K') || p.has('v')) return 0;
  const users = new Users(ctx.fs);
  const who = p.get('u') ?? 'root';
  const u = users.user(who.replace(/^#/, '')) ?? users.passwd.find((e) => '#' + e.id === who);
  if (!u) {
    await io.err(`unknown user ${who}`);
    return 1;
  }
  const cred: Cred = { uid: u.id, gid: u.gid ?? u.id, groups: [u.gid ?? u.id, ...users.group.filter((g) => g.members?.includes(u.name)).map((g) => g.id)] };
  if (p.has('l')) {
    await io.out(`User ${ctx.env.USER ?? 'user'} may run the following commands on ${ctx.sys.hostname()}:\n    (ALL : ALL) NOPASSWD: ALL\n`);
    return 0;
  }
  const home = u.home ?? (u.id === 0 ? '/root' : `/home/${u.name}`);
  const env = loginEnv(ctx, u.name, home, '/bin/bash', p.has('E'));
  let argv = p.operands;
  let cwd = ctx.fs.cwd;
  if (p.has('i') || p.has('s')) {
    const sh = shellFor(ctx, p.has('s') ? ctx.env.SHELL : undefined, env);
    if (p.has('i')) cwd = home;
    // A login shell is started as '-bash' (argv[0] with a dash), with its real path given apart.
    const shArgv = argv.length ? [sh, '-c', argv.join(' ')] : [p.has('i') ? '-' + sh.split('/').pop() : sh];
    return runShell(ctx, sh, shArgv, env, cwd, cred);
  }
  if (!argv.length) {
    await ctx.stderr.write('usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]\nusage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]\n');
    return 1;
  }
  const r = await runCommand(ctx, argv, { env, cred, cwd });
  if ('status' in r) return r.status;
  await io.err(`${argv[0]}: command not found`);
  return 1;
}

async function runShell(ctx: ProgramContext, sh: string, argv: string[], env: Record<string, string>, cwd: string, cred: Cred): Promise<number> {
  try {
    const child = await ctx.sys.spawn({ argv, path: sh, env, cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, cred });
    return await child.wait();
  } catch (e) {
    await ctx.stderr.write(`sudo: ${sh}: ${e instanceof Error ? e.message : e}\n`);
    return 1;
  }
}

export async function su(ctx: ProgramContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const login = args.includes('-') || args.includes('-l') || args.includes('--login');
  const ci = args.indexOf('-c');
  const command = ci >= 0 ? args[ci + 1] : undefined;
  const name = args.filter((a, i) => !a.startsWith('-') && i !== ci + 1 || (ci < 0 && !a.startsWith('-')))[0] ?? 'root';
  const users = new Users(ctx.fs);
  const u = users.user(name);
  if (!u) {
    await ctx.stderr.write(`su: user ${name} does not exist or the user entry does not contain all the required fields\n`);
    return 1;
  }
  if (ctx.fs.cred.uid !== 0) {
    await ctx.stdout.write('Password: \n');
    await ctx.stderr.write('su: Authentication failure\n');
    return 1;
  }
  const cred: Cred = { uid: u.id, gid: u.gid ?? u.id, groups: [u.gid ?? u.id, ...users.group.filter((g) => g.members?.includes(u.name)).map((g) => g.id)] };
  const home = u.home ?? '/';
  const env = login ? loginEnv(ctx, u.name, home, '/bin/bash', false) : { ...ctx.env, HOME: home, USER: u.name, LOGNAME: u.name };
  const sh = shellFor(ctx, undefined, env);
  const argv = command !== undefined ? [sh, '-c', command] : [login ? '-' + sh.split('/').pop() : sh.split('/').pop()!];
  return runShell(ctx, sh, argv, env, login ? home : ctx.fs.cwd, cred);
}
