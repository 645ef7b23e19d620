/**
 * `mount` and `umount` (util-linux 2.39).
 *
 * Real concept: without arguments mount lists the caller's mount namespace (`SOURCE on TARGET type
 * TYPE (OPTIONS)`, from /proc/self/mountinfo); with a type, source and target it asks the kernel
 * to mount, which needs CAP_SYS_ADMIN: a normal user gets libmount's "must be superuser to use
 * mount.", and root in a container (Docker drops CAP_SYS_ADMIN unless --privileged) gets EPERM,
 * "permission denied.". Failed mount(2) calls add the "dmesg(1) may have more information" line.
 *
 * Simulated: listing reads /proc/self/mounts (the same table, computed from the machine); mounting
 * supports tmpfs, added to the process's mount namespace (a fresh in-memory tree) and to its mount
 * table. Left out: -o options beyond being shown, other filesystem types, bind mounts, fstab.
 */
import type { Proc } from '../process/kernel';
import type { ProgramContext } from '../process/types';
import { Vfs } from '../fs/vfs';
import { newTmpfs } from '../volume/mounts';
import { Io } from './lib/io';

const DMESG = '       dmesg(1) may have more information after failed mount system call.';

export async function mount(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'mount');
  const args = ctx.argv.slice(1);
  let type: string | undefined;
  let opts = '';
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--types') type = args[++i];
    else if (a.startsWith('-t') && a.length > 2) type = a.slice(2);
    else if (a === '-o' || a === '--options') opts = args[++i] ?? '';
    else if (a === '-l' || a === '--show-labels' || a === '-v') continue;
    else if (a === '-V' || a === '--version') {
      await io.out('mount from util-linux 2.39.3 (libmount 2.39.3: selinux, smack, btrfs, verity, namespaces, idmapping, statx, assert, debug)\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') return io.usage(`invalid option -- '${a.replace(/^-+/, '')[0]}'`);
    else operands.push(a);
  }
  if (operands.length === 0) {
    if (type !== undefined) return io.usage('bad usage');
    let text: string;
    try {
      text = ctx.fs.readText('/proc/self/mounts');
    } catch {
      await io.err('failed to read mount table');
      return 32;
    }
    for (const line of text.split('\n')) {
      const [src, dst, fstype, options] = line.split(' ');
      if (!src) continue;
      await io.out(`${src} on ${dst} type ${fstype} (${options})\n`);
    }
    return 0;
  }
  if (operands.length === 1) {
    // mount <dir>: looked up in /etc/fstab, which has no entries here.
    await io.err(`${operands[0]}: can't find in /etc/fstab.`);
    return 1;
  }
  const [source, targetArg] = operands;
  const target = ctx.fs.resolve(targetArg);
  const self = ctx.proc as Proc;
  if (self.info.cred.uid !== 0) {
    await ctx.stderr.write(`mount: ${target}: must be superuser to use mount.\n${DMESG}\n`);
    return 32;
  }
  if (self.ctx.container) {
    // Docker's default capability set has no CAP_SYS_ADMIN: mount(2) fails with EPERM.
    await ctx.stderr.write(`mount: ${target}: permission denied.\n${DMESG}\n`);
    return 32;
  }
  let isDir = false;
  try {
    isDir = ctx.fs.stat(target).kind === 'dir';
  } catch {
    /* missing */
  }
  if (!isDir) {
    await ctx.stderr.write(`mount: ${target}: mount point does not exist.\n${DMESG}\n`);
    return 32;
  }
  if (type !== 'tmpfs' && source.startsWith('/') && !ctx.fs.exists(source)) {
    await ctx.stderr.write(`mount: ${target}: special device ${source} does not exist.\n${DMESG}\n`);
    return 32;
  }
  if (type !== 'tmpfs') {
    await ctx.stderr.write(`mount: ${target}: unknown filesystem type '${type ?? 'auto'}'.\n${DMESG}\n`);
    return 32;
  }
  const vfs = self.ctx.fsRoot;
  const world = self.kernel.procWorld;
  if (!(vfs instanceof Vfs) || !world?.addMount) {
    await ctx.stderr.write(`mount: ${target}: permission denied.\n${DMESG}\n`);
    return 32;
  }
  vfs.mount(target, newTmpfs(() => ctx.sys.clock.now()));
  const extra = opts.split(',').filter((o) => o && o !== 'rw');
  world.addMount(vfs, { source, target, fstype: 'tmpfs', opts: 'rw,relatime', superOpts: ['rw', ...extra, 'inode64'].join(','), dev: '0:60' });
  return 0;
}

export async function umount(ctx: ProgramContext): Promise<number> {
  const io = new Io(ctx, 'umount');
  const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!operands.length) return io.usage('bad usage');
  const self = ctx.proc as Proc;
  let status = 0;
  for (const arg of operands) {
    const target = ctx.fs.resolve(arg);
    const vfs = self.ctx.fsRoot;
    const world = self.kernel.procWorld;
    const mine = vfs instanceof Vfs && world?.removeMount ? world.extraMounts?.(vfs).some((m) => m.target === target) : false;
    if (self.info.cred.uid !== 0) {
      await io.err(`${target}: must be superuser to unmount.`);
      status = 32;
    } else if (self.ctx.container) {
      await io.err(`${target}: must be superuser to unmount.`);
      status = 32;
    } else if (!mine) {
      await io.err(`${target}: not mounted.`);
      status = 32;
    } else {
      (vfs as Vfs).unmount(target);
      world!.removeMount!(vfs, target);
    }
  }
  return status;
}
