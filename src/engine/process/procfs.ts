/**
 * procfs: `/proc` computed from the process table when it is read.
 *
 * Real concept: procfs is a window on the kernel. Each mount of it belongs to a PID namespace and
 * lists the processes that namespace sees, numbered as it numbers them (a container's own `/proc`
 * shows its PID 1); `/proc/self` is a symlink that names the reader's own PID; `/proc/<pid>/ns/*`
 * name the process's namespaces; `/proc/<pid>/mounts` and `mountinfo` its mount namespace's
 * mount table; `/proc/<pid>/cgroup` its cgroup v2 path relative to the reader's cgroup namespace.
 *
 * Simulated: a GeneratedFs over the kernel's table and a ProcWorld that knows mount tables and
 * cgroup paths (the daemon's containers). Left out: per-thread `task/`, `fd/`, `maps`, `stat`,
 * `environ`, and the system-wide files (`cpuinfo`, `meminfo` …); `free`, `uptime` and `ps` are
 * programs of their own.
 */
import { GeneratedFs, type GenNode } from '../fs/generated';
import type { Kernel, PidNamespace, Proc } from './kernel';
import { NS_TYPES, type NamespaceTable, type NsType } from './namespaces';

/** One line of a mount table. `opts` are the per-mount flags, `superOpts` the filesystem's own. */
export interface MountEntry {
  source: string;
  target: string;
  fstype: string;
  opts: string;
  superOpts: string;
  /** The directory of the source filesystem that is mounted (a bind mount's file), default '/'. */
  root?: string;
  /** major:minor of the filesystem. */
  dev: string;
  /** Propagation fields of mountinfo (`shared:1`, `master:3`). */
  optional?: string;
}

/** What procfs needs to know beyond the process table. */
export interface ProcWorld {
  kernel: Kernel;
  ns: NamespaceTable;
  /** The mount table of a process's mount namespace, in mount order (root first). */
  mounts(p: Proc): MountEntry[];
  /** A process's cgroup v2 path as the host sees it (`/system.slice/docker-<id>.scope`). */
  cgroupPath(p: Proc): string;
  /** Mounts made at run time by `mount` in a mount namespace (keyed by its root object). */
  addMount?(mntns: object, entry: MountEntry): void;
  removeMount?(mntns: object, target: string): void;
  extraMounts?(mntns: object): MountEntry[];
  /** The root of a process's cgroup namespace ('/' for the host's, a container's scope for its own). */
  cgroupNsRoot(p: Proc): string;
}

/** `/proc/mounts` lines: source, target, type, options (per-mount then filesystem), `0 0`. */
export function mountsText(list: MountEntry[]): string {
  return list.map((m) => `${m.source} ${m.target} ${m.fstype} ${combinedOptions(m)} 0 0\n`).join('');
}

export function combinedOptions(m: MountEntry): string {
  const sup = m.superOpts.split(',').filter((o) => o && o !== 'rw' && o !== 'ro');
  return [m.opts, ...sup].join(',');
}

/** `/proc/<pid>/mountinfo` (proc(5)): IDs, parent, dev, root, mount point, options, fields, type, source. */
export function mountinfoText(list: MountEntry[], firstId: number): string {
  const ids: number[] = [];
  const lines: string[] = [];
  list.forEach((m, i) => {
    const id = firstId + i;
    ids.push(id);
    // The parent is the latest earlier mount whose target contains this one.
    let parent = firstId - 1;
    for (let j = i - 1; j >= 0; j--) {
      const t = list[j].target;
      if (m.target !== t && (t === '/' || m.target.startsWith(t + '/'))) {
        parent = ids[j];
        break;
      }
    }
    if (i === 0) parent = firstId - 17;
    const opt = m.optional ? ` ${m.optional}` : '';
    lines.push(`${id} ${parent} ${m.dev} ${m.root ?? '/'} ${m.target} ${m.opts}${opt} - ${m.fstype} ${m.source} ${m.superOpts}\n`);
  });
  return lines.join('');
}

/** A cgroup path as seen from a cgroup namespace rooted at `root` (the kernel prints `/..` above it). */
export function relativeCgroup(path: string, root: string): string {
  if (root === '/') return path;
  if (path === root) return '/';
  if (path.startsWith(root + '/')) return path.slice(root.length);
  const up = root.split('/').filter(Boolean).length;
  return '/' + '../'.repeat(up) + path.slice(1);
}

export class ProcFs extends GeneratedFs {
  /**
   * @param pidNs the PID namespace this procfs was mounted in (a container's is known once it runs)
   * @param cgroupRoot the cgroup namespace root of the mounting side ('/' on the host)
   */
  constructor(
    private readonly world: ProcWorld,
    private readonly pidNs: () => PidNamespace | undefined,
    private readonly cgroupRoot: () => string,
  ) {
    super();
  }

  protected now(): number {
    return this.world.kernel.clock.now();
  }

  private get kernel(): Kernel {
    return this.world.kernel;
  }

  /** The process numbered `pid` in this procfs's namespace. */
  private proc(pid: number): Proc | undefined {
    const ns = this.pidNs();
    if (!ns) return undefined;
    const p = ns === this.kernel.rootNs ? this.kernel.procs.get(pid) : ns.members.get(pid);
    return p && p.alive ? p : undefined;
  }

  /** The number this namespace gives a process (0 when it cannot see it). */
  private pidOf(p: Proc): number {
    const ns = this.pidNs();
    if (!ns) return 0;
    if (ns === this.kernel.rootNs) return p.info.pid;
    return p.ctx.pidNs === ns ? p.info.nsPid : 0;
  }

  protected node(path: string): GenNode | undefined {
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) {
      return {
        kind: 'dir', mode: 0o555,
        // A stopped container's proc has no processes to show.
        children: () => {
          const ns = this.pidNs();
          return [...(ns ? this.kernel.visible(ns).map((v) => String(v.pid)) : []), 'mounts', 'self', 'thread-self'];
        },
      };
    }
    const [top, ...rest] = parts;
    if (rest.length === 0 && top === 'self') return { kind: 'symlink', mode: 0o777, link: (caller) => this.selfLink(caller) };
    if (rest.length === 0 && top === 'thread-self') return { kind: 'symlink', mode: 0o777, link: (caller) => `${this.selfLink(caller)}/task/${this.selfLink(caller)}` };
    if (rest.length === 0 && top === 'mounts') return { kind: 'symlink', mode: 0o777, link: () => 'self/mounts' };
    if (!/^[1-9]\d*$/.test(top)) return undefined;
    const p = this.proc(Number(top));
    if (!p) return undefined;
    return this.pidNode(p, rest);
  }

  private selfLink(caller?: number): string {
    const p = caller === undefined ? undefined : this.kernel.procs.get(caller);
    const n = p ? this.pidOf(p) : 0;
    return n ? String(n) : '';
  }

  private pidNode(p: Proc, rest: string[]): GenNode | undefined {
    const own = { uid: p.info.cred.uid, gid: p.info.cred.gid };
    const file = (read: (caller?: number) => string): GenNode => ({ kind: 'file', mode: 0o444, ...own, read });
    if (rest.length === 0) {
      return { kind: 'dir', mode: 0o555, ...own, children: () => ['cgroup', 'cmdline', 'comm', 'mountinfo', 'mounts', 'ns', 'status'] };
    }
    const [name, sub, ...more] = rest;
    if (name === 'ns') {
      if (sub === undefined) return { kind: 'dir', mode: 0o511, ...own, children: () => [...NS_TYPES] };
      if (more.length || !(NS_TYPES as readonly string[]).includes(sub)) return undefined;
      return { kind: 'symlink', mode: 0o777, ...own, link: () => this.world.ns.link(p, sub as NsType) };
    }
    if (sub !== undefined) return undefined;
    switch (name) {
      case 'cmdline':
        return file(() => p.info.argv.map((a) => a + '\0').join(''));
      case 'comm':
        return file(() => (p.info.argv[0] ?? '').split('/').pop()!.slice(0, 15) + '\n');
      case 'cgroup':
        // Relative to the reader's cgroup namespace (a process nsenter put in a container's mount
        // namespace still sees host paths unless it entered the cgroup namespace too).
        return file((caller) => {
          const reader = caller === undefined ? undefined : this.kernel.procs.get(caller);
          const root = reader ? this.world.cgroupNsRoot(reader) : this.cgroupRoot();
          return `0::${relativeCgroup(this.world.cgroupPath(p), root)}\n`;
        });
      case 'mounts':
        return file(() => mountsText(this.world.mounts(p)));
      case 'mountinfo':
        return file(() => mountinfoText(this.world.mounts(p), p.ctx.container ? 1100 : 24));
      case 'status':
        return file(() => this.status(p));
      default:
        return undefined;
    }
  }

  private status(p: Proc): string {
    const i = p.info;
    const state = i.state === 'stopped' ? 'T (stopped)' : i.state === 'zombie' ? 'Z (zombie)' : p.cpuMs && i.state === 'running' ? 'R (running)' : 'S (sleeping)';
    const parent = p.parent ? this.pidOf(p.parent) : 0;
    const c = i.cred;
    const ids = (n: number) => `${n}\t${n}\t${n}\t${n}`;
    return [
      `Name:\t${(i.argv[0] ?? '').split('/').pop()!.slice(0, 15)}`,
      `Umask:\t0022`,
      `State:\t${state}`,
      `Tgid:\t${this.pidOf(p)}`,
      `Pid:\t${this.pidOf(p)}`,
      `PPid:\t${parent}`,
      `Uid:\t${ids(c.uid)}`,
      `Gid:\t${ids(c.gid)}`,
      `Groups:\t${c.groups.join(' ')}${c.groups.length ? ' ' : ''}`,
      `NSpid:\t${i.pid}${p.ctx.pidNs !== this.kernel.rootNs ? `\t${i.nsPid}` : ''}`,
      `Threads:\t1`,
      '',
    ].join('\n');
  }
}
