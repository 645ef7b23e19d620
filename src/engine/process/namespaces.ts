/**
 * Namespace identities, as `/proc/<pid>/ns/*` and `lsns` show them.
 *
 * Real concept: every namespace is an nsfs inode; two processes are in the same namespace exactly
 * when their `/proc/<pid>/ns/<type>` links name the same inode (`net:[4026531840]`). The host's
 * initial namespaces have fixed numbers (PROC_*_INIT_INO in the kernel); namespaces created later
 * get numbers from 4026532xxx upward. runc gives a container new mnt, uts, ipc, net, pid and
 * cgroup namespaces, except those it is told to share (`--pid=host`, `--network=container:X` …);
 * Docker 28 without userns-remap leaves user and time namespaces as the host's.
 *
 * Simulated: a namespace is named by a key: 'host', or the ID of the container that owns it (a
 * container joining another's with `container:X` gets X's key), or a key made by `unshare`. Keys
 * become inode numbers on first sight, so the numbers are stable for a machine's life.
 */
import type { Proc } from './kernel';

export const NS_TYPES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'] as const;
export type NsType = (typeof NS_TYPES)[number];
/** The types lsns lists (the *_for_children links name the same namespaces). */
export type BaseNsType = Exclude<NsType, 'pid_for_children' | 'time_for_children'>;
export const BASE_NS_TYPES: readonly BaseNsType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

/** The kernel's PROC_*_INIT_INO: the host's namespaces. */
const HOST_INODES: Record<BaseNsType, number> = {
  ipc: 4026531839, uts: 4026531838, user: 4026531837, pid: 4026531836, cgroup: 4026531835, time: 4026531834,
  net: 4026531840, mnt: 4026531841,
};

export function baseType(t: NsType): BaseNsType {
  return t === 'pid_for_children' ? 'pid' : t === 'time_for_children' ? 'time' : t;
}

/** How a container's HostConfig decides which namespaces it shares (moby's oci_linux.go). */
export interface ContainerNsModes {
  id: string;
  PidMode?: string;
  IpcMode?: string;
  UTSMode?: string;
  NetworkMode?: string;
  CgroupnsMode?: string;
}

export class NamespaceTable {
  private inodes = new Map<string, number>();
  private next = 4026532200;
  private unshared = 0;

  constructor(private readonly containerModes: (id: string) => ContainerNsModes | undefined) {}

  /** The namespace key of a process for one type ('host' for the initial namespaces). */
  key(p: Proc, type: NsType): string {
    const t = baseType(type);
    const own = p.ctx.ns?.[t];
    if (own) return own;
    const id = p.ctx.container;
    if (!id) return 'host';
    if (t === 'user' || t === 'time') return 'host';
    const c = this.containerModes(id);
    if (!c) return `${t}:${id}`;
    const share = (mode: string | undefined): string | undefined => {
      if (!mode) return undefined;
      if (mode === 'host') return 'host';
      if (mode.startsWith('container:')) {
        const other = this.containerModes(mode.slice(10));
        return other ? this.containerKey(other, t) : undefined;
      }
      return undefined;
    };
    return this.containerKey(c, t, share);
  }

  private containerKey(c: ContainerNsModes, t: BaseNsType, share?: (mode: string | undefined) => string | undefined): string {
    const mode = t === 'pid' ? c.PidMode : t === 'ipc' ? c.IpcMode : t === 'uts' ? c.UTSMode : t === 'net' ? c.NetworkMode : t === 'cgroup' ? c.CgroupnsMode : undefined;
    const shared = share ? share(mode) : mode === 'host' ? 'host' : undefined;
    return shared ?? `${t}:${c.id}`;
  }

  /** The inode number that names a namespace key. */
  inode(type: NsType, key: string): number {
    const t = baseType(type);
    if (key === 'host') return HOST_INODES[t];
    let n = this.inodes.get(key);
    if (n === undefined) {
      n = this.next++;
      this.inodes.set(key, n);
    }
    return n;
  }

  /** What `readlink /proc/<pid>/ns/<type>` prints: `net:[4026531840]`. */
  link(p: Proc, type: NsType): string {
    return `${baseType(type)}:[${this.inode(type, this.key(p, type))}]`;
  }

  /** A fresh namespace key (unshare(2)). */
  fresh(type: BaseNsType): string {
    return `${type}:unshare:${++this.unshared}`;
  }
}
