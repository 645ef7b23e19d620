/**
 * dockerd's container side: create (merging the image's config with the request), start (a shim and
 * the first process in new namespaces), attach, wait, remove, list, inspect.
 */
import { sha256hex } from '../../lib/hash';
import { daemonDiskError, ensureDirRoom } from './layer-space';
import { checkDevices } from './devices';
import type { WasRunning } from './resume';
import type { NetworkService } from '../network/networks';
import type { NetNamespace } from '../network/stack';
import { SubtreeBackend } from '../fs/subtree';
import { applyMounts, newTmpfs, prepareMounts, resolveMounts } from '../volume/mounts';
import type { VolumeService } from '../volume/volumes';
import { HOST_MEMORY, MemoryCgroup } from '../process/cgroup';
import type { KernelFs } from './kernel-fs';
import { checkResources, updateContainer, type UpdateBody } from './update';
import type { Clock } from '../clock';
import type { Emitter } from '../events';
import type { Rng } from '../rng';
import { Layer, MutableLayer } from '../fs/layer';
import { Overlay } from '../fs/overlay';
import { Vfs } from '../fs/vfs';
import type { Fs, FsBackend } from '../../api/fs';
import type { DiskSpace } from '../fs/disk';
import type { Image, ImageStore } from '../image/store';
import { familiarize, familiarString } from '../../lib/reference';
import { Container, type ContainerConfig, type HostConfig, type LogEntry } from '../container/container';
import { LogPacer } from '../container/log-pacer';
import { generateName, VALID_NAME } from '../container/names';
import { containerEnv, RuntimeError, startInit } from '../container/runtime';
import type { Kernel, PidNamespace, Proc } from '../process/kernel';
import { Pipe } from '../process/pipe';
import { Pty } from '../process/pty';
import type { ReadStream, WriteStream } from '../process/types';
import { restoreMutable, snapshotMutable } from '../fs/snapshot';
import { commitContainer } from './commit';
import { packPath, unpackInto } from '../../lib/archive';
import { writeTar, type TarEntry } from '../../lib/tar';

/** Entries of a packed directory without the directory itself (names relative to it). */
function contentsOnly(entries: TarEntry[]): TarEntry[] {
  const top = entries[0]?.name.replace(/\/$/, '') ?? '';
  return entries.slice(1).map((e) => ({ ...e, name: e.name.slice(top.length + 1) }));
}
import { tryParseReference } from '../../lib/reference';
import { execInContainer, type ExecOptions } from './exec';
import { killContainer, readLogs, stopContainer, type LogOptions } from './lifecycle';
import { healthOf, startHealthMonitor } from './health';
import type { ContainerSnapshot } from '../snapshot';
import { humanDuration } from '../../lib/units';
import { DaemonError, type ContainerSummary } from '../../api/daemon';
import { announceExec, containerEvent, imageEvent, mountEvents } from './event-log';
import { completeHostConfig, logSizeBytes, type LogConfig } from './host-config';

const enc = new TextEncoder();

/** A stream that writes into the container's log. */
function logWriter(c: Container, stream: 'stdout' | 'stderr', clock: Clock): WriteStream {
  const dec = new TextDecoder();
  return {
    isTTY: false,
    async write(chunk) {
      c.appendLog(stream, typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true }), clock.now());
      // An attached client or `logs -f` that is behind makes the write block, as a full pipe would.
      const wait = c.logBehind();
      if (wait) await wait;
    },
    close() {},
  };
}

const EMPTY_STDIN: ReadStream = { isTTY: false, read: async () => null, close() {} };

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
  private shims = new Map<string, Proc>();
  /** The machine's procfs/sysfs (kernel-fs.ts), mounted in each container's namespace. */
  kernelFs?: KernelFs;

  constructor(private readonly d: ContainerDeps) {}

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

  private newId(): string {
    for (;;) {
      const id = this.d.rng.hex(32);
      // The short ID is the default hostname, which must not look like a number.
      if (!/^\d{12}/.test(id)) return id;
    }
  }

  create(body: { name?: string; config: Record<string, unknown>; hostConfig: Record<string, unknown>; networkingConfig?: Record<string, unknown> }): { Id: string; Warnings: string[] } {
    const req = body.config as Partial<ContainerConfig> & { Image?: string };
    // moby checks the settings before it looks for the image.
    checkResources(body.hostConfig);
    const imageRef = String(req.Image ?? '');
    const img = this.d.store.find(imageRef);
    if (!img) throw new DaemonError(`No such image: ${safeFamiliar(imageRef)}`, 404);
    // The layer store refuses a chain deeper than overlayfs can stack under a container's own
    // layers (moby's ErrMaxDepthExceeded): 127 image layers is the most a container can run on.
    if (img.layers.length > MAX_IMAGE_LAYERS) throw new DaemonError('max depth exceeded', 500);
    if (body.name !== undefined && body.name !== '') {
      const name = body.name.replace(/^\//, '');
      if (!VALID_NAME.test(name)) throw new DaemonError(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
      const taken = [...this.containers.values()].find((c) => c.name === name);
      if (taken) {
        throw new DaemonError(
          `Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
          409,
        );
      }
    }
    const id = this.newId();
    const name = body.name ? body.name.replace(/^\//, '') : generateName(this.d.rng, (n) => [...this.containers.values()].some((c) => c.name === n), id.slice(0, 12));
    const config = mergeConfig(img, req, id);
    const hostConfig = completeHostConfig(body.hostConfig, this.d.logDefault?.());
    const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
    if (argv.length === 0) throw new DaemonError('no command specified', 400);
    ensureDirRoom(this.d.disk, `/var/lib/docker/overlay2/${sha256hex(id)}-init`);
    const rootfs = new Overlay(img.layers as Layer[], new MutableLayer({ now: () => this.d.clock.now(), disk: this.d.disk }));
    const mode = String(hostConfig.NetworkMode || 'bridge');
    // An unknown --network is found out at start (Docker 28: "failed to set up container
    // networking: network X not found"), the container stays Created.
    // --network host and --uts host both give the container the host's UTS namespace: its name.
    if ((mode === 'host' || hostConfig.UTSMode === 'host') && !req.Hostname) config.Hostname = 'docker-lab';
    if (mode.startsWith('container:')) {
      const other = this.find(mode.slice(10));
      if (other) config.Hostname = other.config.Hostname;
    }
    const c = new Container(id, name, this.d.clock.now(), img.id, imageRef, argv[0], argv.slice(1), config, hostConfig, rootfs);
    applyLogCaps(c);
    const ep = (body.networkingConfig?.EndpointsConfig ?? {}) as Record<string, { Aliases?: string[] }>;
    c.netAliases = Object.values(ep).flatMap((e) => e.Aliases ?? []);
    if (this.d.volumes && this.d.hostFs) {
      const hostFs = this.d.hostFs();
      c.mounts = resolveMounts(hostConfig as Parameters<typeof resolveMounts>[0], Object.keys(config.Volumes ?? {}), {
        volumes: this.d.volumes,
        hostFs,
        mountsOf: (ref) => this.get(ref).mounts,
      });
      prepareMounts(new Vfs(rootfs, { now: () => this.d.clock.now() }).view({ uid: 0, gid: 0, groups: [0] }, '/'), c.mounts, hostFs, this.d.volumes);
    }
    this.d.store.retainLayers(img.chainIds);
    this.layerChains.set(id, img.chainIds);
    this.containers.set(id, c);
    this.d.events.emit({ type: 'container.created', id, name, image: imageRef });
    containerEvent(this.d.events, c, 'create');
    // The pictures draw volumes and bind mounts beside the layer stack: they bypass the overlay.
    if (c.mounts.length) {
      this.d.events.emit({ type: 'container.mounts', id, mounts: c.mounts.map((m) => ({ type: m.Type, ...(m.Name ? { name: m.Name } : {}), source: m.Source, target: m.Destination, rw: m.RW })) });
    }
    return { Id: id, Warnings: [] };
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
      applyLogCaps(c);
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

  start(ref: string): void {
    try {
      this.startOnce(ref);
    } catch (e) {
      throw daemonDiskError(e);
    }
  }

  private startOnce(ref: string): void {
    const c = this.get(ref);
    if (c.state.Paused) throw new DaemonError('cannot start a paused container, try unpause instead', 409);
    if (c.running) return;
    checkDevices(c.hostConfig, this.d.hostFs?.());
    const { kernel, clock } = this.d;
    c.stoppedByUser = false;
    const shim = kernel.addStatic(
      ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'moby', '-id', c.id, '-address', '/run/containerd/containerd.sock'],
      { pidNs: kernel.rootNs, uts: { hostname: 'docker-lab' }, fsRoot: this.vfsOf(c) },
      this.d.shimParent(),
    );
    let stdin: ReadStream = EMPTY_STDIN;
    let stdout: WriteStream;
    let stderr: WriteStream;
    if (c.config.Tty) {
      const pty = new Pty();
      pty.signalGroup = (pgid, sig) => kernel.signalGroup(pgid, sig);
      pty.onOutput((s) => c.appendLog('stdout', s, clock.now()));
      pty.addGate(() => c.logBehind());
      c.pty = pty;
      stdin = pty.reader;
      stdout = stderr = pty.writer;
    } else {
      stdout = logWriter(c, 'stdout', clock);
      stderr = logWriter(c, 'stderr', clock);
      if (c.config.OpenStdin) {
        const pipe = new Pipe();
        stdin = pipe.reader;
        c.stdinWriter = pipe.writer;
      }
    }
    let netns: NetNamespace | undefined;
    if (this.d.networks && this.d.hostFs && this.d.hostDisk) {
      const dir = `/var/lib/docker/containers/${c.id}`;
      try {
        netns = this.d.networks.setUp(netContainer(c), this.d.hostFs(), dir, (ref) => {
          const o = this.find(ref);
          return o && { id: o.id, name: o.name, hostname: o.config.Hostname };
        }, (argv) => kernel.addStatic(argv, { pidNs: kernel.rootNs, uts: { hostname: 'docker-lab' }, fsRoot: this.vfsOf(c) }, this.d.proxyParent?.()));
      } catch (e) {
        shim.exit(0);
        throw e;
      }
      // Docker bind-mounts these three files from its own directory.
      const v = this.vfsOf(c);
      const host = this.d.hostFs();
      for (const f of ['hostname', 'hosts', 'resolv.conf']) {
        if (host.exists(`${dir}/${f}`)) v.mount(`/etc/${f}`, new SubtreeBackend(this.d.hostDisk, `${dir}/${f}`));
      }
      // Every container has an empty /.dockerenv (Docker puts it in the init layer, so docker
      // diff never lists it); programs like df use it to know they run in a container.
      if (!host.exists(`${dir}/.dockerenv`)) host.writeFile(`${dir}/.dockerenv`, '');
      try {
        v.mount('/.dockerenv', new SubtreeBackend(this.d.hostDisk, `${dir}/.dockerenv`));
      } catch {
        /* a read-only image root without the mount point: left out */
      }
    }
    let init: Proc;
    try {
      init = startInit(
        kernel,
        {
          argv: [c.path, ...c.args],
          env: containerEnv(c.config.Env, c.config.Hostname, c.config.Tty),
          cwd: c.config.WorkingDir || '/',
          user: c.config.User,
          hostname: c.config.Hostname,
          containerId: c.id,
          fsRoot: this.vfsOf(c),
          stdin,
          stdout,
          stderr,
          pidNs: this.pidNamespaceFor(c),
          cgroup: this.cgroupFor(c),
          init: c.hostConfig.Init === true,
          netns,
        },
        shim,
      );
    } catch (e) {
      shim.exit(0);
      this.d.networks?.tearDown(c.id);
      if (e instanceof RuntimeError) {
        c.state = { ...c.state, Status: 'created', ExitCode: e.exitCode, Error: e.message };
        throw new DaemonError(e.message, 400, e.exitCode);
      }
      throw e;
    }
    c.init = init;
    if (c.pty) c.pty.foregroundPgid = init.info.pgid;
    this.shims.set(c.id, shim);
    c.state = { ...c.state, Status: 'running', Running: true, Paused: false, Restarting: false, OOMKilled: false, Pid: init.info.pid, ExitCode: 0, Error: '', StartedAt: clock.now() };
    this.d.events.emit({ type: 'container.state', id: c.id, state: 'running' });
    mountEvents(this.d.events, c, 'mount');
    containerEvent(this.d.events, c, 'start');
    for (const fn of this.startListeners.get(c.id) ?? []) fn();
    this.healthStops.get(c.id)?.();
    this.healthStops.set(c.id, startHealthMonitor(c, clock, { run: (argv, onOutput, signal) => this.probe(c, argv, onOutput, signal) }, (s) => {
      this.d.events.emit({ type: 'container.state', id: c.id, state: 'running' });
      containerEvent(this.d.events, c, `health_status: ${s}`);
    }));
    void init.wait().then((code) => this.onExit(c, init, code));
  }

  /** A fresh cgroup per start: memory sized by -m / --memory-swap, pids.max by --pids-limit. */
  private cgroupFor(c: Container): MemoryCgroup {
    const pids = typeof c.hostConfig.PidsLimit === 'number' ? c.hostConfig.PidsLimit : 0;
    const cg = MemoryCgroup.forContainer(c.hostConfig.Memory, c.hostConfig.MemorySwap ?? 0, HOST_MEMORY, pids);
    cg.createdAt = this.d.clock.now();
    cg.cpus = Number((c.hostConfig as { NanoCpus?: number }).NanoCpus ?? 0) / 1e9;
    (c as Container & { cgroup?: MemoryCgroup }).cgroup = cg;
    return cg;
  }

  /** --pid host shares the host's PID namespace; --pid container:X shares X's. */
  private pidNamespaceFor(c: Container): PidNamespace | undefined {
    const mode = c.hostConfig.PidMode ?? '';
    if (mode === 'host') return this.d.kernel.rootNs;
    if (mode.startsWith('container:')) {
      const other = this.get(mode.slice('container:'.length));
      if (!other.running || !other.init) throw new DaemonError(`cannot join PID of a non running container: ${other.id}`, 409);
      return other.init.ctx.pidNs;
    }
    return undefined;
  }

  /** Health monitors by container ID (see health.ts); stopped when PID 1 ends. */
  private healthStops = new Map<string, () => void>();

  /** One health probe: the test run as `docker exec` would, its output collected, killable. */
  private async probe(c: Container, argv: string[], onOutput: (t: string) => void, signal: AbortSignal): Promise<number> {
    const { proc, unlink } = execInContainer(this.d.kernel, c, this.shims.get(c.id), { cmd: argv, onOutput: (_s, data) => onOutput(data) });
    const announced = announceExec(this.d.events, c, argv);
    const kill = () => proc.deliver(9, true);
    signal.addEventListener('abort', kill);
    try {
      const code = await proc.wait();
      announced(code);
      return code;
    } finally {
      signal.removeEventListener('abort', kill);
      unlink();
    }
  }

  private onExit(c: Container, init: Proc, code: number): void {
    if (c.init !== init) return;
    this.healthStops.get(c.id)?.();
    this.healthStops.delete(c.id);
    this.shims.get(c.id)?.exit(0);
    this.shims.delete(c.id);
    c.stdinWriter?.close();
    c.stdinWriter = undefined;
    const ranMs = this.d.clock.now() - c.state.StartedAt;
    this.d.networks?.tearDown(c.id);
    c.markExited(code, this.d.clock.now());
    if (((c as Container & { cgroup?: MemoryCgroup }).cgroup?.oomKills ?? 0) > 0) c.state = { ...c.state, OOMKilled: true };
    this.d.events.emit({ type: 'container.state', id: c.id, state: 'exited' });
    mountEvents(this.d.events, c, 'unmount');
    containerEvent(this.d.events, c, 'die', { exitCode: String(code), execDuration: String(Math.floor(ranMs / 1000)) });
    if (this.shouldRestart(c, code)) {
      // Docker's back-off: 100 ms doubling on each quick exit, back to 100 ms after 10 s up.
      const delays = this.backoff.get(c.id) ?? 0;
      const delay = ranMs >= 10_000 ? 100 : Math.min(60_000, 100 * 2 ** delays);
      this.backoff.set(c.id, ranMs >= 10_000 ? 1 : delays + 1);
      c.state = { ...c.state, Status: 'restarting', Restarting: true };
      this.d.clock.setTimeout(() => {
        if (!this.containers.has(c.id) || c.stoppedByUser || c.state.Status !== 'restarting') return;
        c.restartCount++;
        try {
          this.start(c.id);
        } catch {
          c.state = { ...c.state, Status: 'exited', Restarting: false };
        }
      }, delay);
      return;
    }
    if (c.hostConfig.AutoRemove) {
      this.removeNow(c);
      this.removeAnonymousVolumes(c);
    }
  }

  private backoff = new Map<string, number>();

  private shouldRestart(c: Container, code: number): boolean {
    if (c.stoppedByUser) return false;
    const p = c.hostConfig.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 };
    if (p.Name === 'always' || p.Name === 'unless-stopped') return true;
    if (p.Name === 'on-failure') return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
    return false;
  }

  /**
   * Attach to the container's streams. When the caller's stdin is itself a terminal and the
   * container has one (`-it`), the two terminals are linked: keys go straight to the container's
   * pty and its screen comes back, as the real client does in raw mode. Ctrl-P Ctrl-Q (or the
   * given detach keys) detaches and leaves the container running.
   */
  attach(
    ref: string,
    opts: { stdin?: ReadStream; onOutput: (stream: 'stdout' | 'stderr', data: string) => Promise<void> | void; detachKeys?: string; nudgeSize?: boolean },
  ): { detach(): void; detached: Promise<void>; drain?: () => Promise<void> } {
    const c = this.get(ref);
    containerEvent(this.d.events, c, 'attach');
    let stopped = false;
    let onDetached: () => void = () => {};
    const detached = new Promise<void>((r) => (onDetached = r));
    const hostTty = terminalOf(opts.stdin);
    if (hostTty instanceof Pty && c.config.Tty) {
      const keys = parseDetachKeys(opts.detachKeys ?? 'ctrl-p,ctrl-q');
      let matched = 0;
      let unlink: () => void = () => {};
      const link = (pty: Pty) => {
        unlink();
        unlink = hostTty.link(pty, (data) => {
          // Hold back a partial detach sequence; pass everything else through.
          let out = '';
          for (const ch of data) {
            if (ch === keys[matched]) {
              matched++;
              if (matched === keys.length) {
                matched = 0;
                stop();
                onDetached();
                return out;
              }
              continue;
            }
            out += keys.slice(0, matched).join('') + ch;
            matched = 0;
          }
          return out;
        });
      };
      const stop = () => {
        if (stopped) return;
        stopped = true;
        unlink();
        offStart();
      };
      // The pty is made at start; link now if it exists, else when the container starts. The
      // link ends when that run of the container ends.
      const linkRun = () => {
        if (!c.pty || stopped) return;
        link(c.pty);
        // docker attach's resizeTTY: a size change makes the program at the prompt redraw it.
        if (opts.nudgeSize) {
          const { cols, rows } = c.pty;
          c.pty.resize(cols + 1, rows + 1);
          c.pty.resize(cols, rows);
        }
        void c.waitExit().then(() => {
          if (!c.running) stop();
        });
      };
      if (c.running) linkRun();
      const offStart = this.onStart(c, linkRun);
      return { detach: stop, detached };
    }
    const pacer = new LogPacer();
    const off = c.onLog((e: LogEntry) => pacer.add(e.data.length, () => opts.onOutput(e.stream, e.data)));
    const offGate = c.addLogGate(pacer.gate);
    // Ending the attachment withdraws the pending read, so the next line typed goes to whoever
    // reads the terminal after it (the shell), not into a container nobody is attached to.
    const reading = new AbortController();
    if (opts.stdin) {
      const input = opts.stdin;
      void (async () => {
        for (;;) {
          if (stopped) return;
          const chunk = await input.read(reading.signal).catch(() => (stopped ? undefined : null));
          if (stopped || chunk === undefined) return;
          if (chunk === null) {
            c.stdinWriter?.close();
            return;
          }
          if (c.pty) c.pty.input(new TextDecoder().decode(chunk));
          else if (c.stdinWriter) await c.stdinWriter.write(chunk).catch(() => {});
        }
      })();
    }
    return {
      detach() {
        stopped = true;
        reading.abort();
        off();
        offGate();
        pacer.close();
      },
      detached,
      /** Resolves once everything written so far has reached onOutput. */
      drain: () => pacer.drain(),
    };
  }

  private startListeners = new Map<string, Set<() => void>>();

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

  async wait(ref: string): Promise<{ StatusCode: number }> {
    const c = this.get(ref);
    const code = await c.waitExit();
    return { StatusCode: code };
  }

  remove(ref: string, opts: { force: boolean; volumes: boolean }): void {
    const c = this.get(ref);
    if (c.state.Paused && !opts.force) throw new DaemonError(`cannot remove container "${ref}": container is paused and must be unpaused first`, 409);
    if (c.running && !opts.force) {
      throw new DaemonError(`cannot remove container "${ref}": container is running: stop the container before removing or force remove`, 409);
    }
    if (c.running && c.init) {
      c.stoppedByUser = true;
      this.killed(c)(9);
      c.init.terminate(137);
    }
    this.removeNow(c);
    if (opts.volumes) this.removeAnonymousVolumes(c);
  }

  /** `rm -v` and `--rm`: the container's anonymous volumes go with it (named ones stay). */
  private removeAnonymousVolumes(c: Container): void {
    for (const m of c.mounts) {
      if (m.Type === 'volume' && m.Name && this.d.volumes?.isAnonymous(m.Name) && this.volumeUsers(m.Name).length === 0) {
        this.d.volumes.remove(m.Name, true);
      }
    }
  }

  /** IDs of the containers that mount a volume. */
  volumeUsers(name: string): string[] {
    return [...this.containers.values()].filter((c) => c.mounts.some((m) => m.Name === name)).map((c) => c.id);
  }

  private layerChains = new Map<string, readonly string[]>();

  private removeNow(c: Container): void {
    this.containers.delete(c.id);
    const chains = this.layerChains.get(c.id);
    if (chains) {
      for (const chain of this.d.store.releaseLayers(chains)) this.d.events.emit({ type: 'layer.deleted', diffId: chain });
      this.layerChains.delete(c.id);
    }
    this.d.events.emit({ type: 'container.removed', id: c.id });
    containerEvent(this.d.events, c, 'destroy');
  }

  async stop(ref: string, opts: { timeout?: number; signal?: string }): Promise<void> {
    const c = this.get(ref);
    if (c.state.Status === 'restarting') {
      c.stoppedByUser = true;
      c.state = { ...c.state, Status: 'exited', Restarting: false };
      return;
    }
    const wasRunning = c.running;
    await stopContainer(c, this.d.clock, opts, this.killed(c));
    if (wasRunning) containerEvent(this.d.events, c, 'stop');
  }

  /** moby logs every signal it sends a container as a `kill` event. */
  private killed(c: Container): (sig: number) => void {
    return (sig) => containerEvent(this.d.events, c, 'kill', { signal: String(sig) });
  }

  kill(ref: string, signal?: string): void {
    const c = this.get(ref);
    killContainer(c, ref, signal, this.killed(c));
  }

  async restart(ref: string, opts: { timeout?: number; signal?: string }): Promise<void> {
    const c = this.get(ref);
    await stopContainer(c, this.d.clock, opts, this.killed(c));
    this.start(ref);
    containerEvent(this.d.events, c, 'restart');
  }

  /** docker exec: run a command in the container; resolves with its exit status. */
  async exec(ref: string, opts: Omit<ExecOptions, 'terminal'>): Promise<number> {
    const c = this.get(ref);
    const terminal = opts.tty ? terminalOf(opts.stdin) : undefined;
    const { proc, unlink } = execInContainer(this.d.kernel, c, this.shims.get(c.id), { ...opts, terminal });
    const announced = announceExec(this.d.events, c, opts.cmd);
    const status = await proc.wait();
    announced(status);
    unlink();
    return status;
  }

  commit(ref: string, opts: { reference?: string; author?: string; message?: string; changes?: string[] }): string {
    const c = this.get(ref);
    const img = commitContainer(c, this.d.store, this.d.clock, opts);
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

  pause(ref: string): void {
    const c = this.get(ref);
    if (!c.running || !c.init) throw new DaemonError(`Container ${c.id} is not running`, 409);
    if (c.state.Paused) throw new DaemonError(`Container ${c.id} is already paused`, 409);
    for (const p of this.processesOf(c)) p.stop();
    c.state = { ...c.state, Status: 'paused', Paused: true };
    this.d.events.emit({ type: 'container.state', id: c.id, state: 'paused' });
    containerEvent(this.d.events, c, 'pause');
  }

  unpause(ref: string): void {
    const c = this.get(ref);
    if (!c.state.Paused) throw new DaemonError(`Container ${c.id} is not paused`, 409);
    for (const p of this.processesOf(c)) p.resume();
    c.state = { ...c.state, Status: 'running', Paused: false };
    this.d.events.emit({ type: 'container.state', id: c.id, state: 'running' });
    containerEvent(this.d.events, c, 'unpause');
  }

  rename(ref: string, name: string): void {
    const c = this.get(ref);
    const n = name.replace(/^\//, '');
    if (!VALID_NAME.test(n)) throw new DaemonError(`Invalid container name (${n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
    if (n === c.name) throw new DaemonError(`Renaming a container with the same name as its current name`, 400);
    const taken = [...this.containers.values()].find((x) => x.name === n);
    if (taken) throw new DaemonError(`Error when allocating new name: Conflict. The container name "/${n}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`, 409);
    const oldName = c.name;
    c.name = n;
    containerEvent(this.d.events, c, 'rename', { oldName: '/' + oldName.replace(/^\//, '') });
  }

  /** The processes in a container's PID namespace (host view), for top and pause. */
  processesOf(c: Container): Proc[] {
    if (!c.init) return [];
    return [...c.init.ctx.pidNs.members.values()].filter((p) => p.alive);
  }

  prune(): { ContainersDeleted: string[] | null; SpaceReclaimed: number } {
    const deleted: string[] = [];
    let space = 0;
    for (const c of [...this.containers.values()]) {
      if (c.running || c.state.Paused) continue;
      space += writableSize(c);
      this.removeNow(c);
      deleted.push(c.id);
    }
    return { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: space };
  }

  /** GET /containers/{id}/archive?path= : the path packed as tar entries. */
  archiveGet(ref: string, path: string): TarEntry[] {
    const c = this.get(ref);
    const fs = this.vfsOf(c).view({ uid: 0, gid: 0, groups: [0] }, '/');
    if (!fs.exists(path)) throw new DaemonError(`Could not find the file ${path} in container ${ref}`, 404);
    return packPath(fs, path);
  }

  /**
   * GET /containers/{id}/stats (one sample). CPU % is the cgroup's CPU time over the last second
   * (the daemon primes two samples a second apart for a non-streamed answer); memory is a
   * believable figure from the processes and the writable layer, capped by the memory limit.
   */
  stats(ref: string): { id: string; name: string; cpu: number; mem: number; limit: number; netRx: number; netTx: number; blockRead: number; blockWrite: number; pids: number } {
    const c = this.get(ref);
    const procs = c.running ? this.processesOf(c) : [];
    const limit = c.hostConfig.Memory > 0 ? c.hostConfig.Memory : HOST_MEMORY;
    const held = (c as Container & { cgroup?: MemoryCgroup }).cgroup?.usage ?? 0;
    const mem = c.running ? Math.min(limit, 520_192 * procs.length + writableSize(c) + 1_048_576 + held) : 0;
    const secs = c.running ? Math.floor((this.d.clock.now() - c.state.StartedAt) / 1000) : 0;
    return {
      id: c.id, name: c.name, cpu: c.running ? (c as Container & { cgroup?: MemoryCgroup }).cgroup?.cpuPercent(this.d.clock.now()) ?? 0 : 0, mem, limit: c.running ? limit : 0,
      netRx: c.running ? 796 + 40 * Math.min(secs, 600) : 0, netTx: 0,
      blockRead: 0, blockWrite: c.running ? writableSize(c) : 0, pids: procs.length,
    };
  }

  /** GET /containers/{id}/export: the whole merged filesystem as one tar. */
  exportFs(ref: string): Uint8Array {
    const fs = this.vfsOf(this.get(ref)).view({ uid: 0, gid: 0, groups: [0] }, '/');
    // The rootfs, not the kernel's views mounted on it: /proc and /sys export as empty directories.
    const entries = contentsOnly(packPath(fs, '/')).filter((e) => !/^(proc|sys)\/./.test(e.name));
    return writeTar(entries);
  }

  /** PUT /containers/{id}/archive?path= : entries unpacked into an existing directory. */
  archivePut(ref: string, dir: string, entries: TarEntry[], rename?: string): void {
    const c = this.get(ref);
    const fs = this.vfsOf(c).view({ uid: 0, gid: 0, groups: [0] }, '/');
    if (!fs.exists(dir)) throw new DaemonError(`Could not find the file ${dir} in container ${ref}`, 404);
    if (fs.stat(dir).kind !== 'dir') throw new DaemonError(`extraction point is not a directory`, 400);
    unpackInto(fs, dir, entries, rename);
  }

  /** Does `path` exist in the container, and is it a directory? (HEAD /containers/{id}/archive) */
  archiveStat(ref: string, path: string): { exists: boolean; dir: boolean } {
    const fs = this.vfsOf(this.get(ref)).view({ uid: 0, gid: 0, groups: [0] }, '/');
    if (!fs.exists(path)) return { exists: false, dir: false };
    return { exists: true, dir: fs.stat(path).kind === 'dir' };
  }

  diff(ref: string): { Kind: number; Path: string }[] {
    const kinds = { C: 0, A: 1, D: 2 } as const;
    return this.get(ref).rootfs.diff().map((ch) => ({ Kind: kinds[ch.kind], Path: ch.path }));
  }

  async logs(ref: string, opts: LogOptions): Promise<void> {
    await readLogs(this.get(ref), opts);
  }

  statusText(c: Container): string {
    const now = this.d.clock.now();
    const s = c.state;
    if (s.Status === 'running') {
      // moby's State.String: "(health: starting)" or the status in brackets.
      const h = healthOf(c);
      const health = h ? (h.Status === 'starting' ? ' (health: starting)' : ` (${h.Status})`) : '';
      return `Up ${humanDuration((now - s.StartedAt) / 1000)}${health}`;
    }
    if (s.Status === 'paused') return `Up ${humanDuration((now - s.StartedAt) / 1000)} (Paused)`;
    if (s.Status === 'restarting') return `Restarting (${s.ExitCode}) ${humanDuration((now - s.FinishedAt) / 1000)} ago`;
    if (s.Status === 'exited') return `Exited (${s.ExitCode}) ${humanDuration((now - s.FinishedAt) / 1000)} ago`;
    if (s.Status === 'dead') return 'Dead';
    if (s.Status === 'removing') return 'Removal In Progress';
    return 'Created';
  }

  summary(c: Container, size: boolean, imageIdOf = (ref: string) => this.d.store.find(ref)?.id): ContainerSummary {
    // Published ports as docker-proxy binds them: IPv4 and, for 0.0.0.0, IPv6 too.
    const pub = this.d.networks?.published(c.id) ?? [];
    const ports = pub.flatMap((p) => {
      const [port, proto] = p.containerPort.split('/');
      const base = { PrivatePort: Number(port), PublicPort: p.hostPort, Type: (proto || 'tcp') as 'tcp' };
      return p.hostIp === '0.0.0.0' ? [{ IP: '0.0.0.0', ...base }, { IP: '::', ...base }] : [{ IP: p.hostIp, ...base }];
    });
    const exposedOnly = Object.keys(c.config.ExposedPorts ?? {})
      .filter((k) => !pub.some((p) => p.containerPort === k))
      .map((k) => ({ PrivatePort: Number(k.split('/')[0]), Type: (k.split('/')[1] || 'tcp') as 'tcp' }));
    const out: ContainerSummary = {
      Id: c.id,
      Names: ['/' + c.name],
      Image: imageIdOf(c.imageRef) === c.imageId ? c.imageRef : c.imageId,
      ImageID: c.imageId,
      // moby's container view: an argument with a space is single-quoted (`sh -c 'while …'`).
      Command: c.args.length ? `${c.path} ${c.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}` : c.path,
      Created: Math.floor(c.created / 1000),
      // Only a running container has network settings to list (note 004: an exited nginx shows none).
      Ports: c.running ? [...ports, ...exposedOnly] : [],
      Labels: c.config.Labels ?? {},
      State: c.state.Status,
      Status: this.statusText(c),
      Mounts: c.mounts.map((m) => ({ Type: m.Type, ...(m.Name ? { Name: m.Name } : {}), Source: m.Source, Destination: m.Destination, ...(m.Driver ? { Driver: m.Driver } : {}), Mode: m.Mode, RW: m.RW, Propagation: m.Propagation })),
      NetworkSettings: { Networks: Object.fromEntries((this.d.networks?.endpoints(c.id) ?? []).map(({ network, endpoint }) => [network.name, { IPAddress: endpoint.ip }])) },
    };
    if (size) {
      out.SizeRw = writableSize(c);
      out.SizeRootFs = out.SizeRw + (c.rootfs as Overlay).lowers.reduce((a, l) => a + l.size, 0);
    }
    return out;
  }

  list(opts: { all: boolean; limit: number; size: boolean; filters: Record<string, string[]> }): ContainerSummary[] {
    const f = opts.filters;
    const known = ['status', 'name', 'label', 'ancestor', 'id', 'exited', 'since', 'before', 'health', 'volume', 'network', 'publish', 'expose', 'is-task'];
    for (const k of Object.keys(f)) if (!known.includes(k)) throw new DaemonError(`invalid filter '${k}'`, 400);
    const statuses = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
    for (const s of f.status ?? []) if (!statuses.includes(s)) throw new DaemonError(`invalid filter 'status=${s}'`, 400);
    // Newest first; containers created in the same millisecond keep their creation order reversed.
    let list = [...this.containers.values()].reverse().sort((a, b) => b.created - a.created);
    const since = f.since?.[0] ? this.get(f.since[0]) : undefined;
    const before = f.before?.[0] ? this.get(f.before[0]) : undefined;
    const all = opts.all || opts.limit > 0 || Boolean(f.status?.length) || Boolean(f.exited?.length);
    list = list.filter((c) => {
      if (!all && !c.running) return false;
      if (f.status?.length && !f.status.includes(c.state.Status)) return false;
      if (f.name?.length && !f.name.some((n) => nameMatches(n, c.name))) return false;
      if (f.id?.length && !f.id.some((i) => c.id.startsWith(i))) return false;
      if (f.exited?.length && (c.state.Status !== 'exited' || !f.exited.includes(String(c.state.ExitCode)))) return false;
      if (f.health?.length && !f.health.includes(c.running ? (healthOf(c)?.Status ?? 'none') : 'none')) return false;
      if (f.label?.length && !f.label.every((l) => {
        const [k, v] = l.split('=');
        return v === undefined ? k in (c.config.Labels ?? {}) : c.config.Labels?.[k] === v;
      })) return false;
      if (f.ancestor?.length && !f.ancestor.some((a) => {
        const img = this.d.store.find(a);
        return img ? isAncestor(this.d.store, img.id, c.imageId) : false;
      })) return false;
      if (since && c.created <= since.created) return false;
      if (before && c.created >= before.created) return false;
      return true;
    });
    if (opts.limit > 0) list = list.slice(0, opts.limit);
    const ids = new Map<string, string | undefined>(); // a reference resolves once per listing, not per row
    return list.map((c) => this.summary(c, opts.size, (ref) => (ids.has(ref) ? ids.get(ref) : ids.set(ref, this.d.store.find(ref)?.id).get(ref))));
  }
}

/**
 * The `name` filter is a Go regular expression. One that does not compile matches nothing (moby's
 * filters.Match gives false on a regexp error), so `docker ps --filter 'name=['` lists an empty table.
 */
function nameMatches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern.replace(/^\//, '')).test(name);
  } catch {
    return false;
  }
}

/** The most image layers a container's root filesystem may stack (see create). */
export const MAX_IMAGE_LAYERS = 127;

/** The terminal behind a stream, looking through wrappers (the shell's pushback reader). */
export function terminalOf(s: ReadStream | undefined): Pty | undefined {
  for (let cur = s as (ReadStream & { tty?: unknown; inner?: ReadStream }) | undefined, i = 0; cur && i < 64; i++) {
    if (cur.tty instanceof Pty) return cur.tty;
    cur = cur.inner as typeof cur;
  }
  return undefined;
}

/** `ctrl-p,ctrl-q` → the bytes a terminal sends for them. */
export function parseDetachKeys(spec: string): string[] {
  return spec.split(',').map((k) => {
    const m = /^ctrl-(.)$/.exec(k.trim());
    if (m) {
      const ch = m[1];
      if (ch === '@') return '\x00';
      if (ch === '[') return '\x1b';
      if (ch === '\\') return '\x1c';
      if (ch === ']') return '\x1d';
      if (ch === '^') return '\x1e';
      if (ch === '_') return '\x1f';
      return String.fromCharCode(ch.toLowerCase().charCodeAt(0) - 96);
    }
    return k.trim();
  });
}

function isAncestor(store: ImageStore, ancestor: string, id: string): boolean {
  for (let cur: string | undefined = id; cur; cur = store.get(cur)?.parent) if (cur === ancestor) return true;
  return false;
}

function writableSize(c: Container): number {
  const upper = (c.rootfs as Overlay).upper as MutableLayer;
  try {
    return upper.freeze().size;
  } catch {
    return 0;
  }
}

function safeFamiliar(ref: string): string {
  try {
    return familiarize(ref);
  } catch {
    return ref;
  }
}

function mergeConfig(img: Image, req: Partial<ContainerConfig>, id: string): ContainerConfig {
  const ic = img.config.config;
  const env = new Map<string, string>();
  for (const kv of [...(ic.Env ?? []), ...(req.Env ?? [])]) {
    const i = kv.indexOf('=');
    env.set(i < 0 ? kv : kv.slice(0, i), kv);
  }
  const entrypoint = req.Entrypoint !== undefined && req.Entrypoint !== null ? (req.Entrypoint.length && req.Entrypoint[0] !== '' ? req.Entrypoint : null) : (ic.Entrypoint ?? null);
  // A new entrypoint resets the image's CMD, as Docker does.
  const cmd = req.Cmd && req.Cmd.length ? req.Cmd : req.Entrypoint !== undefined && req.Entrypoint !== null ? null : (ic.Cmd ?? null);
  return {
    Hostname: req.Hostname || id.slice(0, 12),
    Domainname: req.Domainname ?? '',
    User: req.User || ic.User || '',
    AttachStdin: req.AttachStdin ?? false,
    AttachStdout: req.AttachStdout ?? true,
    AttachStderr: req.AttachStderr ?? true,
    ExposedPorts: { ...(ic.ExposedPorts ?? {}), ...(req.ExposedPorts ?? {}) },
    Tty: req.Tty ?? false,
    OpenStdin: req.OpenStdin ?? false,
    StdinOnce: req.StdinOnce ?? false,
    Env: [...env.values()],
    Cmd: cmd,
    Image: req.Image ?? '',
    Volumes: (req.Volumes ?? ic.Volumes ?? null) as ContainerConfig['Volumes'],
    WorkingDir: req.WorkingDir || ic.WorkingDir || '',
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: { ...(ic.Labels ?? {}), ...(req.Labels ?? {}) },
    StopSignal: req.StopSignal ?? ic.StopSignal,
    StopTimeout: req.StopTimeout,
    ...mergeHealthcheck(ic.Healthcheck, req.Healthcheck),
    ...(ic.Shell ? { Shell: [...ic.Shell] } : {}),
  };
}

/** moby's merge: the --health-* values that are set win; the test comes from the image unless given. */
function mergeHealthcheck(image: ContainerConfig['Healthcheck'], user: ContainerConfig['Healthcheck']): Pick<ContainerConfig, 'Healthcheck'> {
  if (!image && !user) return {};
  if (!user) return { Healthcheck: { ...image } };
  const out = { ...(image ?? {}) };
  for (const [k, v] of Object.entries(user)) if (Array.isArray(v) ? v.length : v) (out as Record<string, unknown>)[k] = v;
  return { Healthcheck: out };
}

function netContainer(c: Container) {
  return {
    id: c.id, name: c.name, hostname: c.config.Hostname || c.id.slice(0, 12), networkMode: c.hostConfig.NetworkMode,
    extraNetworks: c.extraNetworks, aliases: c.netAliases, links: (c.hostConfig.Links as string[] | undefined) ?? [],
    portBindings: c.hostConfig.PortBindings ?? {}, publishAll: !!c.hostConfig.PublishAllPorts, exposed: Object.keys(c.config.ExposedPorts ?? {}),
  };
}

/** json-file's `max-size`/`max-file` become the container log's rotation (max-file alone is 1 file). */
function applyLogCaps(c: Container): void {
  const lc = c.hostConfig.LogConfig as LogConfig | undefined;
  if (lc?.Type !== 'json-file') return;
  const size = logSizeBytes(lc.Config['max-size']);
  if (size === undefined || size <= 0) return;
  c.logMaxSize = size;
  c.logMaxFile = Math.max(1, Number(lc.Config['max-file'] ?? 1) || 1);
}

export { enc };
