/**
 * dockerd: the daemon the `docker` client talks to. It implements the Engine API surface the CLI
 * verbs use (src/cli/daemon-api.ts) over the image store, the simulated registries and the
 * container service, and offers the pictures a plain-data view of what it holds.
 */
import { checkPlatformParam } from './daemon/platform-param';
import { HOST_CPUS } from './process/cgroup';
import { VolumeService } from './volume/volumes';
import { diskUsage } from './daemon/disk-usage';
import type { BuildRequest, DiskUsage, LoadMessage } from '../api/bodies';
import { NetworkService } from './network/networks';
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
import type {
  ContainerSummary, DaemonApi, ImageDeleteItem, ImageHistoryItem, ImageSummary, PullProgress, SearchResult, ServerVersion,
} from '../api/daemon';
import type { ReadStream } from './process/types';
import { DaemonError } from '../api/daemon';
import { importTarball } from './daemon/import';
import { applyChange } from './daemon/commit';
import { pruneBuildCache, runBuild } from './daemon/build';
import { BuildCache } from './build/cache';
import { pushImage } from './daemon/push';
import { saveImages } from './daemon/save';
import { loadImages } from './daemon/load';
import { authenticate, type AuthRequest } from './daemon/auth';
import type { DaemonSnapshot } from './snapshot';
import { resumeContainers, type WasRunning } from './daemon/resume';
import { restoreImageStore, snapshotImageStore } from './image/snapshot';
import { Layer } from './fs/layer';
import { defaultEngineConfig, readEngineConfig, restartContainers, type EngineConfig } from './daemon/engine-config';
import { healthJson } from './daemon/health';
import { topTable } from './daemon/top';
import { pushAll } from '../lib/arrays';
import { KERNEL } from './programs/sysinfo';
import { EventLog, imageEvent } from './daemon/event-log';
import { completeHostConfig } from './daemon/host-config';

export const ENGINE_VERSION = '28.5.2';
export const API_VERSION = '1.51';

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
}

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
    this.networks = new NetworkService({ clock: d.clock, rng: d.rng, events: d.events, hostFs: () => d.hostFs!.view({ uid: 0, gid: 0, groups: [0] }, '/') });
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
    return {
      Platform: { Name: 'Docker Engine - Community' },
      Components: [
        { Name: 'Engine', Version: ENGINE_VERSION, Details: { ApiVersion: API_VERSION, Arch: 'amd64', BuildTime: '2025-11-04T14:36:11.000000000+00:00', Experimental: 'false', GitCommit: 'e180ab8', GoVersion: 'go1.24.9', KernelVersion: KERNEL.release, MinAPIVersion: '1.24', Os: 'linux' } },
        { Name: 'containerd', Version: 'v1.7.28', Details: { GitCommit: 'b98a3aace656320842a23f4a392a33f46af97866' } },
        { Name: 'runc', Version: '1.3.0', Details: { GitCommit: 'v1.3.0-0-g4ca628d1' } },
        { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
      ],
      Version: ENGINE_VERSION,
      ApiVersion: API_VERSION,
      MinAPIVersion: '1.24',
      GitCommit: 'e180ab8',
      GoVersion: 'go1.24.9',
      Os: 'linux',
      Arch: 'amd64',
      KernelVersion: KERNEL.release,
      BuildTime: '2025-11-04T14:36:11.000000000+00:00',
    };
  }

  /**
   * `systemctl restart docker`: dockerd stops its containers, rereads /etc/docker/daemon.json and
   * starts again (see daemon/engine-config.ts). A bad file leaves the engine as it was and says why.
   */
  async restartEngine(): Promise<{ error?: string }> {
    const cfg = this.d.hostFs ? readEngineConfig(this.d.hostFs.view({ uid: 0, gid: 0, groups: [0] }, '/')) : defaultEngineConfig();
    const ok = !('error' in cfg);
    // Going down stops the containers whatever the file says; coming back needs a good file.
    await restartContainers(this.containers.containers.values(), (c) => this.containers.stop(c.id, {}), (c) => (ok ? this.containers.start(c.id) : undefined));
    this.engineStarted = this.d.clock.now();
    if (!ok) {
      this.engineFailure = cfg.error;
      return { error: cfg.error };
    }
    this.engineFailure = undefined;
    this.engineConfig = cfg;
    return {};
  }

  /** Why dockerd failed to start at its last restart (the CLI then cannot connect), if it did. */
  engineFailed(): string | undefined {
    return this.engineFailure;
  }

  async info(): Promise<Record<string, unknown>> {
    const all = [...this.containers.containers.values()];
    return {
      ID: 'b1f6c7e2-5d7a-4b0e-9c3e-2f4a1d6e8b90',
      Containers: all.length,
      ContainersRunning: all.filter((c) => c.state.Status === 'running').length,
      ContainersPaused: all.filter((c) => c.state.Status === 'paused').length,
      ContainersStopped: all.filter((c) => !c.state.Running).length,
      Images: this.store.list().length,
      Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
      Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
      MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
      IPv4Forwarding: true, Debug: false, NFd: 24, OomKillDisable: false, NGoroutines: 41,
      SystemTime: new Date(this.d.clock.now()).toISOString(),
      LoggingDriver: this.engineConfig.log.Type, CgroupDriver: 'systemd', CgroupVersion: '2', NEventsListener: 0,
      KernelVersion: KERNEL.release, OperatingSystem: 'Ubuntu 24.04.3 LTS', OSVersion: '24.04', OSType: 'linux', Architecture: 'x86_64',
      IndexServerAddress: 'https://index.docker.io/v1/',
      RegistryConfig: {
        IndexConfigs: {
          'docker.io': { Name: 'docker.io', Mirrors: [...this.engineConfig.mirrors], Secure: true, Official: true },
          ...Object.fromEntries(this.engineConfig.insecureRegistries.map((r) => [r, { Name: r, Mirrors: [], Secure: false, Official: false }])),
        },
        InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
        Mirrors: this.engineConfig.mirrors.length ? [...this.engineConfig.mirrors] : null,
      },
      NCPU: HOST_CPUS, MemTotal: 8_323_616_768, DockerRootDir: '/var/lib/docker', HttpProxy: '', HttpsProxy: '', NoProxy: '',
      Name: 'docker-lab', Labels: [], ExperimentalBuild: false, ServerVersion: ENGINE_VERSION,
      Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } }, DefaultRuntime: 'runc',
      Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
      LiveRestoreEnabled: false, Isolation: '', InitBinary: 'docker-init',
      ContainerdCommit: { ID: 'b98a3aace656320842a23f4a392a33f46af97866' }, RuncCommit: { ID: 'v1.3.0-0-g4ca628d1' }, InitCommit: { ID: 'de40ad0' },
      SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
      Warnings: null,
      // CDI is on by default since Engine 28: these are its default spec directories.
      CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    };
  }

  async imageList(opts: { all: boolean; filters: Record<string, string[]> }): Promise<ImageSummary[]> {
    return this.images.list(opts);
  }
  async imagePull(ref: string, opts: { platform?: string; onProgress: (p: PullProgress) => Promise<void> }): Promise<void> {
    checkPlatformParam(opts.platform);
    await this.images.pull(ref, opts.onProgress);
  }
  async imageRemove(ref: string, opts: { force: boolean; noPrune: boolean }): Promise<ImageDeleteItem[]> {
    return this.images.remove(ref, opts);
  }
  async imageTag(source: string, target: string): Promise<void> {
    this.images.tag(source, target);
  }
  async imageHistory(ref: string): Promise<ImageHistoryItem[]> {
    return this.images.history(ref);
  }
  async imageInspect(ref: string): Promise<Record<string, unknown>> {
    return this.images.inspect(ref);
  }
  async imagePrune(opts: { all: boolean; filters: Record<string, string[]> }) {
    return this.images.prune(opts);
  }
  async search(term: string, opts: { limit: number; filters: Record<string, string[]> }): Promise<SearchResult[]> {
    return this.images.search(term, opts, this.hub);
  }
  async containerList(opts: { all: boolean; limit: number; size: boolean; filters: Record<string, string[]> }): Promise<ContainerSummary[]> {
    return this.containers.list(opts);
  }
  async containerCreate(body: { name?: string; config: Record<string, unknown>; hostConfig: Record<string, unknown> }): Promise<{ Id: string; Warnings: string[] }> {
    return this.containers.create(body);
  }
  async events(opts: Parameters<NonNullable<DaemonApi['events']>>[0]): Promise<void> {
    await this.eventLog.stream(opts);
  }
  async containerStart(id: string): Promise<void> {
    this.containers.start(id);
  }
  async containerAttach(id: string, opts: { stdin?: ReadStream; onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void; detachKeys?: string; nudgeSize?: boolean }) {
    return this.containers.attach(id, opts);
  }
  async containerWait(id: string): Promise<{ StatusCode: number }> {
    return this.containers.wait(id);
  }
  async containerRemove(id: string, opts: { force: boolean; volumes: boolean }): Promise<void> {
    this.containers.remove(id, opts);
  }
  async containerExec(id: string, opts: Parameters<DaemonApi['containerExec']>[1]): Promise<number> {
    return this.containers.exec(id, opts);
  }
  async volumeCreate(opts: { name?: string; driver?: string; labels?: Record<string, string>; options?: Record<string, string> }): Promise<Record<string, unknown>> {
    return this.volumes.inspect(this.volumes.create(opts).name);
  }
  async volumeList(filters: Record<string, string[]>): Promise<Record<string, unknown>[]> {
    return this.volumes.list(filters).map((v) => this.volumes.inspect(v.name));
  }
  async volumeInspect(name: string): Promise<Record<string, unknown>> {
    return this.volumes.inspect(name);
  }
  async volumeRemove(name: string, force: boolean): Promise<void> {
    this.volumes.remove(name, force);
  }
  async volumePrune(all: boolean, filters: Record<string, string[]> = {}): Promise<{ VolumesDeleted: string[] | null; SpaceReclaimed: number }> {
    const r = this.volumes.prune(all, filters);
    return { VolumesDeleted: r.deleted.length ? r.deleted : null, SpaceReclaimed: r.reclaimed };
  }
  async networkList(filters: Record<string, string[]>): Promise<Record<string, unknown>[]> {
    let nets = [...this.networks.networks.values()];
    for (const [k, vals] of Object.entries(filters)) {
      if (!['name', 'id', 'driver', 'label', 'type', 'scope', 'dangling'].includes(k)) throw new DaemonError(`invalid filter '${k}'`, 400);
      if (k === 'name') nets = nets.filter((n) => vals.some((v) => n.name.includes(v)));
      if (k === 'id') nets = nets.filter((n) => vals.some((v) => n.id.startsWith(v)));
      if (k === 'driver') nets = nets.filter((n) => vals.includes(n.driver));
      if (k === 'type') nets = nets.filter((n) => vals.includes(n.builtin ? 'builtin' : 'custom'));
      if (k === 'dangling') nets = nets.filter((n) => !n.builtin && n.endpoints.size === 0 && !this.networkUsed(n.name));
    }
    return nets.map((n) => this.networks.inspect(n));
  }
  private networkUsed(name: string): boolean {
    return [...this.containers.containers.values()].some((c) => c.hostConfig.NetworkMode === name || name in c.extraNetworks);
  }
  async networkInspect(ref: string): Promise<Record<string, unknown>> {
    return this.networks.inspect(this.networks.get(ref));
  }
  async networkCreate(name: string, opts: { driver?: string; subnet?: string; gateway?: string; labels?: Record<string, string> }): Promise<{ Id: string }> {
    return { Id: this.networks.create(name, opts).id };
  }
  async networkRemove(ref: string): Promise<void> {
    // Only running containers hold endpoints: a stopped one naming the network does not keep it
    // (it fails to start afterwards with "network … not found", as in Docker).
    this.networks.remove(ref);
  }
  async networkConnect(net: string, container: string, aliases: string[]): Promise<void> {
    const n = this.networks.get(net);
    const c = this.containers.get(container);
    if (n.driver !== 'bridge') throw new DaemonError(`container cannot be disconnected from host network or connected to host network`, 400);
    this.networks.connect(n, { id: c.id, name: c.name, hostname: c.config.Hostname, networkMode: c.hostConfig.NetworkMode, extraNetworks: c.extraNetworks, aliases, links: [], portBindings: {}, publishAll: false, exposed: [] }, aliases);
    if (c.hostConfig.NetworkMode !== n.name) c.extraNetworks[n.name] = { aliases };
  }
  async networkDisconnect(net: string, container: string): Promise<void> {
    const n = this.networks.get(net);
    const c = this.containers.get(container);
    if (!n.endpoints.has(c.id) && !(n.name in c.extraNetworks) && c.hostConfig.NetworkMode !== n.name) {
      throw new DaemonError(`container ${c.id} is not connected to network ${n.name}`, 403);
    }
    this.networks.disconnect(n, c.id);
    delete c.extraNetworks[n.name];
  }
  async networkPrune(): Promise<string[]> {
    const gone: string[] = [];
    for (const n of [...this.networks.networks.values()]) {
      if (n.builtin || n.endpoints.size || this.networkUsed(n.name)) continue;
      this.networks.remove(n.id);
      gone.push(n.name);
    }
    return gone;
  }
  async containerPort(id: string): Promise<{ containerPort: string; hostIp: string; hostPort: number }[]> {
    const c = this.containers.get(id);
    return this.networks.published(c.id);
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
  async imageSave(refs: string[]): Promise<Uint8Array> {
    const tar = saveImages(this.store, refs, this.d.clock.now());
    // image/tarexport/save.go logs `save` once per image written (a bare name means all its tags).
    const ids = new Set<string>();
    for (const r of refs) {
      try {
        ids.add(this.store.lookup(r).id);
      } catch {
        for (const img of this.store.list()) if (this.store.repoTags(img.id).some((t) => t.startsWith(`${r}:`))) ids.add(img.id);
      }
    }
    for (const id of ids) imageEvent(this.d.events, this.store.get(id), id, id, 'save');
    return tar;
  }
  async imageLoad(bytes: Uint8Array, quiet = false): Promise<LoadMessage[]> {
    const msgs = loadImages(this.store, bytes, quiet, this.d.disk);
    // tarexport logs `load` for every image in the archive, new or already present.
    const loaded = new Set<string>();
    for (const m of msgs) {
      const named = /^Loaded image(?: ID)?: (\S+)/.exec(m.status);
      if (!named) continue;
      try {
        loaded.add(this.store.lookup(named[1]).id);
      } catch {
        /* not an image line */
      }
    }
    for (const id of loaded) imageEvent(this.d.events, this.store.get(id), id, id, 'load');
    return msgs;
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
  async imageBuild(req: BuildRequest, onOutput: (text: string) => Promise<void>): Promise<{ imageId?: string; error?: string; status: number }> {
    const hostFs = this.d.hostFs ? () => this.d.hostFs!.view({ uid: 0, gid: 0, groups: [0] }, '/') : undefined;
    return runBuild({ store: this.store, clock: this.d.clock, containers: this.containers, images: this.images, events: this.d.events, hostFs, nextBuild: () => ++this.builds }, this.buildCache, req, onOutput);
  }
  async buildPrune(all: boolean): Promise<{ CachesDeleted: string[] | null; SpaceReclaimed: number }> {
    return pruneBuildCache({ store: this.store, containers: this.containers }, this.buildCache, all);
  }
  async containerCommit(id: string, opts: { reference?: string; author?: string; message?: string; changes?: string[] }): Promise<{ Id: string }> {
    return { Id: this.containers.commit(id, opts) };
  }
  async containerDiff(id: string): Promise<{ Kind: number; Path: string }[]> {
    return this.containers.diff(id);
  }
  async containerArchiveGet(id: string, path: string) {
    return this.containers.archiveGet(id, path);
  }
  async containerArchivePut(id: string, dir: string, entries: import('../lib/tar').TarEntry[], rename?: string): Promise<void> {
    this.containers.archivePut(id, dir, entries, rename);
  }
  async containerArchiveStat(id: string, path: string) {
    return this.containers.archiveStat(id, path);
  }
  async containerStats(id: string) {
    return this.containers.stats(id);
  }
  async containerExport(id: string): Promise<Uint8Array> {
    return this.containers.exportFs(id);
  }
  async imageImport(tar: Uint8Array, opts: { source: string; reference?: string; message?: string; changes?: string[]; platform?: string }): Promise<string> {
    checkPlatformParam(opts.platform);
    const img = importTarball(this.store, this.d.clock, tar, opts, (cfg, line) => applyChange(cfg, line));
    this.d.events.emit({ type: 'layer.created', diffId: img.layers[0].diffId });
    if (opts.reference) this.images.tag(img.id, opts.reference);
    imageEvent(this.d.events, img, img.id, img.id, 'import');
    return img.id;
  }
  async containerPause(id: string): Promise<void> {
    this.containers.pause(id);
  }
  async containerUnpause(id: string): Promise<void> {
    this.containers.unpause(id);
  }
  async containerRename(id: string, name: string): Promise<void> {
    this.containers.rename(id, name);
  }
  async containerPrune() {
    return this.containers.prune();
  }
  async containerTop(id: string, psArgs: string[] = []): Promise<{ Titles: string[]; Processes: string[][] }> {
    const c = this.containers.get(id);
    if (!c.running) throw new DaemonError(`container ${c.id} is not running`, 409);
    const procs = this.containers.processesOf(c).sort((a, b) => a.info.pid - b.info.pid);
    return topTable(procs.map((p) => p.info), psArgs, { now: this.d.clock.now(), tty: c.config.Tty ? 'pts/0' : '?' });
  }
  async containerStop(id: string, opts: { timeout?: number; signal?: string }): Promise<void> {
    await this.containers.stop(id, opts);
  }
  async containerUpdate(id: string, body: import('./daemon/update').UpdateBody): Promise<{ Warnings: string[] }> {
    return this.containers.update(id, body);
  }
  async containerKill(id: string, signal?: string): Promise<void> {
    this.containers.kill(id, signal);
  }
  async containerRestart(id: string, opts: { timeout?: number; signal?: string }): Promise<void> {
    await this.containers.restart(id, opts);
  }
  async containerLogs(id: string, opts: Parameters<DaemonApi['containerLogs']>[1]): Promise<void> {
    await this.containers.logs(id, opts);
  }
  async containerInspect(id: string): Promise<Record<string, unknown>> {
    const c = this.containers.get(id);
    const iso = (t: number) => (t ? new Date(t).toISOString() : '0001-01-01T00:00:00Z');
    return {
      Id: c.id,
      Created: new Date(c.created).toISOString(),
      Path: c.path,
      Args: c.args,
      State: { ...c.state, StartedAt: iso(c.state.StartedAt), FinishedAt: iso(c.state.FinishedAt), ...healthJson(c) },
      Image: c.imageId,
      ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
      HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
      HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
      LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
      Name: '/' + c.name,
      RestartCount: c.restartCount,
      Driver: 'overlay2',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: 'docker-default',
      ExecIDs: null,
      HostConfig: completeHostConfig(c.hostConfig),
      GraphDriver: { Data: { MergedDir: `/var/lib/docker/overlay2/${c.id.slice(0, 26)}/merged`, UpperDir: `/var/lib/docker/overlay2/${c.id.slice(0, 26)}/diff`, WorkDir: `/var/lib/docker/overlay2/${c.id.slice(0, 26)}/work` }, Name: 'overlay2' },
      Mounts: c.mounts.map((m) => ({ ...m })),
      Config: c.config,
      NetworkSettings: this.networkSettings(c),
    };
  }

  /** NetworkSettings as `docker inspect` shows them (empty addresses while stopped). */
  private networkSettings(c: { id: string; hostConfig: { NetworkMode: string; PortBindings?: Record<string, unknown> }; config: { ExposedPorts?: Record<string, unknown> } }): Record<string, unknown> {
    const eps = this.networks.endpoints(c.id);
    const running = this.networks.running.has(c.id);
    const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
    for (const k of Object.keys(c.config.ExposedPorts ?? {})) ports[k] = null;
    for (const p of this.networks.published(c.id)) {
      const list = (ports[p.containerPort] ??= []);
      list.push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
      if (p.hostIp === '0.0.0.0') list.push({ HostIp: '::', HostPort: String(p.hostPort) });
    }
    const mode = c.hostConfig.NetworkMode || 'bridge';
    const names = mode === 'host' || mode === 'none' ? [mode] : mode.startsWith('container:') ? [] : [mode === 'default' ? 'bridge' : mode];
    const nets: Record<string, unknown> = {};
    for (const name of names) {
      const ep = eps.find((e) => e.network.name === name);
      const n = this.networks.find(name);
      nets[name] = {
        IPAMConfig: null, Links: null, Aliases: null, MacAddress: ep?.endpoint.mac ?? '', DriverOpts: null, GwPriority: 0,
        NetworkID: n?.id ?? '', EndpointID: ep?.endpoint.endpointId ?? '', Gateway: ep ? ep.network.gateway : '',
        IPAddress: ep?.endpoint.ip ?? '', IPPrefixLen: ep ? Number(ep.network.subnet.split('/')[1]) : 0, IPv6Gateway: '',
        GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, DNSNames: ep && name !== 'bridge' ? [ep.endpoint.containerName, ...ep.endpoint.aliases, c.id.slice(0, 12)] : null,
      };
    }
    for (const { network, endpoint } of eps) {
      if (!(network.name in nets)) {
        nets[network.name] = {
          IPAMConfig: null, Links: null, Aliases: endpoint.aliases.length ? endpoint.aliases : null, MacAddress: endpoint.mac, DriverOpts: null, GwPriority: 0,
          NetworkID: network.id, EndpointID: endpoint.endpointId, Gateway: network.gateway, IPAddress: endpoint.ip,
          IPPrefixLen: Number(network.subnet.split('/')[1]), IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
          DNSNames: [endpoint.containerName, ...endpoint.aliases, c.id.slice(0, 12)],
        };
      }
    }
    const bridge = eps.find((e) => e.network.name === 'bridge');
    return {
      Bridge: '', SandboxID: running ? c.id.replace(/./g, (ch, i) => c.id[(i * 7) % 64]) : '', SandboxKey: running ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
      Ports: ports, HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0, SecondaryIPAddresses: null, SecondaryIPv6Addresses: null,
      EndpointID: bridge?.endpoint.endpointId ?? '', Gateway: bridge?.network.gateway ?? '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.endpoint.ip ?? '', IPPrefixLen: bridge ? 16 : 0, IPv6Gateway: '', MacAddress: bridge?.endpoint.mac ?? '',
      Networks: nets,
    };
  }

  describe(): Omit<MachineView, 'processes'> {
    // BuildKit's untagged step results are build cache, not images: the pictures show what
    // `docker images -a` lists (daemon/images.ts skips the same records).
    const images = this.store.list().filter((img) => !(this.store.isCacheOnly(img.id) && !this.store.repoTags(img.id).length)).map((img) => {
      const history = (img.config.history ?? []).filter((h) => !h.empty_layer);
      return {
        id: img.id,
        tags: this.store.repoTags(img.id),
        size: this.store.size(img.id),
        layers: img.layers.map((l, i) => ({ diffId: l.diffId, size: l.size, createdBy: history[i]?.created_by ?? '' })),
      };
    });
    const containers = [...this.containers.containers.values()].map((c) => ({
      id: c.id,
      name: c.name,
      imageId: c.imageId,
      image: c.imageRef,
      state: c.state.Status,
      changes: c.rootfs.diff(),
      mounts: c.mounts.map((m) => ({ type: m.Type, ...(m.Name ? { name: m.Name } : {}), source: m.Source, target: m.Destination, rw: m.RW })),
      ports: this.networks.published(c.id).map((p) => ({ hostIp: p.hostIp, hostPort: p.hostPort, containerPort: p.containerPort })),
      links: [...((c.hostConfig.Links as string[] | undefined) ?? [])],
    }));
    const networks = [...this.networks.networks.values()].map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      subnet: n.subnet,
      gateway: n.gateway,
      endpoints: [...n.endpoints.values()].map((e) => ({ containerId: e.containerId, containerName: e.containerName, ip: e.ip, aliases: [...e.aliases] })),
    }));
    return { images, containers, networks, projects: this.projects() };
  }

  /** Compose projects, read from the com.docker.compose.* labels as `docker compose ls` reads them. */
  private projects(): import('./view').ProjectView[] {
    const P = 'com.docker.compose.project';
    const byName = new Map<string, import('./view').ProjectView>();
    const project = (name: string) => {
      let p = byName.get(name);
      if (!p) byName.set(name, (p = { name, services: [], networks: [], volumes: [] }));
      return p;
    };
    for (const c of this.containers.containers.values()) {
      const labels = (c.config.Labels ?? {}) as Record<string, string>;
      if (!labels[P]) continue;
      const p = project(labels[P]);
      const svc = labels['com.docker.compose.service'] ?? c.name;
      let s = p.services.find((x) => x.name === svc);
      if (!s) p.services.push((s = { name: svc, containers: [] }));
      s.containers.push({ name: c.name, state: c.state.Status });
    }
    for (const n of this.networks.networks.values()) if (n.labels?.[P]) project(n.labels[P]).networks.push(n.name);
    for (const v of this.volumes.list()) if (v.labels?.[P]) project(v.labels[P]).volumes.push(v.name);
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
