/**
 * The GNU userland of Debian/Ubuntu images and the learner's host: coreutils plus the few tools
 * from other packages that learners reach for (grep, findutils, procps, tar, gzip, sudo, file).
 * `registerCoreutils()` registers each program under the name its marker files use, so an image
 * that ships `/bin/ls` with the marker `sim:ls` runs `ls` from here.
 */
import type { Program } from '../process/types';
import { lazyProgram, registerProgram } from './registry';
import { ls } from './ls';
import { cat, less, more } from './cat';
import { echo, printf } from './echo';
import { bracket, test } from './test';
import { mkdir, rm, rmdir, touch } from './fileops';
import { cp, ln, mv } from './cp';
import { chgrp, chmod, chown } from './perm';
import { head, tail } from './headtail';
import { wc } from './wc';
import { sort, uniq } from './sortuniq';
import { cut, tr } from './cuttr';
import { egrep, fgrep, grep } from './grep';
import { basename, clear, dirname, falseProg, mktemp, pwd, readlink, realpath, seq, sleep, tee, trueProg, which, yes } from './simple';
import { date, env, free, groups, hostname, id, nproc, printenv, uname, uptime, whoami } from './sysinfo';
import { kill, ps } from './procs';
import { find } from './find';
import { su, sudo, xargs } from './run';
import { df, du, stat } from './disk';
import { dd } from './dd';
import { file, md5sum, sha256sum } from './hash';
import { gunzipProg, gzip, tar, zcat } from './archive';

// awk and sed are interpreters of their own: their code loads on first use (see ./lazy.ts).
const sed = lazyProgram(() => import('./sed').then((m) => m.sed));
const awk = lazyProgram(() => import('./awk').then((m) => m.awk));

/** Every program of the GNU family, by the name its marker file gives. */
export const COREUTILS: Record<string, Program> = {
  ls, cat, more, less, echo, printf, test, '[': bracket, mkdir, rmdir, touch, rm, cp, mv, ln,
  chmod, chown, chgrp, head, tail, wc, sort, uniq, cut, tr, grep, egrep, fgrep, sed, awk, mawk: awk, gawk: awk,
  true: trueProg, false: falseProg, pwd, sleep, yes, seq, clear, which, basename, dirname, realpath, readlink, mktemp, tee,
  env, printenv, date, id, groups, whoami, hostname, uname, nproc, free, uptime,
  kill, ps, find, xargs, sudo, su, stat, du, df, dd, file, md5sum, sha256sum, tar, gzip, gunzip: gunzipProg, zcat,
};

export function registerCoreutils(): void {
  for (const [name, prog] of Object.entries(COREUTILS)) registerProgram(name, (ctx) => prog(ctx));
}
