/**
 * dockerd: the daemon the `docker` client talks to. It implements the Engine API surface the CLI
 * uses (DaemonApi, src/api/daemon.ts) over the image store, the simulated registries and the
 * container, volume and network services, and offers the pictures a plain-data view of what it
 * holds. The endpoints that are a service's own come from the *-endpoints.ts files in daemon/,
 * mixed into this object once; what is here is what needs the daemon as a whole (its processes,
 * daemon.json, snapshots, builds, registries).
 */
import { VolumeService } from './volume/volumes';
import { diskUsage } from './daemon/disk-usage';
import type { BuildRequest, DiskUsage } from '../api/bodies';
import { NetworkService } from './network/networks';
import type { NetStack } from './network/stack';
import type { Vfs } from './fs/vfs';
import type { DiskSpace } from './fs/disk';
import type { FsBackend } from '../api/fs';
import type { Clock } from './clock';
import type { Emitter } from './events';
import type { Rng } from './rng';
import type { Kernel, Proc } from './process/kernel';
import { ImageStore } from './image/store';
import { Registry } from './registry/registry';
import { ImageService } from './daemon/images';
import { ContainerService } from './daemon/containers';
import type { MachineView } from './view';
import { DaemonError, type DaemonApi, type PullProgress, type ServerVersion } from '../api/daemon';
import { pruneBuildCache, runBuild } from './daemon/build';
import { BuildCache } from './build/cache';
import { pushImage } from './daemon/push';
import { authenticate, type AuthRequest } from './daemon/auth';
import type { DaemonSnapshot } from './snapshot';
import { resumeContainers, type WasRunning } from './daemon/resume';
import { restoreImageStore, snapshotImageStore } from './image/snapshot';
import { Layer } from './fs/layer';
import { defaultEngineConfig, readEngineConfig, restartContainers, type EngineConfig } from './daemon/engine-config';
import { pushAll } from '../lib/arrays';
import { EventLog } from './daemon/event-log';
import { containerEndpoints, type ContainerEndpoints } from './daemon/container-endpoints';
import { imageEndpoints, type ImageEndpoints } from './daemon/image-endpoints';
import { volumeEndpoints, type VolumeEndpoints } from './daemon/volume-endpoints';
import { networkEndpoints, type NetworkEndpoints } from './daemon/network-endpoints';
import { serverVersion, systemInfo } from './daemon/system-info';
import { describeDaemon } from './daemon/describe';

export { ENGINE_VERSION, API_VERSION } from './daemon/system-info';

export interface DaemonDeps {
  machine: unknown;
  clock: Clock;
  rng: Rng;
  events: Emitter;
  kernel: Kernel;
  /** The host's disk and filesystem: volumes live there, bind mounts come from there. */
  hostDisk?: FsBackend;
  hostFs?: Vfs;
  /** The block device /var/lib/docker lives on: containers' writable layers grow on it. */
  disk?: DiskSpace;
  /** The machine's network stack (the host's interfaces); a new one when absent (tests). */
  net?: NetStack;
}

/** The endpoints the constructor mixes in from the services (see the *-endpoints.ts files). */
export interface Daemon extends ContainerEndpoints, ImageEndpoints, VolumeEndpoints, NetworkEndpoints {}

export class Daemon implements DaemonApi {
  readonly store: ImageStore;
  hub = new Registry();
  /** Private registries by host (a `registry` container listening on localhost:5000 adds one). */
  readonly registries = new Map<string, Registry>([['docker.io', this.hub]]);
  readonly images: ImageService;
  readonly containers: ContainerService;
  readonly volumes: VolumeService;
  readonly networks: NetworkService;
  private dockerd?: Proc;
  private containerd?: Proc;
  /** What /etc/docker/daemon.json said when dockerd last started. */
  private engineConfig: EngineConfig = defaultEngineConfig();
  /** When `systemctl restart docker` last brought dockerd back (the process itself is kept). */
  private engineStarted?: number;
  private engineFailure?: string;
  /** Builds run on this machine so far (each machine counts its own). */
  private builds = 0;
  /** Containers running when the restored snapshot was taken (see daemon/resume.ts). */
  private wasRunning: WasRunning[] = [];
  /** The events service behind `docker events` (the last 256 events, and live subscribers). */
  readonly eventLog: EventLog;

  constructor(private readonly d: DaemonDeps, snap?: DaemonSnapshot) {
    this.eventLog = new EventLog(d.clock, d.events);
    if (snap) {
      // Official images' layers are not in the snapshot: the Hub rebuilds them from its recipes
      // when one is first read, not during the restore (issue 16), warming what was pulled first
      // so that a layer is found without a search.
      let warm = false;
      const rebuild = (diffId: string): Layer => {
        if (!warm) for (const ref of snap.pulled) this.hub.resolve(ref);
        warm = true;
        const l = this.hub.findLayer(diffId);
        if (!l) throw new Error(`This saved machine names an image layer the Hub cannot rebuild (${diffId}).`);
        return l as Layer;
      };
      this.store = restoreImageStore(snap.images, {
        fromEntries: (entries) => Layer.fromEntries(entries),
        resolveLayer: (diffId) => Layer.lazy(diffId, () => rebuild(diffId)),
      });
      const hubSnap = snap.hub;
      const local = (diffId: string) => this.store.layerEntries().find(([, l]) => l.diffId === diffId)?.[1];
      this.hub = Registry.restore(hubSnap, local, (entries) => Layer.fromEntries(entries));
      this.registries.set('docker.io', this.hub);
      for (const r of snap.registries ?? []) this.privateRegistries.set(r.key, Registry.restore(r, (d) => local(d) ?? this.hub.findLayer(d), (entries) => Layer.fromEntries(entries)));
    } else {
      this.store = new ImageStore();
    }
    this.volumes = new VolumeService({
      clock: d.clock,
      rng: d.rng,
      events: d.events,
      hostFs: () => d.hostFs!.view({ uid: 0, gid: 0, groups: [0] }, '/'),
      usersOf: (name) => this.containers.volumeUsers(name),
    });
    if (snap?.volumes) this.volumes.restore(snap.volumes);
    this.networks = new NetworkService({ clock: d.clock, rng: d.rng, events: d.events, hostFs: () => d.hostFs!.view({ uid: 0, gid: 0, groups: [0] }, '/'), stack: d.net });
    if (snap?.networks) this.networks.restore(snap.networks);
    this.containers = new ContainerService({
      store: this.store,
      kernel: d.kernel,
      clock: d.clock,
      rng: d.rng,
      events: d.events,
      shimParent: () => this.containerd?.parent ?? this.containerd,
      proxyParent: () => this.dockerd,
      volumes: this.volumes,
      networks: this.networks,
      hostDisk: d.hostDisk,
      disk: d.disk,
      hostFs: d.hostFs ? () => d.hostFs!.view({ uid: 0, gid: 0, groups: [0] }, '/') : undefined,
      logDefault: () => this.engineConfig.log,
    });
    this.store.setContainersUsing((id) => this.containers.usersOf(id));
    this.images = new ImageService(this.store, (host) => this.registryFor(host), d.clock, d.events, (id) => this.containers.usersOf(id).length, d.disk);
    if (snap) {
      pushAll(this.images.pulled, snap.pulled);
      this.wasRunning = this.containers.restore(snap.containers);
      this.buildCache.restore(snap.buildCache);
    }
    Object.assign(
      this,
      containerEndpoints(this.containers, this.networks, d.clock),
      imageEndpoints({ images: this.images, store: this.store, hub: () => this.hub, clock: d.clock, events: d.events, disk: d.disk }),
      volumeEndpoints(this.volumes),
      networkEndpoints(this.networks, this.containers),
    );
  }

  snapshot(): DaemonSnapshot {
    const fromHub = new Set<string>();
    for (const ref of this.images.pulled) {
      const r = this.hub.resolve(ref);
      if (!('error' in r)) r.layers.forEach((l) => fromHub.add(l.diffId));
    }
    const stored = new Set(this.store.layerEntries().map(([, l]) => l.diffId));
    const inStore = (d: string) => stored.has(d);
    return {
      images: snapshotImageStore(this.store, { external: (d) => fromHub.has(d) }),
      pulled: [...this.images.pulled],
      hub: this.hub.snapshot({ external: inStore }),
      registries: [...this.privateRegistries].map(([key, r]) => ({ key, ...r.snapshot({ external: inStore }) })),
      containers: this.containers.snapshot(),
      volumes: this.volumes.snapshot(),
      networks: this.networks.snapshot(),
      buildCache: this.buildCache.snapshot(),
    };
  }

  /** Start again the containers that were running when the restored snapshot was taken. */
  resumeContainers(): void {
    const was = this.wasRunning;
    this.wasRunning = [];
    resumeContainers(this.containers, was);
  }

  attachProcesses(dockerd: Proc, containerd: Proc): void {
    this.dockerd = dockerd;
    this.containerd = containerd;
    // dockerd reads daemon.json as it starts (a restored machine keeps what the learner wrote).
    const cfg = this.d.hostFs ? readEngineConfig(this.d.hostFs.view({ uid: 0, gid: 0, groups: [0] }, '/')) : undefined;
    if (cfg && !('error' in cfg)) this.engineConfig = cfg;
  }

  /** dockerd's host PID and start time, for `systemctl status docker`. */
  engineProcess(): { pid: number; startTime: number } | undefined {
    const p = this.dockerd;
    return p ? { pid: p.info.pid, startTime: this.engineStarted ?? p.info.startTime } : undefined;
  }

  async version(): Promise<ServerVersion> {
    return serverVersion();
  }

  /**
   * `systemctl restart docker`: dockerd stops its containers, rereads /etc/docker/daemon.json and
   * starts again (see daemon/engine-config.ts). A bad file leaves the engine as it was and says why.
   */
  async restartEngine(): Promise<void> {
    const cfg = this.d.hostFs ? readEngineConfig(this.d.hostFs.view({ uid: 0, gid: 0, groups: [0] }, '/')) : defaultEngineConfig();
    const ok = !('error' in cfg);
    // Going down stops the containers whatever the file says; coming back needs a good file.
    await restartContainers(this.containers.containers.values(), (c) => this.containers.stop(c.id, {}), (c) => (ok ? this.containers.start(c.id) : undefined));
    this.engineStarted = this.d.clock.now();
    if (!ok) {
      this.engineFailure = cfg.error;
      throw new DaemonError(cfg.error, 500);
    }
    this.engineFailure = undefined;
    this.engineConfig = cfg;
  }

  /** Why dockerd failed to start at its last restart (the CLI then cannot connect), if it did. */
  engineFailed(): string | undefined {
    return this.engineFailure;
  }

  async info(): Promise<Record<string, unknown>> {
    return systemInfo({ containers: this.containers, store: this.store, now: this.d.clock.now(), engineConfig: this.engineConfig });
  }

  async events(opts: Parameters<DaemonApi['events']>[0]): Promise<void> {
    await this.eventLog.stream(opts);
  }

  /** The build cache: parent image + step → child image (kept across builds, as Docker's is). */
  readonly buildCache = new BuildCache();
  /** `docker system df`: images, containers, volumes and build cache records with their bytes. */
  async systemDf(): Promise<DiskUsage> {
    const iso = (ms: number) => new Date(ms).toISOString();
    // A cached step's layer also belongs to its image while that image exists: shared, so
    // pruning the cache would free nothing of it.
    const buildCache = this.buildCache.list().map((r) => ({
      ID: r.id, Parent: '', Type: 'regular', Description: '', InUse: false, Shared: !!this.store.get(r.imageId),
      Size: r.size, CreatedAt: iso(r.created), LastUsedAt: iso(r.lastUsed), UsageCount: r.usage,
    }));
    return diskUsage({
      store: this.store,
      images: this.images.list({ all: false, filters: {} }),
      containers: this.containers.list({ all: true, limit: -1, size: true, filters: {} }),
      volumes: this.volumes,
      volumeUsers: (n) => this.containers.volumeUsers(n),
      buildCache,
    });
  }
  async imageBuild(req: BuildRequest, onOutput: (text: string) => Promise<void>): Promise<string> {
    const hostFs = this.d.hostFs ? () => this.d.hostFs!.view({ uid: 0, gid: 0, groups: [0] }, '/') : undefined;
    return runBuild({ store: this.store, clock: this.d.clock, containers: this.containers, images: this.images, events: this.d.events, hostFs, nextBuild: () => ++this.builds }, this.buildCache, req, onOutput);
  }
  async buildPrune(all: boolean): Promise<{ CachesDeleted: string[] | null; SpaceReclaimed: number }> {
    return pruneBuildCache({ store: this.store, containers: this.containers }, this.buildCache, all);
  }

  /** POST /images/{name}/push; `username` comes from the client's stored credentials. */
  async imagePush(ref: string, opts: { username?: string; onProgress: (p: PullProgress) => Promise<void> }): Promise<void> {
    await pushImage({
      store: this.store,
      registry: (host) => this.registryFor(host),
      user: () => opts.username,
      stored: (host, path, tag, digest) => {
        // The registry container keeps the tag as a link file in its storage (its volume), where
        // its own server reads the catalog and tag lists from.
        const c = this.registryContainer(host);
        if (!c) return;
        const fs = this.containers.vfsOf(c).view({ uid: 0, gid: 0, groups: [0] }, '/');
        const dir = `/var/lib/registry/docker/registry/v2/repositories/${path}/_manifests/tags/${tag}/current`;
        fs.mkdir(dir, { recursive: true, mode: 0o755 });
        fs.writeFile(`${dir}/link`, digest);
      },
    }, ref, opts.onProgress);
  }
  /** POST /auth (`docker login`). */
  async registryLogin(auth: AuthRequest): Promise<{ Status: string }> {
    return authenticate(auth, (host) => this.registryFor(host));
  }
  /** The container listening behind a published localhost:PORT (a `registry` container), if any. */
  private registryContainer(host: string) {
    const m = /^(localhost|127\.0\.0\.1):(\d+)$/.exec(host);
    const fwd = m ? this.networks.stack.host.forwards.get(Number(m[2])) : undefined;
    if (!fwd) return undefined;
    const c = [...this.containers.containers.values()].find((x) => this.networks.endpoints(x.id).some((e) => e.endpoint.ip === fwd.targetIp));
    const ns = c && this.networks.stack.owner(fwd.targetIp, this.networks.stack.host);
    const listening = ns?.listeners.get(fwd.targetPort);
    return listening && !listening.closed ? c : undefined;
  }
  /**
   * A registry by host: the Hub, or a server listening behind a published localhost:PORT. A
   * private registry's content belongs to its storage, the mount at /var/lib/registry (the image's
   * VOLUME, or whatever -v put there), so a new container on the same volume sees the same images.
   */
  registryFor(host: string): Registry | undefined {
    const known = this.registries.get(host);
    if (known) return known;
    const c = this.registryContainer(host);
    if (!c) return undefined;
    const mount = c.mounts.find((m) => m.Destination === '/var/lib/registry');
    const key = mount ? `${mount.Type}:${mount.Name || mount.Source}` : `container:${c.id}`;
    let reg = this.privateRegistries.get(key);
    if (!reg) this.privateRegistries.set(key, (reg = new Registry(host)));
    return reg;
  }
  /** Private registries' content by storage key (`volume:NAME`, `bind:/path`, `container:ID`). */
  private readonly privateRegistries = new Map<string, Registry>();

  describe(): Omit<MachineView, 'processes'> {
    return describeDaemon(this);
  }
}
