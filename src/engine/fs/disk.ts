/**
 * The host's disk: one ext4 filesystem on /dev/sda2 holding the host's files and Docker's data root
 * (/var/lib/docker: image layers, containers' writable layers, volumes), as on a VM. Its used bytes
 * are added up from what really holds bytes (the host tree, the daemon's layers and containers'
 * upper layers) on every question, so `df`, `docker system df` and ENOSPC always agree.
 *
 * Figures: a 64 GB virtual disk (ext4 shows 61,202,244 1K-blocks after its own metadata), 5%
 * reserved for root as mke2fs does (Avail = Size - Used - reserved), and the Ubuntu system's own
 * files counted as `base` (reported, not stored: the simulated host keeps only the files a learner
 * meets). Writers may not use the reserved blocks (the simulator does not tell root apart here).
 */

/** What a writable layer asks its disk before it grows. */
import type { FsStats } from '../../api/fs';

export interface DiskSpace {
  /** Bytes a write may still add. */
  avail(): number;
  stats(): FsStats;
}

export const KIB = 1024;

export class Disk implements DiskSpace {
  /** Bytes of the filesystem (df's Size). */
  readonly size: number;
  /** Blocks kept for root (ext4's 5%). */
  readonly reserved: number;
  #parts: (() => number)[] = [];

  constructor(
    sizeKiB = 61_202_244,
    /** Bytes the operating system's files take (not stored in the simulation). */
    readonly base = 9_843_000 * KIB,
  ) {
    this.size = sizeKiB * KIB;
    this.reserved = Math.floor(this.size * 0.05);
  }

  /** Something whose bytes live on this disk (the host tree, Docker's data root). */
  add(bytes: () => number): void {
    this.#parts.push(bytes);
  }

  used(): number {
    let n = this.base;
    for (const p of this.#parts) n += p();
    return n;
  }

  avail(): number {
    return Math.max(0, this.size - this.reserved - this.used());
  }

  stats(): FsStats {
    const used = this.used();
    return { size: this.size, used, avail: Math.max(0, this.size - this.reserved - used) };
  }
}
