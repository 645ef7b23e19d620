/**
 * The machine's procfs and sysfs: what `/proc` and `/sys/fs/cgroup` show on the host and in each
 * container, and the socket file dockerd listens on.
 *
 * Real concept: the host mounts proc at /proc and cgroup2 at /sys/fs/cgroup; runc gives each
 * container a fresh proc mount for its PID namespace, a read-only sysfs and a cgroup2 mount rooted
 * at the container's own cgroup (cgroupns private), next to its overlay root, /dev, /dev/pts,
 * /dev/mqueue, /dev/shm, the /etc/hosts, /etc/hostname and /etc/resolv.conf bind mounts, and the
 * container's volumes, bind mounts and tmpfs mounts (sorted by depth, as moby sorts them).
 *
 * Simulated: the mount tables below are computed from the containers' state (layers, mounts, the
 * netns dockerd made), so `/proc/self/mountinfo` names the same overlay2 directories `docker
 * inspect` does. Device numbers of the virtual filesystems are believable fixed values.
 */
import type { Container } from '../container/container';
import type { Vfs } from '../fs/vfs';
import type { Kernel, PidNamespace, Proc } from '../process/kernel';
import { NamespaceTable } from '../process/namespaces';
import { ProcFs, type MountEntry } from '../process/procfs';
import { SysFs, type CgroupFacts, type CgroupWorld } from '../process/sysfs';
import { GeneratedFs, type GenNode } from '../fs/generated';
import type { MemoryCgroup } from '../process/cgroup';
import { DOCKER_GID, HOST_UID } from '../host/setup';

export interface KernelFsDeps {
  kernel: Kernel;
  containers: () => Iterable<Container>;
  find: (ref: string) => Container | undefined;
  /** The image's chain IDs, bottom layer first (overlay2 keeps one directory per chain ID). */
  chainIds: (imageId: string) => string[];
  stats: (id: string) => { mem: number };
  clock: { now(): number };
}

const ROOT_DISK = '/dev/sda2';
const EXT4 = 'rw,discard,errors=remount-ro';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** overlay2's short link name (`/var/lib/docker/overlay2/l/<26 chars>`) for a layer directory. */
export function overlayLink(hex: string): string {
  let out = '';
  for (let i = 0; i < 26; i++) out += B32[parseInt(hex.slice((i * 2) % 62, (i * 2) % 62 + 2), 16) % 32];
  return out;
}

export class KernelFs implements CgroupWorld {
  readonly kernel: Kernel;
  readonly ns: NamespaceTable;

  constructor(private readonly d: KernelFsDeps) {
    this.kernel = d.kernel;
    this.ns = new NamespaceTable((id) => {
      const c = d.find(id);
      if (!c) return undefined;
      const h = c.hostConfig as Record<string, unknown>;
      const s = (k: string) => (typeof h[k] === 'string' ? (h[k] as string) : undefined);
      return { id: c.id, PidMode: s('PidMode'), IpcMode: s('IpcMode'), UTSMode: s('UTSMode'), NetworkMode: s('NetworkMode'), CgroupnsMode: s('CgroupnsMode') };
    });
  }

  /** Mount /proc, /sys and the docker socket on the host's root. */
  mountHost(v: Vfs): void {
    v.mount('/proc', new ProcFs(this, () => this.kernel.rootNs, () => '/'));
    v.mount('/sys', new SysFs(this, () => '/', () => this.kernel.rootNs));
    v.mount('/run/docker.sock', new SocketFile(() => this.d.clock.now()));
  }

  /** Mount a container's /proc and read-only /sys (cgroup namespace rooted at its scope). */
  mountContainer(v: Vfs, c: Container): void {
    const pidNs = (): PidNamespace | undefined => (c.running ? c.init?.ctx.pidNs : undefined);
    const root = () => (((c.hostConfig as Record<string, unknown>).CgroupnsMode === 'host') ? '/' : scope(c.id));
    try {
      v.mount('/proc', new ProcFs(this, pidNs, root));
      v.mount('/sys', new SysFs(this, root, () => pidNs() ?? this.kernel.rootNs), { readonly: true });
    } catch {
      /* a read-only root without the mount points: left out */
    }
  }

  cgroupPath(p: Proc): string {
    if (p.ctx.container) return scope(p.ctx.container);
    const prog = p.info.argv[0] ?? '';
    if (prog === '/sbin/init') return '/init.scope';
    if (/dockerd|docker-proxy/.test(prog)) return '/system.slice/docker.service';
    if (/containerd/.test(prog)) return '/system.slice/containerd.service';
    return `/user.slice/user-${HOST_UID}.slice/session-1.scope`;
  }

  cgroupNsRoot(p: Proc): string {
    const key = this.ns.key(p, 'cgroup');
    return key.startsWith('cgroup:') && this.d.find(key.slice(7)) ? scope(key.slice(7)) : '/';
  }

  cgroupPaths(): string[] {
    return [...this.d.containers()].filter((c) => c.running).map((c) => scope(c.id));
  }

  cgroupFacts(path: string): CgroupFacts | undefined {
    const m = /^\/system\.slice\/docker-([0-9a-f]{64})\.scope$/.exec(path);
    const c = m ? this.d.find(m[1]) : undefined;
    if (!c || !c.running) return undefined;
    const cg = (c as Container & { cgroup?: MemoryCgroup }).cgroup;
    const h = c.hostConfig;
    const swap = h.MemorySwap ?? 0;
    return {
      memoryMax: h.Memory,
      // memory.swap.max is the swap on top of memory: -m alone allows as much swap again.
      swapMax: !h.Memory || swap === -1 ? 0 : swap > 0 ? swap - h.Memory : h.Memory,
      memoryCurrent: this.d.stats(c.id).mem,
      cpus: (h.NanoCpus ?? 0) / 1e9,
      cpuMs: cg?.cpuMs ?? 0,
      pidsMax: cg?.pidsMax ?? 0,
      oomKills: cg?.oomKills ?? 0,
    };
  }

  mounts(p: Proc): MountEntry[] {
    const key = this.ns.key(p, 'mnt');
    const id = key.startsWith('mnt:') ? key.slice(4) : undefined;
    const c = id ? this.d.find(id) : undefined;
    return [...(c ? this.containerMounts(c) : this.hostMounts()), ...this.extraMounts(p.ctx.fsRoot)];
  }

  private extra = new WeakMap<object, MountEntry[]>();
  addMount(mntns: object, entry: MountEntry): void {
    const list = (this.extra.get(mntns) ?? []).filter((m) => m.target !== entry.target);
    this.extra.set(mntns, [...list, entry]);
  }
  removeMount(mntns: object, target: string): void {
    this.extra.set(mntns, this.extraMounts(mntns).filter((m) => m.target !== target));
  }
  extraMounts(mntns: object): MountEntry[] {
    return this.extra.get(mntns) ?? [];
  }

  private overlayOptions(c: Container): string {
    const dir = `/var/lib/docker/overlay2/${c.id.slice(0, 26)}`;
    const lowers = [overlayLink(c.id.slice(20) + c.id.slice(0, 20)), ...this.d.chainIds(c.imageId).slice().reverse().map((id) => overlayLink(id.slice(7)))];
    return `rw,lowerdir=${lowers.map((l) => `/var/lib/docker/overlay2/l/${l}`).join(':')},upperdir=${dir}/diff,workdir=${dir}/work,nouserxattr`;
  }

  containerMounts(c: Container): MountEntry[] {
    const ro = c.hostConfig.ReadonlyRootfs ? 'ro' : 'rw';
    const list: MountEntry[] = [
      { source: 'overlay', target: '/', fstype: 'overlay', opts: `${ro},relatime`, superOpts: this.overlayOptions(c), dev: '0:90', optional: 'master:1' },
      { source: 'proc', target: '/proc', fstype: 'proc', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw', dev: '0:94' },
      { source: 'tmpfs', target: '/dev', fstype: 'tmpfs', opts: 'rw,nosuid', superOpts: 'rw,size=65536k,mode=755,inode64', dev: '0:95' },
      { source: 'devpts', target: '/dev/pts', fstype: 'devpts', opts: 'rw,nosuid,noexec,relatime', superOpts: 'rw,gid=5,mode=620,ptmxmode=666', dev: '0:96' },
      { source: 'sysfs', target: '/sys', fstype: 'sysfs', opts: 'ro,nosuid,nodev,noexec,relatime', superOpts: 'ro', dev: '0:97' },
      { source: 'cgroup', target: '/sys/fs/cgroup', fstype: 'cgroup2', opts: 'ro,nosuid,nodev,noexec,relatime', superOpts: 'rw,nsdelegate,memory_recursiveprot', dev: '0:27' },
      { source: 'mqueue', target: '/dev/mqueue', fstype: 'mqueue', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw', dev: '0:93' },
      { source: 'shm', target: '/dev/shm', fstype: 'tmpfs', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw,size=65536k,inode64', dev: '0:89' },
    ];
    const user: MountEntry[] = c.mounts.map((m, i) =>
      m.Type === 'tmpfs'
        ? { source: 'tmpfs', target: m.Destination, fstype: 'tmpfs', opts: `${m.RW ? 'rw' : 'ro'},nosuid,nodev,noexec,relatime`, superOpts: 'rw,inode64', dev: `0:${98 + i}` }
        : { source: ROOT_DISK, target: m.Destination, fstype: 'ext4', opts: `${m.RW ? 'rw' : 'ro'},relatime`, superOpts: EXT4, root: m.Source, dev: '8:2' },
    );
    const dir = `/var/lib/docker/containers/${c.id}`;
    const netMode = String(c.hostConfig.NetworkMode || 'bridge');
    const etc = netMode === 'none' ? ['hostname', 'hosts'] : ['resolv.conf', 'hostname', 'hosts'];
    for (const f of etc) user.push({ source: ROOT_DISK, target: `/etc/${f}`, fstype: 'ext4', opts: 'rw,relatime', superOpts: EXT4, root: `${dir}/${f}`, dev: '8:2' });
    // moby sorts mounts by depth (fewest path components first), keeping their order otherwise.
    const depth = (m: MountEntry) => m.target.split('/').filter(Boolean).length;
    list.push(...user.map((m, i) => ({ m, i })).sort((a, b) => depth(a.m) - depth(b.m) || a.i - b.i).map((x) => x.m));
    // runc's masked and read-only paths.
    for (const p of ['bus', 'fs', 'irq', 'sys', 'sysrq-trigger']) list.push({ source: 'proc', target: `/proc/${p}`, fstype: 'proc', opts: 'ro,nosuid,nodev,noexec,relatime', superOpts: 'rw', root: `/${p}`, dev: '0:94' });
    for (const p of ['/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap']) {
      const dirLike = p === '/proc/acpi' || p === '/proc/scsi' || p === '/sys/firmware' || p === '/sys/devices/virtual/powercap';
      list.push(dirLike
        ? { source: 'tmpfs', target: p, fstype: 'tmpfs', opts: 'ro,relatime', superOpts: 'ro,inode64', dev: '0:98' }
        : { source: 'tmpfs', target: p, fstype: 'tmpfs', opts: 'rw,nosuid', superOpts: 'rw,size=65536k,mode=755,inode64', root: '/null', dev: '0:95' });
    }
    return list;
  }

  hostMounts(): MountEntry[] {
    const list: MountEntry[] = [
      { source: 'sysfs', target: '/sys', fstype: 'sysfs', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw', dev: '0:21', optional: 'shared:2' },
      { source: 'proc', target: '/proc', fstype: 'proc', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw', dev: '0:22', optional: 'shared:12' },
      { source: 'udev', target: '/dev', fstype: 'devtmpfs', opts: 'rw,nosuid,relatime', superOpts: 'rw,size=4046308k,nr_inodes=1011577,mode=755,inode64', dev: '0:5', optional: 'shared:3' },
      { source: 'devpts', target: '/dev/pts', fstype: 'devpts', opts: 'rw,nosuid,noexec,relatime', superOpts: 'rw,gid=5,mode=620,ptmxmode=000', dev: '0:23', optional: 'shared:4' },
      { source: 'tmpfs', target: '/run', fstype: 'tmpfs', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw,size=812860k,mode=755,inode64', dev: '0:24', optional: 'shared:5' },
      { source: ROOT_DISK, target: '/', fstype: 'ext4', opts: 'rw,relatime', superOpts: EXT4, dev: '8:2', optional: 'shared:1' },
      { source: 'tmpfs', target: '/dev/shm', fstype: 'tmpfs', opts: 'rw,nosuid,nodev', superOpts: 'rw,inode64', dev: '0:25', optional: 'shared:6' },
      { source: 'tmpfs', target: '/run/lock', fstype: 'tmpfs', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw,size=5120k,inode64', dev: '0:26', optional: 'shared:7' },
      { source: 'cgroup2', target: '/sys/fs/cgroup', fstype: 'cgroup2', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw,nsdelegate,memory_recursiveprot', dev: '0:27', optional: 'shared:8' },
      { source: 'mqueue', target: '/dev/mqueue', fstype: 'mqueue', opts: 'rw,nosuid,nodev,noexec,relatime', superOpts: 'rw', dev: '0:20', optional: 'shared:13' },
      { source: '/dev/sda1', target: '/boot/efi', fstype: 'vfat', opts: 'rw,relatime', superOpts: 'rw,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro', dev: '8:1', optional: 'shared:30' },
      { source: 'tmpfs', target: `/run/user/${HOST_UID}`, fstype: 'tmpfs', opts: 'rw,nosuid,nodev,relatime', superOpts: `rw,size=812856k,nr_inodes=203214,mode=700,uid=${HOST_UID},gid=${HOST_UID},inode64`, dev: '0:45', optional: 'shared:280' },
    ];
    let n = 0;
    for (const c of this.d.containers()) {
      if (!c.running) continue;
      n++;
      list.push({ source: 'overlay', target: `/var/lib/docker/overlay2/${c.id.slice(0, 26)}/merged`, fstype: 'overlay', opts: 'rw,relatime', superOpts: this.overlayOptions(c), dev: `0:${89 + n}`, optional: `shared:${300 + n}` });
      const mode = String(c.hostConfig.NetworkMode || 'bridge');
      if (mode !== 'host' && !mode.startsWith('container:') && c.init) {
        list.push({ source: 'nsfs', target: `/run/docker/netns/${c.id.slice(0, 12)}`, fstype: 'nsfs', opts: 'rw', superOpts: 'rw', root: this.ns.link(c.init, 'net'), dev: '0:4', optional: `shared:${400 + n}` });
      }
    }
    return list;
  }
}

function scope(id: string): string {
  return `/system.slice/docker-${id}.scope`;
}

/** `/run/docker.sock`: the socket dockerd listens on, `srw-rw---- root docker`. */
class SocketFile extends GeneratedFs {
  /** dockerd created it when it started: the machine's boot. */
  private readonly created: number;
  constructor(private readonly clock: () => number) {
    super();
    this.created = clock();
  }
  protected now(): number {
    return this.clock();
  }
  protected node(path: string): GenNode | undefined {
    return path === '/' ? { kind: 'socket', mode: 0o660, uid: 0, gid: DOCKER_GID, mtime: this.created } : undefined;
  }
}
