/**
 * The file systems `df` lists. The host's disk and a container's overlay come from statfs(2) on the
 * process's own mounts (fs/disk.ts: one modelled disk under the host root, /var/lib/docker and so
 * under every container's overlay and its /etc/hosts bind mount), so they move as files are written.
 * The pseudo file systems (tmpfs under /run, /dev, /dev/shm; the EFI partition) are not modelled
 * and keep fixed, believable figures.
 */
import type { ProgramContext } from '../../process/types';
import type { FsStats } from '../../../api/fs';

/** [source, type, 1K-blocks, used 1K-blocks, available 1K-blocks, mounted on] */
export type DfRow = [string, string, number, number, number, string];

/** A fresh machine's figures, for a fs without a modelled disk (unit-test fakes). */
const FALLBACK: FsStats = { size: 61202244 * 1024, used: 9843120 * 1024, avail: (Math.floor(61202244 * 0.95) - 9843120) * 1024 };

function kib(s: FsStats): [number, number, number] {
  return [Math.floor(s.size / 1024), Math.ceil(s.used / 1024), Math.floor(s.avail / 1024)];
}

function statsOf(ctx: ProgramContext, path: string): FsStats {
  try {
    return ctx.fs.statfs?.(path) ?? FALLBACK;
  } catch {
    return FALLBACK;
  }
}

function fixed(src: string, type: string, size: number, used: number, mnt: string): DfRow {
  return [src, type, size, used, size - used, mnt];
}

/** GNU df's rows (BusyBox lists every /etc bind mount: `busybox` true). */
export function dfRows(ctx: ProgramContext, busybox = false): DfRow[] {
  if (ctx.fs.exists('/.dockerenv')) {
    const root = kib(statsOf(ctx, '/'));
    const hosts = kib(statsOf(ctx, '/etc/hosts'));
    const binds = busybox ? ['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'] : ['/etc/hosts'];
    return [
      ['overlay', 'overlay', ...root, '/'],
      fixed('tmpfs', 'tmpfs', 65536, 0, '/dev'),
      fixed('shm', 'tmpfs', 65536, 0, '/dev/shm'),
      ...binds.map((b): DfRow => ['/dev/sda2', 'ext4', ...hosts, b]),
    ];
  }
  const root: DfRow = ['/dev/sda2', 'ext4', ...kib(statsOf(ctx, '/')), '/'];
  if (busybox) return [root, fixed('tmpfs', 'tmpfs', 4063600, 0, '/dev/shm')];
  return [
    fixed('tmpfs', 'tmpfs', 812720, 1904, '/run'),
    root,
    fixed('tmpfs', 'tmpfs', 4063600, 0, '/dev/shm'),
    fixed('tmpfs', 'tmpfs', 5120, 4, '/run/lock'),
    fixed('/dev/sda1', 'vfat', 1098632, 6228, '/boot/efi'),
    fixed('tmpfs', 'tmpfs', 812720, 12, '/run/user/1000'),
  ];
}

/** df's Use%: used over what a user could have (used + available), rounded up; `-` for size 0. */
export function usePercent(size: number, used: number, avail: number): string {
  return size ? Math.ceil((used * 100) / Math.max(1, used + avail)) + '%' : '-';
}
