/**
 * A container's mounts, resolved at create from `-v` (HostConfig.Binds and Config.Volumes),
 * `--mount` (HostConfig.Mounts), `--volumes-from` and `--tmpfs`, plus the image's VOLUMEs; and
 * how they enter the container's mount namespace: a volume or a bind mount is a directory of the
 * host's own filesystem seen at the target (the same files, both ways at once), a tmpfs a fresh
 * empty tree. An empty volume is filled from the image's files at the target on first mount.
 */
import type { FsBackend, Fs } from '../../api/fs';
import { SubtreeBackend } from '../fs/subtree';
import { MutableLayer } from '../fs/layer';
import type { Vfs } from '../fs/vfs';
import { DaemonError } from '../../api/daemon';
import { VolumeService } from './volumes';
import { normalize } from '../../lib/path';

/** One entry of `Mounts` in `docker inspect`. */
export interface MountPoint {
  Type: 'volume' | 'bind' | 'tmpfs';
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

function parseBind(spec: string): { src: string; dst: string; mode: string } {
  const parts = spec.split(':');
  if (parts.length < 2 || parts.length > 3 || !parts[1]) throw new DaemonError(`invalid volume specification: '${spec}'`, 400);
  const [src, dst, mode = ''] = parts;
  if (!dst.startsWith('/')) throw new DaemonError(`invalid volume specification: '${spec}': invalid mount config for type "${src.startsWith('/') ? 'bind' : 'volume'}": invalid mount path: '${dst}' mount path must be absolute`, 400);
  for (const m of mode.split(',').filter(Boolean)) {
    if (!['ro', 'rw', 'z', 'Z', 'nocopy', 'rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave', 'consistent', 'cached', 'delegated'].includes(m)) {
      throw new DaemonError(`invalid mode: ${mode}`, 400);
    }
  }
  return { src, dst: normalize(dst), mode };
}

export interface ResolveDeps {
  volumes: VolumeService;
  hostFs: Fs;
  /** Mount points of another container (`--volumes-from`). */
  mountsOf: (ref: string) => MountPoint[];
}

export function resolveMounts(
  hostConfig: { Binds?: string[] | null; Mounts?: { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean }[] | null; VolumesFrom?: string[] | null; Tmpfs?: Record<string, string> | null },
  volumesInConfig: string[],
  d: ResolveDeps,
): MountPoint[] {
  const out: MountPoint[] = [];
  const add = (m: MountPoint) => {
    if (out.some((x) => x.Destination === m.Destination)) throw new DaemonError(`Duplicate mount point: ${m.Destination}`, 400);
    out.push(m);
  };
  const volume = (name: string | undefined, dst: string, rw: boolean, mode: string) => {
    const v = d.volumes.create({ name, anonymous: !name });
    add({ Type: 'volume', Name: v.name, Source: VolumeService.dataDir(v.name), Destination: dst, Driver: 'local', Mode: mode, RW: rw, Propagation: '' });
  };
  for (const spec of hostConfig.Binds ?? []) {
    const { src, dst, mode } = parseBind(spec);
    const rw = !mode.split(',').includes('ro');
    if (src.startsWith('/')) {
      // `-v` creates a missing host directory (as root), unlike --mount.
      const host = normalize(src);
      if (!d.hostFs.exists(host)) d.hostFs.mkdir(host, { recursive: true, mode: 0o755 });
      // Mode is the raw mode text (moby's ParseMountRaw: `mp.Mode = mode`), "ro" included.
      add({ Type: 'bind', Source: host, Destination: dst, Mode: mode, RW: rw, Propagation: 'rprivate' });
    } else {
      VolumeService.validate(src);
      // setBindModeIfNull: a local volume given without a mode shows "z".
      volume(src, dst, rw, mode || 'z');
    }
  }
  for (const m of hostConfig.Mounts ?? []) {
    const type = m.Type ?? 'volume';
    if (!m.Target) throw new DaemonError('invalid mount config: mount target must be specified', 400);
    const dst = normalize(m.Target);
    if (type === 'bind') {
      if (!m.Source) throw new DaemonError(`invalid mount config for type "bind": field Source must not be empty`, 400);
      const host = normalize(m.Source);
      if (!d.hostFs.exists(host)) throw new DaemonError(`invalid mount config for type "bind": bind source path does not exist: ${host}`, 400);
      add({ Type: 'bind', Source: host, Destination: dst, Mode: '', RW: !m.ReadOnly, Propagation: 'rprivate' });
    } else if (type === 'volume') volume(m.Source || undefined, dst, !m.ReadOnly, '');
    else if (type === 'tmpfs') add({ Type: 'tmpfs', Source: '', Destination: dst, Mode: '', RW: !m.ReadOnly, Propagation: '' });
    else throw new DaemonError(`invalid mount config: mount type unknown: "${type}"`, 400);
  }
  for (const spec of hostConfig.VolumesFrom ?? []) {
    const [ref, mode = ''] = spec.split(':');
    for (const m of d.mountsOf(ref)) {
      if (out.some((x) => x.Destination === m.Destination)) continue;
      out.push({ ...m, RW: mode === 'ro' ? false : mode === 'rw' ? true : m.RW });
    }
  }
  for (const [path] of Object.entries(hostConfig.Tmpfs ?? {})) add({ Type: 'tmpfs', Source: '', Destination: normalize(path), Mode: '', RW: true, Propagation: '' });
  // `-v /path` and the image's VOLUMEs: anonymous volumes where nothing else is mounted.
  for (const path of volumesInConfig) {
    const dst = normalize(path);
    if (!out.some((x) => x.Destination === dst)) volume(undefined, dst, true, '');
  }
  return out;
}

function copyTree(from: Fs, src: string, to: Fs, dst: string): void {
  for (const n of from.readdir(src)) {
    const s = `${src === '/' ? '' : src}/${n}`;
    const t = `${dst}/${n}`;
    const st = from.lstat(s);
    if (st.kind === 'dir') {
      to.mkdir(t, { mode: st.mode });
      copyTree(from, s, to, t);
    } else if (st.kind === 'symlink') to.symlink(from.readlink(s), t);
    else if (st.kind === 'file') to.writeFile(t, from.readFile(s), { mode: st.mode });
    else continue;
    if (st.kind !== 'symlink') {
      to.chmod(t, st.mode);
      to.chown(t, st.uid, st.gid);
    }
  }
}

/**
 * Prepare the container's root for its mounts (create the mount points) and fill empty volumes
 * from the image's files at their targets, keeping owners and modes (as Docker does on first use).
 */
export function prepareMounts(rootNoMounts: Fs, mounts: MountPoint[], hostFs: Fs, volumes: VolumeService): void {
  for (const m of mounts) {
    const exists = rootNoMounts.exists(m.Destination);
    if (m.Type === 'volume' && m.Name && exists && rootNoMounts.stat(m.Destination).kind === 'dir') {
      const data = VolumeService.dataDir(m.Name);
      if (hostFs.readdir(data).length === 0 && rootNoMounts.readdir(m.Destination).length > 0) {
        copyTree(rootNoMounts, m.Destination, hostFs, data);
        const st = rootNoMounts.stat(m.Destination);
        hostFs.chmod(data, st.mode);
        hostFs.chown(data, st.uid, st.gid);
      }
    }
    if (!exists) rootNoMounts.mkdir(m.Destination, { recursive: true, mode: 0o755 });
  }
  void volumes;
}

/** Put the mounts into a container's mount namespace. */
export function applyMounts(vfs: Vfs, mounts: MountPoint[], hostDisk: FsBackend, tmpfs: (dst: string) => FsBackend): void {
  for (const m of mounts) {
    const backend = m.Type === 'tmpfs' ? tmpfs(m.Destination) : new SubtreeBackend(hostDisk, m.Source);
    vfs.mount(m.Destination, backend, { readonly: !m.RW });
  }
}

export function newTmpfs(now: () => number): FsBackend {
  return new MutableLayer({ now });
}
