/**
 * `busybox`: one binary, many programs. Real BusyBox picks the applet from the name it was run as
 * (`/bin/ls` is a link to `/bin/busybox`, so argv[0] is `ls`) or from its first argument
 * (`busybox ls`). Applets whose output differs from GNU have their own code here (ls, ps, top,
 * free, df, wget, ping, vi, adduser, addgroup); the rest run the shared GNU implementations with
 * the BUSYBOX option flavour and BusyBox's error wording (`wording.ts`).
 */
import type { Program, ProgramContext } from '../../process/types';
import { getProgram, registerProgram } from '../registry';
import { COREUTILS } from '../coreutils';
import { BUSYBOX, type Flavour } from '../lib/opts';
import { BUSYBOX_BIN, BUSYBOX_SBIN, BUSYBOX_USR_BIN, BUSYBOX_USR_SBIN } from '../../registry/distros';
import { asApplet } from './wording';
import { nslookup } from '../net/dns';
import { bbLs } from './ls';
import { bbPs, bbTop } from './procs';
import { bbAddgroup, bbAdduser, bbDf, bbFree, bbPing, bbVi, bbWget } from './system';

export const BUSYBOX_VERSION = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.';

/** Applets with BusyBox's own behaviour. */
const OWN: Record<string, Program> = {
  ls: bbLs, ps: bbPs, top: bbTop, free: bbFree, df: bbDf, wget: bbWget, ping: bbPing, ping6: bbPing,
  vi: bbVi, adduser: bbAdduser, addgroup: bbAddgroup, nslookup: (ctx) => nslookup(ctx, true),
};

/** The shells are the shell program's `ash` flavour, looked up late (the shell registers itself). */
const SHELLS = new Set(['sh', 'ash']);

type Flavoured = (ctx: ProgramContext, fl?: Flavour) => Promise<number>;

/** Where each applet lives, as `busybox --list-full` prints it (Alpine's layout). */
export function appletPaths(): Map<string, string> {
  const m = new Map<string, string>();
  const add = (dir: string, names: string) => names.split(/\s+/).filter(Boolean).forEach((n) => m.set(n, `${dir}/${n}`));
  add('bin', BUSYBOX_BIN);
  add('sbin', BUSYBOX_SBIN);
  add('usr/bin', BUSYBOX_USR_BIN);
  add('usr/sbin', BUSYBOX_USR_SBIN);
  // Applets the learners' notes use that Alpine's link list leaves out.
  for (const n of ['cut', 'find', 'xargs', 'sort', 'uniq', 'head', 'tail', 'wc', 'tee', 'tr', 'seq', 'du', 'true', 'false', 'test', 'basename', 'dirname', 'realpath', 'readlink', 'gzip', 'gunzip', 'tar', 'kill', 'env', 'id', 'whoami', 'sleep', 'date', 'uname', 'hostname']) {
    if (!m.has(n)) m.set(n, `bin/${n}`);
  }
  return m;
}

let paths: Map<string, string> | undefined;
function known(applet: string): boolean {
  paths ??= appletPaths();
  return paths.has(applet);
}

/** The program an applet name runs, or undefined when this busybox has no such applet. */
export function applet(name: string): Program | undefined {
  if (OWN[name]) return OWN[name];
  if (SHELLS.has(name)) {
    const sh = getProgram('ash');
    return sh && ((ctx) => sh(ctx));
  }
  const gnu = COREUTILS[name] as Flavoured | undefined;
  if (gnu && known(name)) return (ctx) => gnu(asApplet(ctx, name), BUSYBOX);
  if (!known(name)) return undefined;
  // A listed applet without BusyBox code of its own: another program of that name (sed, awk …
  // when they exist), else the kernel's "not simulated" wording.
  const other = getProgram(name);
  if (other && name !== 'busybox') return (ctx) => other(asApplet(ctx, name));
  return async (ctx) => {
    await ctx.stderr.write(`${name}: '${name}' is not simulated yet in this Docker simulator; try it on a real Docker machine.\n`);
    return 127;
  };
}

function usage(): string {
  paths ??= appletPaths();
  const names = [...paths.keys()].sort();
  let list = '';
  let line = '\t';
  for (const [i, n] of names.entries()) {
    const item = n + (i < names.length - 1 ? ',' : '');
    if (line.length + item.length + 1 > 72 && line !== '\t') {
      list += line.trimEnd() + '\n';
      line = '\t';
    }
    line += item + ' ';
  }
  list += line.trimEnd() + '\n';
  return (
    `${BUSYBOX_VERSION}\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\n` +
    'Usage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n' +
    '\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n\n' +
    'Currently defined functions:\n' + list
  );
}

export const busybox: Program = async (ctx) => {
  let argv = ctx.argv;
  const base = (argv[0] ?? 'busybox').split('/').pop()!;
  if (base === 'busybox') {
    const first = argv[1];
    if (first === undefined || first === '--help') {
      await ctx.stdout.write(usage());
      return 0;
    }
    if (first === '--list' || first === '--list-full') {
      paths ??= appletPaths();
      const entries = [...paths.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      await ctx.stdout.write(entries.map(([n, p]) => (first === '--list' ? n : p) + '\n').join(''));
      return 0;
    }
    argv = argv.slice(1);
  }
  const name = argv[0].split('/').pop()!;
  const prog = name === 'busybox' ? undefined : applet(name);
  if (!prog) {
    await ctx.stderr.write(`${name}: applet not found\n`);
    return 127;
  }
  // `busybox ls --help` prints the applet's usage, as the real one does.
  return prog({ ...ctx, argv: [name, ...argv.slice(1)] });
};

/** Registered as the program the images' `/bin/busybox` marker names. */
export function registerBusybox(): void {
  registerProgram('busybox', busybox);
}
