/**
 * `yum` (and `dnf`, which prints the same here) on CentOS images: `install [-y] PKG…` with yum's
 * transaction table, the `Is this ok [y/d/N]:` question (default No), real files, and the rpm
 * database stand-in; `remove` undoes it. Packages only in EPEL are "not available", as on a bare
 * CentOS.
 */
import type { Program, ProgramContext } from '../../process/types';
import { readLines } from '../../../lib/read-stream';
import { RPM, type Pkg } from './catalog';
import { canWrite, fileList, installed, removeFiles, resolve, unpack, writeDb } from './db';

const RULE = '='.repeat(80) + '\n';
const k = (kb: number) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} M` : `${kb} k`);
const ver = (p: Pkg) => p.version.replace(/^\d+:/, '');

function table(title: string, pkgs: Pkg[]): string {
  let out = RULE + ` ${'Package'.padEnd(15)} ${'Arch'.padEnd(16)} ${'Version'.padEnd(27)} ${'Repository'.padEnd(10)} ${'Size'.padStart(5)}\n` + RULE + `${title}:\n`;
  for (const p of pkgs) out += ` ${p.name.padEnd(15)} ${'x86_64'.padEnd(16)} ${ver(p).padEnd(27)} ${'base'.padEnd(10)} ${k(p.dl).padStart(5)}\n`;
  return out;
}

async function ask(ctx: ProgramContext, yes: boolean): Promise<boolean> {
  if (yes) return true;
  await ctx.stdout.write('Is this ok [y/d/N]: ');
  const { value } = await readLines(ctx.stdin, ctx.signal).next();
  if (typeof value === 'string' && !ctx.stdin.isTTY) await ctx.stdout.write(value + '\n');
  if (typeof value === 'string' && /^y(es)?$/i.test(value.trim())) return true;
  await ctx.stdout.write(typeof value === 'string' ? 'Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.sim.yumtx\n' : '\nExiting on user command\n');
  return false;
}

const PREAMBLE = 'Loaded plugins: fastestmirror, ovl\nDetermining fastest mirrors\n * base: mirror.centos.org\n * extras: mirror.centos.org\n * updates: mirror.centos.org\n';

async function install(ctx: ProgramContext, names: string[], yes: boolean): Promise<number> {
  await ctx.stdout.write(PREAMBLE);
  const have = installed(ctx, 'rpm');
  const avail = names.filter((n) => RPM[n] || have.has(n) || resolve('rpm', [n], new Map()).missing === undefined);
  for (const n of names.filter((x) => !avail.includes(x))) await ctx.stdout.write(`No package ${n} available.\n`);
  for (const n of avail.filter((x) => have.has(x))) await ctx.stdout.write(`Package ${n}-${have.get(n)!.version}.x86_64 already installed and latest version\n`);
  const r = resolve('rpm', avail.filter((n) => !have.has(n)), have);
  if (!r.order.length) {
    await ctx.stdout.write(avail.length ? 'Nothing to do\n' : 'Error: Nothing to do\n');
    return avail.length ? 0 : 1;
  }
  let out = 'Resolving Dependencies\n--> Running transaction check\n';
  for (const p of r.order) out += `---> Package ${p.name}.x86_64 ${p.version.includes(':') ? '' : '0:'}${p.version} will be installed\n`;
  out += '--> Finished Dependency Resolution\n\nDependencies Resolved\n\n';
  const deps = r.order.filter((p) => !r.wanted.includes(p));
  out += table('Installing', r.order.filter((p) => r.wanted.includes(p)));
  if (deps.length) out += 'Installing for dependencies:\n' + deps.map((p) => ` ${p.name.padEnd(15)} ${'x86_64'.padEnd(16)} ${ver(p).padEnd(27)} ${'base'.padEnd(10)} ${k(p.dl).padStart(5)}\n`).join('');
  const n = r.order.length;
  out += `\nTransaction Summary\n${RULE}Install  ${r.wanted.length} Package${deps.length ? ` (+${deps.length} Dependent package${deps.length > 1 ? 's' : ''})` : ''}\n\n`;
  out += `Total download size: ${k(r.order.reduce((a, p) => a + p.dl, 0))}\nInstalled size: ${k(r.order.reduce((a, p) => a + p.kb, 0))}\n`;
  await ctx.stdout.write(out);
  if (!(await ask(ctx, yes))) return 1;
  await ctx.stdout.write('Downloading packages:\nRunning transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n');
  const done: { pkg: Pkg; files: string[] }[] = [];
  for (const [i, p] of r.order.entries()) {
    await ctx.stdout.write(`  Installing : ${`${p.name}-${ver(p)}.x86_64`.padEnd(60)} ${i + 1}/${n}\n`);
    done.push({ pkg: p, files: unpack(ctx, p) });
  }
  writeDb(ctx, 'rpm', done);
  await ctx.stdout.write(r.order.map((p, i) => `  Verifying  : ${`${p.name}-${ver(p)}.x86_64`.padEnd(60)} ${i + 1}/${n}\n`).join(''));
  await ctx.stdout.write(`\nInstalled:\n${r.wanted.map((p) => `  ${p.name}.x86_64 ${p.version.includes(':') ? '' : '0:'}${p.version}`).join(' ')}\n\n`);
  if (deps.length) await ctx.stdout.write(`Dependency Installed:\n${deps.map((p) => `  ${p.name}.x86_64 ${p.version.includes(':') ? '' : '0:'}${p.version}`).join(' ')}\n\n`);
  await ctx.stdout.write('Complete!\n');
  return 0;
}

async function remove(ctx: ProgramContext, names: string[], yes: boolean): Promise<number> {
  await ctx.stdout.write('Loaded plugins: fastestmirror, ovl\n');
  const have = installed(ctx, 'rpm');
  const gone = names.filter((n) => have.has(n));
  for (const n of names.filter((x) => !have.has(x))) await ctx.stdout.write(`No Match for argument: ${n}\n`);
  if (!gone.length) {
    await ctx.stdout.write('No Packages marked for removal\n');
    return 0;
  }
  await ctx.stdout.write(`Resolving Dependencies\n--> Running transaction check\n${gone.map((n) => `---> Package ${n}.x86_64 0:${have.get(n)!.version} will be erased\n`).join('')}--> Finished Dependency Resolution\n\nDependencies Resolved\n\nTransaction Summary\n${RULE}Remove  ${gone.length} Package${gone.length > 1 ? 's' : ''}\n\n`);
  if (!(await ask(ctx, yes))) return 1;
  for (const n of gone) removeFiles(ctx, fileList(ctx, 'rpm', n));
  writeDb(ctx, 'rpm', [], gone);
  await ctx.stdout.write(`Running transaction\n\nRemoved:\n${gone.map((n) => `  ${n}.x86_64 0:${have.get(n)!.version}`).join(' ')}\n\nComplete!\n`);
  return 0;
}

export const yum: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const yes = args.some((a) => a === '-y' || a === '--assumeyes');
  const [cmd, ...names] = args.filter((a) => !a.startsWith('-'));
  if (cmd && cmd !== 'list' && cmd !== 'info' && !canWrite(ctx, '/var/lib/rpm')) {
    await ctx.stderr.write('You need to be root to perform this command.\n');
    return 1;
  }
  switch (cmd) {
    case 'install':
      return install(ctx, names, yes);
    case 'remove':
    case 'erase':
      return remove(ctx, names, yes);
    case 'update':
    case 'upgrade':
      await ctx.stdout.write(PREAMBLE + 'No packages marked for update\n');
      return 0;
    case 'clean':
      await ctx.stdout.write('Loaded plugins: fastestmirror, ovl\nCleaning repos: base extras updates\nCleaning up list of fastest mirrors\n');
      return 0;
    case 'list': {
      const have = installed(ctx, 'rpm');
      await ctx.stdout.write('Loaded plugins: fastestmirror, ovl\nInstalled Packages\n' + [...have].map(([n, i]) => `${`${n}.x86_64`.padEnd(40)}${i.version.padEnd(27)}@CentOS\n`).join(''));
      return 0;
    }
  }
  await ctx.stderr.write(cmd ? `No such command: ${cmd}. Please use /usr/bin/yum --help\n` : 'Loaded plugins: fastestmirror, ovl\nYou need to give some command\n');
  return 1;
};
