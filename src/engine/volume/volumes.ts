/**
 * Volumes: named or anonymous directories the daemon manages under
 * /var/lib/docker/volumes/NAME/_data on the host, outliving the containers that mount them.
 * The data lives in the host's own filesystem (so `sudo ls` there shows it); this service keeps
 * the records (driver, labels, options, creation time) and the rules of create, rm, ls, prune.
 */
import type { Clock } from '../clock';
import type { Emitter } from '../events';
import type { Rng } from '../rng';
import type { Fs } from '../../api/fs';
import { DaemonError } from '../../api/daemon';
import { engineEvent } from '../daemon/event-log';

export interface Volume {
  name: string;
  driver: string;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  createdAt: number;
}

export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';
const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface VolumeDeps {
  clock: Clock;
  rng: Rng;
  events: Emitter;
  /** The host's filesystem as root. */
  hostFs: () => Fs;
  /** IDs of containers that mount the volume. */
  usersOf: (name: string) => string[];
}

export class VolumeService {
  readonly volumes = new Map<string, Volume>();

  constructor(private readonly d: VolumeDeps) {}

  static dataDir(name: string): string {
    return `/var/lib/docker/volumes/${name}/_data`;
  }

  static validate(name: string): void {
    if (name.length < 2 && /^[a-zA-Z0-9]$/.test(name)) throw new DaemonError(`create ${name}: volume name is too short, names should be at least two alphanumeric characters`, 400);
    if (!VALID.test(name)) {
      throw new DaemonError(`create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`, 400);
    }
  }

  create(opts: { name?: string; labels?: Record<string, string>; driver?: string; options?: Record<string, string>; anonymous?: boolean }): Volume {
    const name = opts.name || this.d.rng.hex(32);
    if (opts.name) VolumeService.validate(name);
    const driver = opts.driver || 'local';
    if (driver !== 'local') throw new DaemonError(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`, 404);
    const existing = this.volumes.get(name);
    if (existing) return existing;
    const labels = opts.anonymous ? { [ANONYMOUS_LABEL]: '', ...(opts.labels ?? {}) } : opts.labels && Object.keys(opts.labels).length ? opts.labels : null;
    const v: Volume = { name, driver, labels, options: opts.options && Object.keys(opts.options).length ? opts.options : null, createdAt: this.d.clock.now() };
    const fs = this.d.hostFs();
    for (const [dir, mode] of [['/var/lib/docker', 0o710], ['/var/lib/docker/volumes', 0o701], [`/var/lib/docker/volumes/${name}`, 0o755], [VolumeService.dataDir(name), 0o755]] as const) {
      if (!fs.exists(dir)) fs.mkdir(dir, { mode });
    }
    this.volumes.set(name, v);
    this.d.events.emit({ type: 'volume.created', name });
    engineEvent(this.d.events, 'volume', 'create', name, { driver });
    return v;
  }

  get(name: string): Volume {
    const v = this.volumes.get(name);
    if (!v) throw new DaemonError(`get ${name}: no such volume`, 404);
    return v;
  }

  isAnonymous(name: string): boolean {
    return !!this.volumes.get(name)?.labels && ANONYMOUS_LABEL in this.volumes.get(name)!.labels!;
  }

  remove(name: string, force = false): void {
    if (!this.volumes.has(name)) {
      if (force) return;
      throw new DaemonError(`get ${name}: no such volume`, 404);
    }
    const users = this.d.usersOf(name);
    if (users.length) throw new DaemonError(`remove ${name}: volume is in use - [${users.join(', ')}]`, 409);
    this.removeNow(name);
  }

  private removeNow(name: string): void {
    const driver = this.volumes.get(name)?.driver ?? 'local';
    removeTree(this.d.hostFs(), `/var/lib/docker/volumes/${name}`);
    this.volumes.delete(name);
    this.d.events.emit({ type: 'volume.removed', name });
    engineEvent(this.d.events, 'volume', 'destroy', name, { driver });
  }

  /** Bytes the volume's files hold (for `system df -v`, prune's reclaimed space). */
  size(name: string): number {
    return treeSize(this.d.hostFs(), VolumeService.dataDir(name));
  }

  list(filters: Record<string, string[]> = {}): Volume[] {
    let vs = [...this.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const [key, values] of Object.entries(filters)) {
      if (!['dangling', 'name', 'label', 'driver'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 400);
      if (key === 'dangling') {
        const want = values.map((v) => v.toLowerCase());
        for (const w of want) if (!['true', 'false', '1', '0'].includes(w)) throw new DaemonError(`invalid filter 'dangling=${w}'`, 400);
        vs = vs.filter((v) => want.includes(this.d.usersOf(v.name).length === 0 ? 'true' : 'false') || want.includes(this.d.usersOf(v.name).length === 0 ? '1' : '0'));
      }
      if (key === 'name') vs = vs.filter((v) => values.some((n) => v.name.includes(n)));
      if (key === 'driver') vs = vs.filter((v) => values.includes(v.driver));
      if (key === 'label') {
        vs = vs.filter((v) => values.every((l) => {
          const [k, val] = l.split('=');
          return v.labels && k in v.labels && (val === undefined || v.labels[k] === val);
        }));
      }
    }
    return vs;
  }

  inspect(name: string): Record<string, unknown> {
    const v = this.get(name);
    return {
      CreatedAt: new Date(v.createdAt).toISOString().replace(/\.\d+Z$/, 'Z'),
      Driver: v.driver,
      Labels: v.labels,
      Mountpoint: VolumeService.dataDir(v.name),
      Name: v.name,
      Options: v.options,
      Scope: 'local',
    };
  }

  /**
   * Unused volumes go: only anonymous ones unless `all` (Docker 23+). `label=K[=V]` keeps the prune
   * to volumes with that label, `label!=K[=V]` to those without (moby's prune filters).
   */
  prune(all: boolean, filters: Record<string, string[]> = {}): { deleted: string[]; reclaimed: number } {
    for (const key of Object.keys(filters)) if (!['label', 'label!', 'all'].includes(key)) throw new DaemonError(`invalid filter '${key}'`, 400);
    if (filters.all?.some((v) => ['1', 'true'].includes(v.toLowerCase()))) all = true;
    const has = (v: Volume, l: string) => {
      const [k, val] = [l.split('=')[0], l.includes('=') ? l.slice(l.indexOf('=') + 1) : undefined];
      return !!v.labels && k in v.labels && (val === undefined || v.labels[k] === val);
    };
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const v of [...this.volumes.values()]) {
      if (this.d.usersOf(v.name).length) continue;
      if (!all && !this.isAnonymous(v.name)) continue;
      if (!(filters.label ?? []).every((l) => has(v, l)) || (filters['label!'] ?? []).some((l) => has(v, l))) continue;
      reclaimed += this.size(v.name);
      this.removeNow(v.name);
      deleted.push(v.name);
    }
    return { deleted, reclaimed };
  }

  snapshot(): Volume[] {
    return [...this.volumes.values()].map((v) => ({ ...v }));
  }

  restore(list: Volume[]): void {
    for (const v of list) this.volumes.set(v.name, { ...v });
  }
}

export function removeTree(fs: Fs, path: string): void {
  if (!fs.exists(path)) return;
  if (fs.lstat(path).kind === 'dir') {
    for (const n of fs.readdir(path)) removeTree(fs, `${path}/${n}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

function treeSize(fs: Fs, path: string): number {
  if (!fs.exists(path)) return 0;
  const st = fs.lstat(path);
  if (st.kind !== 'dir') return st.kind === 'file' ? st.size : 0;
  let n = 0;
  for (const c of fs.readdir(path)) n += treeSize(fs, `${path}/${c}`);
  return n;
}
