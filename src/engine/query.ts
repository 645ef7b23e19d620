/**
 * The machine's answers to MachineQuery (src/api/machine-query.ts): facts taken from the daemon's
 * own Engine API views (inspect, list, diff) and from the filesystems, so a lesson sees what
 * `docker inspect` would, never what the terminal printed.
 */
import type {
  ContainerFacts, EngineFacts, ImageFacts, MachineQuery, NetworkFacts, ProcessFacts, VolumeFacts,
} from '../api/machine-query';
import type { Machine } from './machine';
import { ROOT, type Fs } from '../api/fs';
import { Vfs } from './fs/vfs';
import { Overlay } from './fs/overlay';
import { MutableLayer, type Layer } from './fs/layer';
import { HOST_HOME } from './host/setup';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class EngineQuery implements MachineQuery {
  constructor(private readonly m: Machine) {}

  private get d() {
    return this.m.daemon;
  }

  /** Facts about dockerd's objects need dockerd (a lazy one starts here, machine.ts). */
  private async ready(): Promise<void> {
    await this.m.dockerd();
  }

  async images(): Promise<ImageFacts[]> {
    await this.ready();
    const out: ImageFacts[] = [];
    for (const img of this.d.store.list()) {
      if (this.d.store.isCacheOnly(img.id)) continue;
      out.push(this.imageFacts(img.id));
    }
    return out;
  }

  async image(ref: string): Promise<ImageFacts | undefined> {
    await this.ready();
    const img = this.d.store.find(ref);
    return img ? this.imageFacts(img.id) : undefined;
  }

  private imageFacts(id: string): ImageFacts {
    const img = this.d.store.get(id)!;
    const cfg = img.config as Json;
    return {
      id,
      tags: this.d.store.repoTags(id),
      layers: img.layers.length,
      layerIds: img.layers.map((l) => l.diffId),
      size: this.d.store.size(id),
      author: String(cfg.author ?? ''),
      // `docker inspect` reads .Comment from the last history entry (where commit -m puts it).
      comment: String(((cfg.history ?? []) as Json[]).slice(-1)[0]?.comment ?? cfg.comment ?? ''),
      config: { ...(cfg.config ?? {}) },
      history: ((cfg.history ?? []) as Json[]).map((h) => String(h.created_by ?? '')),
      containers: this.d.containers.usersOf(id).length,
    };
  }

  async imageHasFile(ref: string, path: string): Promise<boolean> {
    await this.ready();
    const img = this.d.store.find(ref);
    if (!img) return false;
    const fs = new Vfs(new Overlay(img.layers as Layer[], new MutableLayer({ now: () => 0 })), { now: () => 0 }).view(ROOT, '/');
    return exists(fs, path);
  }

  async containers(): Promise<ContainerFacts[]> {
    await this.ready();
    const out: ContainerFacts[] = [];
    for (const c of this.d.containers.containers.values()) {
      const j = (await this.d.containerInspect(c.id)) as Json;
      const hc = (j.HostConfig ?? {}) as Json;
      const bindings = (hc.PortBindings ?? {}) as Record<string, { HostPort: string }[] | null>;
      out.push({
        id: c.id,
        name: c.name,
        image: c.imageRef,
        imageId: c.imageId,
        state: c.state.Status,
        exitCode: c.state.ExitCode,
        oomKilled: c.state.OOMKilled,
        command: [c.path, ...c.args],
        tty: Boolean(j.Config?.Tty),
        openStdin: Boolean(j.Config?.OpenStdin),
        hostname: String(j.Config?.Hostname ?? ''),
        ports: this.d.networks.published(c.id).map((p) => ({ containerPort: p.containerPort, hostPort: p.hostPort })),
        portBindings: Object.entries(bindings).flatMap(([port, bs]) => (bs ?? []).map((b) => ({ containerPort: port, hostPort: b.HostPort }))),
        mounts: c.mounts.map((m) => ({ type: m.Type, ...(m.Name ? { name: m.Name } : {}), source: m.Source, target: m.Destination, rw: m.RW })),
        changes: c.rootfs.diff(),
        networks: Object.keys((j.NetworkSettings?.Networks ?? {}) as Json),
        links: [...((hc.Links as string[] | null) ?? [])],
        memoryLimit: Number(hc.Memory ?? 0),
        nanoCpus: Number(hc.NanoCpus ?? 0),
        pidMode: String(hc.PidMode ?? ''),
        volumesFrom: [...((hc.VolumesFrom as string[] | null) ?? [])],
        restartPolicy: String(hc.RestartPolicy?.Name ?? 'no'),
        restartCount: c.restartCount,
        labels: { ...((j.Config?.Labels ?? {}) as Record<string, string>) },
        pid: c.state.Pid,
      });
    }
    return out;
  }

  async containerFile(idOrName: string, path: string): Promise<string | undefined> {
    await this.ready();
    const c = [...this.d.containers.containers.values()].find((x) => x.name === idOrName || x.id.startsWith(idOrName));
    if (!c) return undefined;
    // A mount hides what the union filesystem has below it: read the mount's source first.
    const mount = c.mounts
      .filter((m) => m.Source && (path === m.Destination || path.startsWith(m.Destination.replace(/\/$/, '') + '/')))
      .sort((a, b) => b.Destination.length - a.Destination.length)[0];
    if (mount) return this.hostFile(mount.Source + path.slice(mount.Destination.replace(/\/$/, '').length));
    const fs = new Vfs(c.rootfs, { now: () => 0 }).view(ROOT, '/');
    return readText(fs, path);
  }

  async volumes(): Promise<VolumeFacts[]> {
    await this.ready();
    const list = (await this.d.volumeList({})) as Json[];
    return list.map((v) => ({
      name: String(v.Name),
      mountpoint: String(v.Mountpoint),
      usedBy: this.d.containers.volumeUsers(String(v.Name)).map((id) => this.d.containers.containers.get(id)?.name ?? id),
    }));
  }

  async volumeFile(name: string, path: string): Promise<string | undefined> {
    await this.ready();
    const v = (await this.volumes()).find((x) => x.name === name);
    return v ? this.hostFile(v.mountpoint + '/' + path.replace(/^\/+/, '')) : undefined;
  }

  async networks(): Promise<NetworkFacts[]> {
    await this.ready();
    return [...this.d.networks.networks.values()].map((n) => ({
      name: n.name,
      driver: n.driver,
      subnet: n.subnet,
      containers: [...n.endpoints.values()].map((e) => e.containerName),
    }));
  }

  async hostFile(path: string): Promise<string | undefined> {
    const p = path === '~' ? HOST_HOME : path.startsWith('~/') ? HOST_HOME + path.slice(1) : path;
    return readText(this.m.hostFs.view(ROOT, '/'), p);
  }

  async processes(): Promise<ProcessFacts[]> {
    await this.ready();
    return this.m.describe().processes.map((p) => ({ pid: p.pid, nsPid: p.nsPid, argv: p.argv, uid: p.uid, ...(p.container ? { container: p.container } : {}) }));
  }

  async engine(): Promise<EngineFacts> {
    await this.ready();
    const info = (await this.d.info()) as Json;
    const mirrors = (info.RegistryConfig?.Mirrors ?? []) as string[] | null;
    return { registryMirrors: [...(mirrors ?? [])], running: !this.d.engineFailed() };
  }
}

function exists(fs: Fs, path: string): boolean {
  try {
    return fs.exists(path);
  } catch {
    return false;
  }
}

function readText(fs: Fs, path: string): string | undefined {
  try {
    if (!fs.exists(path) || fs.stat(path).kind === 'dir') return undefined;
    return new TextDecoder().decode(fs.readFile(path));
  } catch {
    return undefined;
  }
}
