/**
 * sysfs with the cgroup v2 hierarchy at `/sys/fs/cgroup`, computed when read.
 *
 * Real concept: on a cgroup v2 host (Ubuntu 24.04) systemd puts each service in a cgroup under
 * `/system.slice`, each login under `/user.slice`; Docker's systemd driver gives every container
 * `/system.slice/docker-<id>.scope`, where `memory.max` holds `-m`, `cpu.max` the `--cpus` quota
 * over a 100 ms period and `pids.max` the `--pids-limit`. A container has its own cgroup namespace
 * (Docker's default on cgroup v2), so inside it `/sys/fs/cgroup` is that scope directory itself.
 *
 * Simulated: directories come from the cgroup paths of live processes plus the running
 * containers' scopes; values come from the container's MemoryCgroup (usage, limits, CPU time).
 * Left out: every other sysfs tree (listed as empty directories), io.*, hugetlb.*, and writes
 * (`echo 100M > memory.max` is refused instead of changing the limit).
 */
import { GeneratedFs, type GenNode } from '../fs/generated';
import type { PidNamespace, Proc } from './kernel';
import type { ProcWorld } from './procfs';

/** What one cgroup directory reports (a container scope; other groups report no limits). */
export interface CgroupFacts {
  memoryMax: number;
  swapMax: number;
  memoryCurrent: number;
  /** Number of CPUs of the quota, 0 for none. */
  cpus: number;
  cpuMs: number;
  pidsMax: number;
  oomKills: number;
}

export interface CgroupWorld extends ProcWorld {
  /** Every cgroup path that exists (beyond those of live processes): the running containers' scopes. */
  cgroupPaths(): string[];
  cgroupFacts(path: string): CgroupFacts | undefined;
}

const SYS_DIRS = ['block', 'bus', 'class', 'dev', 'devices', 'firmware', 'fs', 'kernel', 'module', 'power'];
const FS_DIRS = ['bpf', 'cgroup', 'ext4', 'fuse', 'pstore'];
const ROOT_FILES = ['cgroup.controllers', 'cgroup.procs', 'cgroup.subtree_control', 'cpu.stat', 'memory.stat'];
const GROUP_FILES = ['cgroup.controllers', 'cgroup.events', 'cgroup.procs', 'cgroup.type', 'cpu.max', 'cpu.stat', 'cpu.weight', 'memory.current', 'memory.events', 'memory.max', 'memory.swap.max', 'pids.current', 'pids.max'];
const CONTROLLERS = 'cpuset cpu io memory hugetlb pids rdma misc';

export class SysFs extends GeneratedFs {
  /**
   * @param cgroupRoot the cgroup namespace root (`/` on the host, the container's scope inside it)
   * @param pidNs the PID namespace whose numbers cgroup.procs shows
   */
  constructor(
    private readonly world: CgroupWorld,
    private readonly cgroupRoot: () => string,
    private readonly pidNs: () => PidNamespace,
  ) {
    super();
  }

  protected now(): number {
    return this.world.kernel.clock.now();
  }

  protected node(path: string): GenNode | undefined {
    const parts = path.split('/').filter(Boolean);
    const dir = (children: () => string[]): GenNode => ({ kind: 'dir', mode: 0o755, children });
    if (parts.length === 0) return dir(() => SYS_DIRS);
    if (parts.length === 1) return SYS_DIRS.includes(parts[0]) ? dir(() => (parts[0] === 'fs' ? FS_DIRS : [])) : undefined;
    if (parts[0] !== 'fs') return undefined;
    if (parts[1] === 'cgroup') return this.cgroupNode(parts.slice(2));
    return parts.length === 2 && FS_DIRS.includes(parts[1]) ? dir(() => []) : undefined;
  }

  /** All cgroup paths, absolute (as the host names them). */
  private allPaths(): Set<string> {
    const out = new Set<string>(['/']);
    const add = (p: string) => {
      for (let q = p; q !== '/' && q !== ''; q = q.slice(0, q.lastIndexOf('/')) || '/') out.add(q);
    };
    for (const p of this.world.kernel.procs.values()) if (p.alive) add(this.world.cgroupPath(p));
    for (const p of this.world.cgroupPaths()) add(p);
    return out;
  }

  private cgroupNode(rel: string[]): GenNode | undefined {
    const root = this.cgroupRoot();
    const join = (segs: string[]) => (segs.length === 0 ? root : (root === '/' ? '' : root) + '/' + segs.join('/'));
    const dirPath = join(rel);
    const paths = this.allPaths();
    if (paths.has(dirPath)) {
      return {
        kind: 'dir', mode: 0o755,
        children: () => {
          const subs = [...this.allPaths()].filter((p) => p !== dirPath && parentOf(p) === dirPath).map((p) => p.slice(p.lastIndexOf('/') + 1)).sort();
          return [...(dirPath === '/' ? ROOT_FILES : GROUP_FILES), ...subs];
        },
      };
    }
    // The namespace root always exists (a stopped container's scope is gone: an empty directory).
    if (rel.length === 0) return { kind: 'dir', mode: 0o755, children: () => [] };
    const parent = join(rel.slice(0, -1));
    const name = rel[rel.length - 1];
    if (!paths.has(parent)) return undefined;
    const files = parent === '/' ? ROOT_FILES : GROUP_FILES;
    if (!files.includes(name)) return undefined;
    const writable = name !== 'cgroup.controllers' && !name.endsWith('.current') && !name.endsWith('.stat') && !name.endsWith('.events');
    return { kind: 'file', mode: writable ? 0o644 : 0o444, read: () => this.value(parent, name) };
  }

  private members(path: string): Proc[] {
    return [...this.world.kernel.procs.values()].filter((p) => p.alive && this.world.cgroupPath(p) === path);
  }

  private value(path: string, name: string): string {
    const f = this.world.cgroupFacts(path);
    const members = this.members(path);
    const limit = (n: number) => (n > 0 ? String(n) : 'max');
    const cpuMs = f ? f.cpuMs : members.reduce((s, p) => s + p.cpuMs, 0);
    switch (name) {
      case 'cgroup.controllers':
        return CONTROLLERS + '\n';
      case 'cgroup.subtree_control':
        return 'cpuset cpu io memory pids\n';
      case 'cgroup.type':
        return 'domain\n';
      case 'cgroup.events':
        return `populated ${members.length ? 1 : 0}\nfrozen 0\n`;
      case 'cgroup.procs': {
        const ns = this.pidNs();
        const pids = members.map((p) => (ns === this.world.kernel.rootNs ? p.info.pid : p.ctx.pidNs === ns ? p.info.nsPid : 0));
        return pids.filter((n) => n > 0).sort((a, b) => a - b).map((n) => `${n}\n`).join('');
      }
      case 'cpu.max':
        return f && f.cpus > 0 ? `${Math.round(f.cpus * 100000)} 100000\n` : 'max 100000\n';
      case 'cpu.weight':
        return '100\n';
      case 'cpu.stat': {
        const usec = Math.round(cpuMs * 1000);
        return `usage_usec ${usec}\nuser_usec ${Math.round(usec * 0.9)}\nsystem_usec ${usec - Math.round(usec * 0.9)}\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n`;
      }
      case 'memory.current':
        return `${f ? f.memoryCurrent : members.length * 520_192}\n`;
      case 'memory.max':
        return `${limit(f?.memoryMax ?? 0)}\n`;
      case 'memory.swap.max':
        return `${limit(f?.swapMax ?? 0)}\n`;
      case 'memory.events':
        return `low 0\nhigh 0\nmax ${f?.oomKills ?? 0}\noom ${f?.oomKills ?? 0}\noom_kill ${f?.oomKills ?? 0}\noom_group_kill 0\n`;
      case 'memory.stat':
        return `anon ${members.length * 520_192}\nfile 0\n`;
      case 'pids.current':
        return `${members.length}\n`;
      case 'pids.max':
        return `${limit(f?.pidsMax ?? 0)}\n`;
      default:
        return '';
    }
  }
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
