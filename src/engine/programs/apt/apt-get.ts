/**
 * `apt-get` / `apt` on Debian and Ubuntu images: update downloads the package lists, install
 * resolves dependencies from the catalogue and REALLY writes each package's files into the
 * container's filesystem (so `docker diff` shows them and `docker commit` keeps them) and records
 * them in /var/lib/dpkg/status. Output follows apt's own wording.
 */
import type { Program, ProgramContext } from '../../process/types';
import { programMarker } from '../registry';
import { CATALOG, VIRTUAL, type Package } from './catalog';

const LISTS = '/var/lib/apt/lists';

/** apt's SizeToStr: switch units at 10000, one decimal below 100 (`116 kB`, `8032 kB`, `49.7 MB`). */
function kb(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 10000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return v < 100 && i > 0 ? `${v.toFixed(1)} ${units[i]}` : `${Math.round(v)} ${units[i]}`;
}

function distro(ctx: ProgramContext): { mirror: string; suites: string[]; codename: string } {
  let text = '';
  try {
    text = ctx.fs.readText('/etc/os-release');
  } catch {
    /* none */
  }
  const codename = /VERSION_CODENAME=(\S+)/.exec(text)?.[1] ?? 'bookworm';
  if (/ID=ubuntu/.test(text)) {
    return { mirror: 'http://archive.ubuntu.com/ubuntu', codename, suites: [codename, `${codename}-updates`, `${codename}-backports`] };
  }
  return { mirror: 'http://deb.debian.org/debian', codename, suites: [codename, `${codename}-updates`] };
}

function installed(ctx: ProgramContext): Set<string> {
  try {
    return new Set([...ctx.fs.readText('/var/lib/dpkg/status').matchAll(/^Package: (\S+)/gm)].map((m) => m[1]));
  } catch {
    return new Set();
  }
}

async function lockOrFail(ctx: ProgramContext): Promise<boolean> {
  if (ctx.proc.info.cred.uid === 0) return true;
  await ctx.stderr.write(
    'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n' +
      'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
  );
  return false;
}

async function update(ctx: ProgramContext): Promise<number> {
  if (!(await lockOrFail(ctx))) return 100;
  const d = distro(ctx);
  let n = 1;
  let total = 0;
  for (const suite of d.suites) {
    const size = suite === d.codename ? 151_000 : 55_400;
    total += size;
    await ctx.stdout.write(`Get:${n++} ${d.mirror} ${suite} InRelease [${kb(size)}]\n`);
  }
  for (const suite of d.suites) {
    const size = suite === d.codename ? 8_792_000 : 13_500;
    total += size;
    await ctx.stdout.write(`Get:${n++} ${d.mirror} ${suite}/main amd64 Packages [${kb(size)}]\n`);
  }
  await ctx.sys.clock.sleep(1500, ctx.signal);
  ctx.fs.mkdir(LISTS, { recursive: true });
  for (const suite of d.suites) {
    const host = d.mirror.replace(/^https?:\/\//, '').replace(/\//g, '_');
    ctx.fs.writeFile(`${LISTS}/${host}_dists_${suite}_main_binary-amd64_Packages`, Object.keys(CATALOG).map((k) => `Package: ${k}\n`).join('\n'));
  }
  await ctx.stdout.write(`Fetched ${kb(total)} in 2s (${kb(total / 2)}/s)\nReading package lists... Done\n`);
  return 0;
}

function hasLists(ctx: ProgramContext): boolean {
  try {
    return ctx.fs.readdir(LISTS).some((f) => f.endsWith('_Packages'));
  } catch {
    return false;
  }
}

function wrap(names: string[]): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const n of names) {
    if (cur.length + n.length + 1 > 80) {
      lines.push(cur);
      cur = ' ';
    }
    cur += ' ' + n;
  }
  lines.push(cur);
  return lines.join('\n') + '\n';
}

async function install(ctx: ProgramContext, names: string[], yes: boolean): Promise<number> {
  if (!(await lockOrFail(ctx))) return 100;
  await ctx.stdout.write('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
  const have = installed(ctx);
  const wanted: Package[] = [];
  for (const raw of names) {
    const name = VIRTUAL[raw] && !CATALOG[raw] ? VIRTUAL[raw] : raw;
    const pkg = hasLists(ctx) ? CATALOG[name] : undefined;
    if (!pkg) {
      await ctx.stderr.write(`E: Unable to locate package ${raw}\n`);
      return 100;
    }
    if (name !== raw) await ctx.stdout.write(`Note, selecting '${name}' instead of '${raw}'\n`);
    wanted.push(pkg);
  }
  const order: Package[] = [];
  const visit = (p: Package) => {
    if (order.includes(p) || have.has(p.name)) return;
    for (const dep of p.depends) if (CATALOG[dep]) visit(CATALOG[dep]);
    order.push(p);
  };
  wanted.forEach(visit);
  if (!order.length) {
    for (const p of wanted) await ctx.stdout.write(`${p.name} is already the newest version (${p.version}).\n`);
    await ctx.stdout.write('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const extra = order.filter((p) => !wanted.includes(p)).map((p) => p.name).sort();
  if (extra.length) await ctx.stdout.write('The following additional packages will be installed:\n' + wrap(extra));
  await ctx.stdout.write('The following NEW packages will be installed:\n' + wrap(order.map((p) => p.name).sort()));
  const download = order.reduce((a, p) => a + p.download, 0);
  const size = order.reduce((a, p) => a + p.installedKb, 0) * 1000;
  await ctx.stdout.write(
    `0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n` +
      `Need to get ${kb(download)} of archives.\nAfter this operation, ${kb(size)} of additional disk space will be used.\n`,
  );
  if (!yes) {
    await ctx.stdout.write('Do you want to continue? [Y/n] ');
    const chunk = await ctx.stdin.read(ctx.signal);
    const answer = chunk ? new TextDecoder().decode(chunk).trim().toLowerCase() : '';
    if (!chunk) await ctx.stdout.write('\n');
    if (answer !== '' && answer !== 'y' && answer !== 'yes') {
      await ctx.stdout.write('Abort.\n');
      return 1;
    }
  }
  const d = distro(ctx);
  let n = 1;
  for (const p of order) await ctx.stdout.write(`Get:${n++} ${d.mirror} ${d.codename}/main amd64 ${p.name} amd64 ${p.version} [${kb(p.download)}]\n`);
  await ctx.sys.clock.sleep(Math.min(5000, 200 + download / 10_000), ctx.signal);
  await ctx.stdout.write(`Fetched ${kb(download)} in 1s (${kb(download)}/s)\ndebconf: delaying package configuration, since apt-utils is not installed\n`);
  let status = '';
  try {
    status = ctx.fs.readText('/var/lib/dpkg/status');
  } catch {
    /* first package */
  }
  for (const p of order) {
    await ctx.stdout.write(`Selecting previously unselected package ${p.name}.\nPreparing to unpack .../${p.name}_${p.version}_amd64.deb ...\nUnpacking ${p.name} (${p.version}) ...\n`);
    for (const [path, program] of Object.entries(p.programs)) {
      ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      ctx.fs.writeFile(path, programMarker(program), { mode: 0o755 });
      ctx.fs.chmod(path, 0o755);
    }
    for (const [path, text] of Object.entries(p.files ?? {})) {
      ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      ctx.fs.writeFile(path, text);
    }
    status += `Package: ${p.name}\nStatus: install ok installed\nPriority: optional\nSection: ${p.section}\nInstalled-Size: ${p.installedKb}\nArchitecture: amd64\nVersion: ${p.version}\n\n`;
  }
  ctx.fs.mkdir('/var/lib/dpkg', { recursive: true });
  ctx.fs.writeFile('/var/lib/dpkg/status', status);
  for (const p of order) await ctx.stdout.write(`Setting up ${p.name} (${p.version}) ...\n`);
  return 0;
}

export const aptGet: Program = async (ctx) => {
  const name = ctx.argv[0].split('/').pop()!;
  if (name === 'apt' && !ctx.stdout.isTTY) await ctx.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  const args = ctx.argv.slice(1);
  const yes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || a === '-qy' || a === '-yq');
  const words = args.filter((a) => !a.startsWith('-'));
  const [cmd, ...pkgs] = words;
  switch (cmd) {
    case 'update':
      return update(ctx);
    case 'install':
      if (!pkgs.length) {
        await ctx.stdout.write('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      }
      return install(ctx, pkgs, yes);
    case 'clean':
    case 'autoclean':
      return 0;
    case undefined:
      await ctx.stdout.write(`apt 2.6.1 (amd64)\nUsage: ${name} [options] command\n`);
      return 0;
    default:
      await ctx.stderr.write(`E: Invalid operation ${cmd}\n`);
      return 100;
  }
};
