/**
 * `apt-get` and `apt` on Debian and Ubuntu images. `update` fetches the package lists (written to
 * /var/lib/apt/lists, which the Docker images ship empty: hence `E: Unable to locate package` before
 * an update); `install` resolves dependencies from the catalogue, asks `Do you want to continue?
 * [Y/n]` on stdin unless -y, then really unpacks each package's files and records it in
 * /var/lib/dpkg/status. `remove`/`purge` undo that. Output follows apt 2.6's wording.
 */
import type { Program, ProgramContext } from '../../process/types';
import { readLines } from '../../../lib/read-stream';
import type { Pkg } from './catalog';
import { LISTS, readSources, update } from './apt-update';
import { releaseOf } from './releases';
import { aptSize, canWrite, catalogOf, fileList, installed, readText, removeFiles, resolve, unpack, writeDb } from './db';


/** Where packages download from: the first source (the release's main archive). */
function mirror(ctx: ProgramContext): { url: string; codename: string } {
  const first = readSources(ctx)[0];
  return { url: first?.uri ?? 'http://deb.debian.org/debian', codename: first?.suite ?? releaseOf(readText(ctx, '/etc/os-release')).codename };
}

async function locked(ctx: ProgramContext, frontend = true): Promise<boolean> {
  if (canWrite(ctx, '/var/lib/dpkg')) return false;
  const lock = frontend ? '/var/lib/dpkg/lock-frontend' : '/var/lib/apt/lists/lock';
  await ctx.stderr.write(
    frontend
      ? `E: Could not open lock file ${lock} - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (${lock}), are you root?\n`
      : `E: Could not open lock file ${lock} - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n`,
  );
  return true;
}

export function hasLists(ctx: ProgramContext): boolean {
  try {
    return ctx.fs.readdir(LISTS).some((f) => f.endsWith('_Packages'));
  } catch {
    return false;
  }
}

/** apt's package-name blocks: two-space indent, wrapped before 80 columns. */
function wrap(names: string[]): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const n of names) {
    if (cur.length + n.length + 1 > 79 && cur.trim()) {
      lines.push(cur);
      cur = ' ';
    }
    cur += ' ' + n;
  }
  return [...lines, cur].join('\n') + '\n';
}

/** apt's progress lines: without a terminal apt is quiet (-q) and leaves out the " Done". */
const head = (ctx: ProgramContext) => ['Reading package lists...', 'Building dependency tree...', 'Reading state information...'].map((l) => (ctx.stdout.isTTY ? `${l} Done\n` : `${l}\n`)).join('');

/** apt's record of packages installed only as dependencies (what autoremove may take away). */
const EXTENDED = '/var/lib/apt/extended_states';

export function autoInstalled(ctx: ProgramContext): Set<string> {
  return new Set([...readText(ctx, EXTENDED).matchAll(/^Package: (\S+)\nArchitecture: \S+\nAuto-Installed: 1$/gm)].map((m) => m[1]));
}

export function writeAuto(ctx: ProgramContext, names: Set<string>): void {
  ctx.fs.mkdir('/var/lib/apt', { recursive: true });
  ctx.fs.writeFile(EXTENDED, [...names].sort().map((n) => `Package: ${n}\nArchitecture: amd64\nAuto-Installed: 1\n`).join('\n'));
}

/** Auto-installed packages nothing manually installed still needs, once `gone` are removed. */
function unneeded(cat: Record<string, Pkg>, have: Map<string, unknown>, auto: Set<string>, gone: Set<string>): string[] {
  const needed = new Set<string>();
  const walk = (n: string) => {
    if (needed.has(n)) return;
    needed.add(n);
    for (const d of cat[n]?.deps ?? []) walk(d);
  };
  for (const n of have.keys()) if (!gone.has(n) && !auto.has(n)) walk(n);
  return [...have.keys()].filter((n) => auto.has(n) && !gone.has(n) && !needed.has(n));
}

/** The [Y/n] question, answered from stdin (EOF counts as "yes", as apt treats an empty line). */
async function confirm(ctx: ProgramContext): Promise<boolean> {
  await ctx.stdout.write('Do you want to continue? [Y/n] ');
  const { value } = await readLines(ctx.stdin, ctx.signal).next();
  if (typeof value !== 'string') {
    await ctx.stdout.write('\n');
    return true;
  }
  if (!ctx.stdin.isTTY) await ctx.stdout.write(value + '\n');
  const a = value.trim().toLowerCase();
  return a === '' || a === 'y' || a === 'yes';
}

async function install(ctx: ProgramContext, names: string[], yes: boolean): Promise<number> {
  if (await locked(ctx)) return 100;
  await ctx.stdout.write(head(ctx));
  const have = installed(ctx, 'deb');
  const r = hasLists(ctx) ? resolve('deb', names, have, catalogOf(ctx, 'deb')) : { wanted: [], order: [], missing: names[0], selected: [] };
  if (r.missing !== undefined) {
    await ctx.stderr.write(`E: Unable to locate package ${r.missing}\n`);
    return 100;
  }
  let out = r.selected.map(([a, b]) => `Note, selecting '${b}' instead of '${a}'\n`).join('');
  const autoBefore = autoInstalled(ctx);
  for (const p of r.wanted) {
    if (!have.has(p.name)) continue;
    out += `${p.name} is already the newest version (${p.version}).\n`;
    // Asking for a package by name makes it manually installed (autoremove leaves it).
    if (autoBefore.delete(p.name)) {
      out += `${p.name} set to manually installed.\n`;
      writeAuto(ctx, autoBefore);
    }
  }
  if (!r.order.length) {
    await ctx.stdout.write(out + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const extra = r.order.filter((p) => !r.wanted.includes(p)).map((p) => p.name).sort();
  if (extra.length) out += 'The following additional packages will be installed:\n' + wrap(extra);
  out += 'The following NEW packages will be installed:\n' + wrap(r.order.map((p) => p.name).sort());
  const dl = r.order.reduce((a, p) => a + p.dl, 0) * 1000;
  const size = r.order.reduce((a, p) => a + p.kb, 0) * 1000;
  out += `0 upgraded, ${r.order.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${aptSize(dl)} of archives.\nAfter this operation, ${aptSize(size)} of additional disk space will be used.\n`;
  await ctx.stdout.write(out);
  // apt asks only when it installs more than was asked for; -y answers for it.
  if (!yes && extra.length && !(await confirm(ctx))) {
    await ctx.stdout.write('Abort.\n');
    return 1;
  }
  const m = mirror(ctx);
  await ctx.stdout.write(r.order.map((p, i) => `Get:${i + 1} ${m.url} ${m.codename}/main amd64 ${p.name} amd64 ${p.version} [${aptSize(p.dl * 1000)}]\n`).join(''));
  await ctx.sys.clock.sleep(Math.min(5000, 200 + dl / 10_000), ctx.signal);
  await ctx.stdout.write(`Fetched ${aptSize(dl)} in 1s (${aptSize(dl)}/s)\ndebconf: delaying package configuration, since apt-utils is not installed\n`);
  const done: { pkg: Pkg; files: string[] }[] = [];
  let first = true;
  for (const p of r.order) {
    const count = 6000 + have.size * 90 + done.length * 40;
    const reading = first ? `(Reading database ... ${count} files and directories currently installed.)\n` : '';
    first = false;
    await ctx.stdout.write(`Selecting previously unselected package ${p.name}.\n${reading}Preparing to unpack .../${String(done.length).padStart(2, '0')}-${p.name}_${p.version.replace(/^\d+:/, '')}_amd64.deb ...\nUnpacking ${p.name} (${p.version}) ...\n`);
    done.push({ pkg: p, files: unpack(ctx, p) });
  }
  writeDb(ctx, 'deb', done);
  const auto = autoInstalled(ctx);
  for (const p of r.order) if (!r.wanted.includes(p)) auto.add(p.name);
  for (const p of r.wanted) auto.delete(p.name);
  writeAuto(ctx, auto);
  await ctx.stdout.write(r.order.map((p) => `Setting up ${p.name} (${p.version}) ...\n`).join(''));
  return 0;
}

async function remove(ctx: ProgramContext, names: string[], yes: boolean, purge: boolean, autoRemove = false, allowHeld = false): Promise<number> {
  if (await locked(ctx)) return 100;
  await ctx.stdout.write(head(ctx));
  const have = installed(ctx, 'deb');
  const gone = names.filter((n) => have.has(n));
  // --auto-remove / autoremove: also the dependencies that were only there for what goes.
  const auto = autoInstalled(ctx);
  if (autoRemove) gone.push(...unneeded(catalogOf(ctx, 'deb'), have, auto, new Set(gone)));
  for (const n of names.filter((x) => !have.has(x))) {
    if (!catalogOf(ctx, 'deb')[n] && !hasLists(ctx)) {
      await ctx.stderr.write(`E: Unable to locate package ${n}\n`);
      return 100;
    }
    await ctx.stdout.write(`Package '${n}' is not installed, so not removed\n`);
  }
  if (!gone.length) {
    await ctx.stdout.write('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const freed = gone.reduce((a, n) => a + (have.get(n)?.kb ?? 0), 0) * 1000;
  // A package on hold (apt-mark hold) changes only when asked for in full: -y alone refuses.
  const held = gone.filter((n) => have.get(n)?.hold).sort();
  const stats = `0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`;
  await ctx.stdout.write(`The following packages will be REMOVED:\n${wrap([...gone].sort().map((n) => n + (purge ? '*' : '')))}${held.length ? `The following held packages will be changed:\n${wrap(held)}` : ''}${stats}`);
  if (held.length && yes && !allowHeld) {
    await ctx.stderr.write('E: Held packages were changed and -y was used without --allow-change-held-packages.\n');
    return 100;
  }
  await ctx.stdout.write(`After this operation, ${aptSize(freed)} disk space will be freed.\n`);
  if (!yes && !(await confirm(ctx))) {
    await ctx.stdout.write('Abort.\n');
    return 1;
  }
  await ctx.stdout.write(`(Reading database ... ${6000 + have.size * 90} files and directories currently installed.)\n`);
  for (const n of gone) {
    await ctx.stdout.write(`Removing ${n} (${have.get(n)!.version}) ...\n`);
    removeFiles(ctx, fileList(ctx, 'deb', n).filter((f) => purge || !f.startsWith('/etc/')));
  }
  if (purge) for (const n of gone) await ctx.stdout.write(`Purging configuration files for ${n} (${have.get(n)!.version}) ...\n`);
  writeDb(ctx, 'deb', [], gone);
  for (const n of gone) auto.delete(n);
  writeAuto(ctx, auto);
  return 0;
}

export const aptGet: Program = async (outer) => {
  const name = (outer.argv[0] ?? 'apt-get').split('/').pop()!;
  const args = outer.argv.slice(1);
  // -qq (or -q=2): nothing but errors on stdout, as scripts and Dockerfiles use it.
  const silent = args.some((a) => a === '-qq' || a === '-q=2' || a === '--quiet=2' || /^-\w*qq/.test(a));
  const ctx = silent ? { ...outer, stdout: { isTTY: outer.stdout.isTTY, close: () => outer.stdout.close(), write: async () => {} } } : outer;
  if (name === 'apt' && !ctx.stdout.isTTY && args.length) await ctx.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  const yes = args.some((a) => /^-(\w*y\w*|-yes|-assume-yes)$/.test(a));
  const [cmd, ...pkgs] = args.filter((a) => !a.startsWith('-'));
  switch (cmd) {
    case 'update':
      return update(ctx);
    case 'install':
      if (!pkgs.length) {
        if (await locked(ctx)) return 100;
        await ctx.stdout.write(head(ctx) + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      }
      return install(ctx, pkgs, yes);
    case 'remove':
    case 'purge':
      return remove(ctx, pkgs, yes, cmd === 'purge' || args.includes('--purge'), args.includes('--auto-remove') || args.includes('--autoremove'), args.includes('--allow-change-held-packages'));
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      if (await locked(ctx)) return 100;
      await ctx.stdout.write(head(ctx) + (ctx.stdout.isTTY ? 'Calculating upgrade... Done\n' : 'Calculating upgrade...\n') + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    case 'autoremove':
      return remove(ctx, [], yes, args.includes('--purge'), true);
    case 'clean':
    case 'autoclean':
      return 0;
    case 'list': {
      if (name !== 'apt') break;
      const have = installed(ctx, 'deb');
      const code = mirror(ctx).codename;
      const rows = [...have].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, i]) => `${n}/${code},now ${i.version} amd64 [installed]\n`);
      await ctx.stdout.write('Listing... Done\n' + rows.join(''));
      return 0;
    }
    case undefined:
      await ctx.stdout.write(`apt ${releaseOf(readText(ctx, '/etc/os-release')).apt} (amd64)\nUsage: ${name} [options] command\n\nMost used commands:\n  update - Retrieve new lists of packages\n  upgrade - Perform an upgrade\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n  purge - Remove packages and config files\n`);
      return 1;
  }
  await ctx.stderr.write(`E: Invalid operation ${cmd}\n`);
  return 100;
};
