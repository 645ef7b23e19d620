/**
 * `apt-mark`: dpkg's hold selection and apt's record of which packages were installed only as
 * dependencies. `hold`/`unhold` change the package's `Status:` line in /var/lib/dpkg/status
 * (`hold ok installed`), as `dpkg --set-selections` does for apt-mark; `auto`/`manual` edit
 * /var/lib/apt/extended_states (what autoremove reads); `showhold`, `showauto`, `showmanual` list
 * them. Wording from apt-mark.cc (apt 2.x).
 */
import type { Program, ProgramContext } from '../../process/types';
import { autoInstalled, hasLists, writeAuto } from './apt';
import { canWrite, catalogOf, installed, writeDb } from './db';

const USAGE = 'Usage: apt-mark [options] {auto|manual} pkg1 [pkg2 ...]\n\napt-mark is a simple command line interface for marking packages\nas manually or automatically installed. It can also be used to\nmanipulate the dpkg(1) selection states of packages, and to list\nall packages with or without a certain marking.\n\nMost used commands:\n  auto - Mark the given packages as automatically installed\n  manual - Mark the given packages as manually installed\n  minimize-manual - Mark all dependencies of meta packages as automatically installed.\n  hold - Mark a package as held back\n  unhold - Unset a package set as held back\n  showauto - Print the list of automatically installed packages\n  showmanual - Print the list of manually installed packages\n  showhold - Print the list of packages on hold\n';

export const aptMark: Program = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [cmd, ...names] = args;
  const have = installed(ctx, 'deb');
  const auto = autoInstalled(ctx);
  // apt-mark knows a package from the lists (or because it is installed).
  const cat = catalogOf(ctx, 'deb');
  for (const n of names) {
    if (!have.has(n) && !(hasLists(ctx) && cat[n]) && !cmd?.startsWith('show')) {
      await ctx.stderr.write(`E: Unable to locate package ${n}\n`);
      return 100;
    }
  }
  const show = async (list: string[]) => {
    const picked = names.length ? list.filter((n) => names.includes(n)) : list;
    await ctx.stdout.write(picked.sort().map((n) => n + '\n').join(''));
    return 0;
  };
  switch (cmd) {
    case 'showhold':
      return show([...have].filter(([, i]) => i.hold).map(([n]) => n));
    case 'showauto':
      return show([...have.keys()].filter((n) => auto.has(n)));
    case 'showmanual':
      return show([...have.keys()].filter((n) => !auto.has(n)));
    case 'hold':
    case 'unhold':
      return hold(ctx, names, cmd === 'hold');
    case 'auto':
    case 'manual': {
      if (!names.length) return noPackages(ctx);
      let out = '';
      const wantAuto = cmd === 'auto';
      let changed = false;
      for (const n of names) {
        if (!have.has(n)) out += `${n} can not be marked as it is not installed.\n`;
        else if (auto.has(n) === wantAuto) out += `${n} was already set to ${wantAuto ? 'automatically' : 'manually'} installed.\n`;
        else {
          out += `${n} set to ${wantAuto ? 'automatically' : 'manually'} installed.\n`;
          if (wantAuto) auto.add(n);
          else auto.delete(n);
          changed = true;
        }
      }
      if (changed && !canWrite(ctx, '/var/lib/apt')) {
        await ctx.stderr.write('E: Could not create temporary file for /var/lib/apt/extended_states - mkstemp (13: Permission denied)\nE: Failed to write temporary StateFile /var/lib/apt/extended_states\n');
        return 100;
      }
      await ctx.stdout.write(out);
      if (changed) writeAuto(ctx, auto);
      return 0;
    }
    case undefined:
      await ctx.stdout.write(USAGE);
      return 1;
  }
  await ctx.stderr.write(`E: Invalid operation ${cmd}\n`);
  return 100;
};

async function noPackages(ctx: ProgramContext): Promise<number> {
  await ctx.stderr.write('E: No packages found\n');
  return 100;
}

async function hold(ctx: ProgramContext, names: string[], on: boolean): Promise<number> {
  if (!names.length) return noPackages(ctx);
  const have = installed(ctx, 'deb');
  let out = '';
  const change = new Map<string, boolean>();
  for (const n of names) {
    const isHeld = have.get(n)?.hold ?? false;
    if (isHeld === on) out += on ? `${n} was already set on hold.\n` : `${n} was already not on hold.\n`;
    else {
      out += on ? `${n} set on hold.\n` : `Canceled hold on ${n}.\n`;
      change.set(n, on);
    }
  }
  // apt-mark hands the selections to dpkg, which wants root.
  if (change.size && !canWrite(ctx, '/var/lib/dpkg')) {
    await ctx.stderr.write('dpkg: error: requested operation requires superuser privilege\nE: Executing dpkg failed. Are you root?\n');
    return 100;
  }
  await ctx.stdout.write(out);
  if (change.size) writeDb(ctx, 'deb', [], [], change);
  return 0;
}
