/**
 * dockerd's container side: the containers it holds and what they share (lookup, each one's
 * filesystem view, the shims, the layers each retains). The Engine API's container endpoints are
 * methods of this one service; their code lives by concern in the container-*.ts files beside it
 * (create, start, attach, lifecycle, archive, stats, list) as functions whose `this` is the service,
 * so each file reads like the class it belongs to.
 */
import type { WasRunning } from './resume';
import type { NetworkService } from '../network/networks';
import { applyMounts, newTmpfs } from '../volume/mounts';
import type { VolumeService } from '../volume/volumes';
import type { KernelFs } from './kernel-fs';
import { updateContainer, type UpdateBody } from './update';
import type { Clock } from '../clock';
import type { Emitter } from '../events';
import type { Rng } from '../rng';
import { type Layer, MutableLayer } from '../fs/layer';
import { Overlay } from '../fs/overlay';
import { Vfs } from '../fs/vfs';
import type { Fs, FsBackend } from '../../api/fs';
import type { DiskSpace } from '../fs/disk';
import type { ImageStore } from '../image/store';
import { familiarString, tryParseReference } from '../../lib/reference';
import { Container } from '../container/container';
import type { Kernel, Proc } from '../process/kernel';
import { restoreMutable, snapshotMutable } from '../fs/snapshot';
import { commitContainer } from './commit';
import { execInContainer, type ExecOptions } from './exec';
import { readLogs, type LogOptions } from './lifecycle';
import type { ContainerSnapshot } from '../snapshot';
import { DaemonError } from '../../api/daemon';
import { announceExec, containerEvent, imageEvent } from './event-log';
import type { LogConfig } from './host-config';
import * as creating from './container-create';
import * as starting from './container-start';
import * as attaching from './container-attach';
import * as lifecycle from './container-lifecycle';
import * as archive from './container-archive';
import * as stats from './container-stats';
import * as listing from './container-list';

export { MAX_IMAGE_LAYERS } from './container-create';

export interface ContainerDeps {
  store: ImageStore;
  kernel: Kernel;
  clock: Clock;
  rng: Rng;
  events: Emitter;
  /** Parent of containerd-shim processes (systemd, as on a real host). */
  shimParent: () => Proc | undefined;
  /** Parent of docker-proxy processes (dockerd). */
  proxyParent?: () => Proc | undefined;
  /** Volumes and the host disk that volumes and bind mounts come from. */
  volumes?: VolumeService;
  hostDisk?: FsBackend;
  hostFs?: () => Fs;
  /** daemon.json's log-driver and log-opts, for containers created without --log-driver. */
  logDefault?: () => LogConfig;
  networks?: NetworkService;
  disk?: DiskSpace;
}

export class ContainerService {
  readonly containers = new Map<string, Container>();
  /** containerd-shim processes by container ID (the parent of each container's PID 1). */
  readonly shims = new Map<string, Proc>();
  /** The machine's procfs/sysfs (kernel-fs.ts), mounted in each container's namespace. */
  kernelFs?: KernelFs;
  /** Health monitors by container ID (see health.ts); stopped when PID 1 ends. */
  readonly healthStops = new Map<string, () => void>();
  /** Restart back-off steps by container ID (container-start.ts). */
  readonly backoff = new Map<string, number>();
  readonly startListeners = new Map<string, Set<() => void>>();
  /** The image layer chains each container holds in the layer store until it is removed. */
  readonly layerChains = new Map<string, readonly string[]>();

  constructor(readonly d: ContainerDeps) {}

  // The endpoints, by concern (each file says which part of moby it stands for).
  readonly create = creating.create;
  readonly start = starting.start;
  readonly attach = attaching.attach;
  readonly wait = lifecycle.wait;
  readonly stop = lifecycle.stop;
  readonly kill = lifecycle.kill;
  readonly restart = lifecycle.restart;
  readonly pause = lifecycle.pause;
  readonly unpause = lifecycle.unpause;
  readonly rename = lifecycle.rename;
  readonly remove = lifecycle.remove;
  readonly prune = lifecycle.prune;
  readonly archiveGet = archive.archiveGet;
  readonly archivePut = archive.archivePut;
  readonly archiveStat = archive.archiveStat;
  readonly exportFs = archive.exportFs;
  readonly diff = archive.diff;
  readonly stats = stats.stats;
  readonly list = listing.list;
  readonly summary = listing.summary;
  readonly statusText = listing.statusText;

  // What those files call on one another (not for dockerd).
  readonly newId = creating.newId;
  readonly cgroupFor = starting.cgroupFor;
  readonly pidNamespaceFor = starting.pidNamespaceFor;
  readonly probe = starting.probe;
  readonly onExit = starting.onExit;
  readonly shouldRestart = starting.shouldRestart;
  readonly killed = lifecycle.killed;
  readonly removeNow = lifecycle.removeNow;
  readonly removeAnonymousVolumes = lifecycle.removeAnonymousVolumes;

  /** Docker's lookup: full ID, exact name, then unique ID prefix. */
  find(ref: string): Container | undefined {
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    for (const c of this.containers.values()) if (c.name === name) return c;
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) throw new DaemonError(`multiple IDs found with provided prefix: ${ref}`, 400);
    return matches[0];
  }

  get(ref: string): Container {
    const c = ref ? this.find(ref) : undefined;
    if (!c) throw new DaemonError(`No such container: ${ref}`, 404);
    return c;
  }

  usersOf(imageId: string): { id: string; running: boolean }[] {
    return [...this.containers.values()].filter((c) => c.imageId === imageId).map((c) => ({ id: c.id, running: c.running }));
  }

  snapshot(): ContainerSnapshot[] {
    return [...this.containers.values()].map((c) => ({
      id: c.id, name: c.name, created: c.created, imageId: c.imageId, imageRef: c.imageRef, path: c.path, args: [...c.args],
      config: structuredClone(c.config), hostConfig: structuredClone(c.hostConfig), state: { ...c.state },
      restartCount: c.restartCount, logs: c.logs.map((l) => ({ ...l })),
      upper: snapshotMutable((c.rootfs as Overlay).upper as MutableLayer),
      mounts: c.mounts.map((m) => ({ ...m })),
    }));
  }

  /** Put saved containers back; answers those that were running (or paused) when saved. */
  restore(list: ContainerSnapshot[]): WasRunning[] {
    const was: WasRunning[] = [];
    for (const s of list) {
      const img = this.d.store.get(s.imageId);
      // A saved container whose image is gone could never start again (Docker keeps images in use
      // from being removed); the machine is repaired by leaving it out.
      if (!img) continue;
      const upper = restoreMutable(s.upper, { now: () => this.d.clock.now(), disk: this.d.disk });
      const rootfs = new Overlay(img.layers as Layer[], upper);
      const c = new Container(s.id, s.name, s.created, s.imageId, s.imageRef, s.path, s.args, s.config, s.hostConfig, rootfs);
      creating.applyLogCaps(c);
      c.state = { ...s.state };
      c.restartCount = s.restartCount;
      c.logs = s.logs.map((l) => ({ ...l }));
      c.mounts = (s.mounts ?? []).map((m) => ({ ...m }));
      this.d.store.retainLayers(img.chainIds);
      this.layerChains.set(c.id, img.chainIds);
      if (c.state.Running || c.state.Paused || c.state.Restarting) {
        was.push({ id: c.id, paused: c.state.Paused, startedAt: c.state.StartedAt });
        c.state = { ...c.state, Status: 'exited', Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: 255, FinishedAt: this.d.clock.now() };
      }
      this.containers.set(c.id, c);
    }
    return was;
  }

  vfsOf(c: Container): Vfs {
    let v = (c as Container & { vfs?: Vfs }).vfs;
    if (!v) {
      v = new Vfs(c.rootfs, { now: () => this.d.clock.now() });
      // --read-only: the container's root is mounted read-only (writes fail with EROFS).
      if (c.hostConfig.ReadonlyRootfs) v.mount('/', c.rootfs, { readonly: true });
      if (this.d.hostDisk) applyMounts(v, c.mounts, this.d.hostDisk, () => newTmpfs(() => this.d.clock.now()));
      this.kernelFs?.mountContainer(v, c);
      (c as Container & { vfs?: Vfs }).vfs = v;
    }
    return v;
  }

  /** Call `fn` each time the container starts; returns an unsubscribe function. */
  onStart(c: Container, fn: () => void): () => void {
    let set = this.startListeners.get(c.id);
    if (!set) this.startListeners.set(c.id, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  /** POST /containers/{id}/update. */
  update(ref: string, body: UpdateBody): { Warnings: string[] } {
    return { Warnings: updateContainer(this.get(ref), body) };
  }

  /** IDs of the containers that mount a volume. */
  volumeUsers(name: string): string[] {
    return [...this.containers.values()].filter((c) => c.mounts.some((m) => m.Name === name)).map((c) => c.id);
  }

  /** docker exec: run a command in the container; resolves with its exit status. */
  async exec(ref: string, opts: Omit<ExecOptions, 'terminal'>): Promise<number> {
    const c = this.get(ref);
    const terminal = opts.tty ? attaching.terminalOf(opts.stdin) : undefined;
    const { proc, unlink } = execInContainer(this.d.kernel, c, this.shims.get(c.id), { ...opts, terminal });
    const announced = announceExec(this.d.events, c, opts.cmd);
    const status = await proc.wait();
    announced(status);
    unlink();
    return status;
  }

  commit(ref: string, opts: { reference?: string; author?: string; message?: string; changes?: string[] }): string {
    const c = this.get(ref);
    const img = commitContainer(c, this.d.store, this.d.clock, opts, this.d.disk);
    this.d.events.emit({ type: 'layer.created', diffId: img.layers[img.layers.length - 1].diffId });
    imageEvent(this.d.events, img, img.id, img.id, 'create');
    let imageRef = '';
    if (opts.reference) {
      const r = tryParseReference(opts.reference);
      if ('error' in r) throw new DaemonError(r.error, 400);
      if (!r.ref.tag && !r.ref.digest) r.ref.tag = 'latest';
      this.d.store.addReference(img.id, r.ref);
      this.d.events.emit({ type: 'image.tagged', id: img.id, ref: opts.reference });
      imageRef = familiarString(r.ref);
      imageEvent(this.d.events, img, img.id, imageRef, 'tag');
    }
    containerEvent(this.d.events, c, 'commit', { comment: opts.message ?? '', imageID: img.id, imageRef });
    return img.id;
  }

  /** The processes in a container's PID namespace (host view), for top and pause. */
  processesOf(c: Container): Proc[] {
    if (!c.init) return [];
    return [...c.init.ctx.pidNs.members.values()].filter((p) => p.alive);
  }

  async logs(ref: string, opts: LogOptions): Promise<void> {
    await readLogs(this.get(ref), opts);
  }
}
