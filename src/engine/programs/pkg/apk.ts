/**
 * Alpine's `apk`: `update` fetches the APKINDEX of each repository in /etc/apk/repositories,
 * `add` (which fetches the indexes itself when none are cached, as apk does) installs packages and
 * their dependencies for real, recording them in /lib/apk/db/installed and /etc/apk/world; `del`
 * removes them. Output follows apk-tools 2.14.
 */
import type { Program, ProgramContext } from '../../process/types';
import { APK, type Pkg } from './catalog';
import { canWrite, fileList, installed, readText, removeFiles, resolve, unpack, writeDb } from './db';

const CACHE = '/var/cache/apk';

function repos(ctx: ProgramContext): string[] {
  const r = readText(ctx, '/etc/apk/repositories').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return r.length ? r : ['https://dl-cdn.alpinelinux.org/alpine/v3.21/main', 'https://dl-cdn.alpinelinux.org/alpine/v3.21/community'];
}

async function locked(ctx: ProgramContext): Promise<boolean> {
  if (canWrite(ctx, '/lib/apk/db')) return false;
  await ctx.stderr.write('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
  return true;
}

async function fetchIndexes(ctx: ProgramContext, keep: boolean): Promise<void> {
  const rs = repos(ctx);
  await ctx.stdout.write(rs.map((r) => `fetch ${r}/x86_64/APKINDEX.tar.gz\n`).join(''));
  await ctx.sys.clock.sleep(800, ctx.signal);
  if (!keep) return;
  ctx.fs.mkdir(CACHE, { recursive: true });
  rs.forEach((r, i) => ctx.fs.writeFile(`${CACHE}/APKINDEX.${(0x5b1e7f3a + i * 0x1111).toString(16)}.tar.gz`, `simulated index of ${r}\n`));
}

function cached(ctx: ProgramContext): boolean {
  try {
    return ctx.fs.readdir(CACHE).some((f) => f.startsWith('APKINDEX.'));
  } catch {
    return false;
  }
}

function ok(ctx: ProgramContext): string {
  const have = installed(ctx, 'apk');
  const kb = [...have.values()].reduce((a, i) => a + i.kb, 0);
  return `OK: ${Math.round(kb / 1024)} MiB in ${have.size} packages\n`;
}

const TRIGGER = 'Executing busybox-1.37.0-r12.trigger\n';

function world(ctx: ProgramContext, add: string[], del: string[]): void {
  const cur = readText(ctx, '/etc/apk/world').split('\n').filter(Boolean);
  const next = [...new Set([...cur.filter((n) => !del.includes(n)), ...add])].sort();
  ctx.fs.mkdir('/etc/apk', { recursive: true });
  ctx.fs.writeFile('/etc/apk/world', next.join('\n') + '\n');
}

async function add(ctx: ProgramContext, names: string[], noCache: boolean): Promise<number> {
  if (await locked(ctx)) return 99;
  if (noCache || !cached(ctx)) await fetchIndexes(ctx, !noCache);
  const have = installed(ctx, 'apk');
  const r = resolve('apk', names, have);
  if (r.missing !== undefined) {
    await ctx.stderr.write(`ERROR: unable to select packages:\n  ${r.missing} (no such package):\n    required by: world[${r.missing}]\n`);
    return 1;
  }
  const done: { pkg: Pkg; files: string[] }[] = [];
  for (const [i, p] of r.order.entries()) {
    await ctx.stdout.write(`(${i + 1}/${r.order.length}) Installing ${p.name} (${p.version})\n`);
    done.push({ pkg: p, files: unpack(ctx, p) });
  }
  if (done.length) {
    await ctx.sys.clock.sleep(200 + done.length * 50, ctx.signal);
    writeDb(ctx, 'apk', done);
    await ctx.stdout.write(TRIGGER);
  }
  world(ctx, r.wanted.map((p) => p.name), []);
  await ctx.stdout.write(ok(ctx));
  return 0;
}

async function del(ctx: ProgramContext, names: string[]): Promise<number> {
  if (await locked(ctx)) return 99;
  const have = installed(ctx, 'apk');
  const missing = names.filter((n) => !have.has(n));
  if (missing.length) {
    for (const n of missing) await ctx.stderr.write(`WARNING: No such package ${n} in world\n`);
  }
  // The named packages, then dependencies no other installed package or world entry still needs.
  const worldNow = readText(ctx, '/etc/apk/world').split('\n').filter((n) => n && !names.includes(n));
  const gone = new Set(names.filter((n) => have.has(n)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of [...gone]) {
      for (const d of APK[n]?.deps ?? []) {
        if (gone.has(d) || !have.has(d) || worldNow.includes(d)) continue;
        const needed = [...have.keys()].some((o) => !gone.has(o) && o !== d && APK[o]?.deps.includes(d));
        if (!needed) {
          gone.add(d);
          changed = true;
        }
      }
    }
  }
  const list = [...gone];
  for (const [i, n] of list.entries()) {
    await ctx.stdout.write(`(${i + 1}/${list.length}) Purging ${n} (${have.get(n)!.version})\n`);
    removeFiles(ctx, fileList(ctx, 'apk', n));
  }
  if (list.length) {
    writeDb(ctx, 'apk', [], list);
    await ctx.stdout.write(TRIGGER);
  }
  world(ctx, [], names);
  await ctx.stdout.write(ok(ctx));
  return 0;
}

export const apk: Program = async (outer) => {
  const args = outer.argv.slice(1);
  // -q / --quiet: apk prints only errors.
  const quiet = args.some((a) => a === '--quiet' || /^-\w*q/.test(a));
  const ctx = quiet ? { ...outer, stdout: { isTTY: outer.stdout.isTTY, close: () => outer.stdout.close(), write: async () => {} } } : outer;
  const noCache = args.includes('--no-cache');
  const [cmd, ...names] = args.filter((a) => !a.startsWith('-'));
  switch (cmd) {
    case 'update': {
      if (await locked(ctx)) return 99;
      await fetchIndexes(ctx, true);
      const rs = repos(ctx);
      const ver = readText(ctx, '/etc/alpine-release').trim() || '3.21.3';
      await ctx.stdout.write(rs.map((r, i) => `v${ver}-${83 + i}-g${(0x0c9b8a5e2 + i * 0x1d3f).toString(16).slice(0, 10)} [${r}]\n`).join('') + 'OK: 25393 distinct packages available\n');
      return 0;
    }
    case 'add':
      if (!names.length) {
        await ctx.stderr.write('ERROR: apk add: No packages specified\n');
        return 1;
      }
      return add(ctx, names, noCache);
    case 'del':
      return del(ctx, names);
    case 'info': {
      const have = installed(ctx, 'apk');
      await ctx.stdout.write([...have.keys()].map((n) => n + '\n').join(''));
      return 0;
    }
    case undefined:
      await ctx.stdout.write('apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n\nPackage installation and removal:\n  add        Add packages to WORLD and commit changes\n  del        Remove packages from WORLD and commit changes\n\nSystem maintenance:\n  update     Update repository indexes\n  info       Give detailed information about packages or repositories\n');
      return 1;
  }
  await ctx.stderr.write(`apk: the simulator supports apk update, add, del and info\n`);
  return 1;
};
