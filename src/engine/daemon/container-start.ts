/**
 * POST /containers/{id}/start and what follows a start: a containerd shim and the first process in
 * new namespaces (runc's job), the network set up, the health monitor, and at PID 1's exit the
 * restart policy (moby's daemon/start.go, monitor.go, restartmanager). Functions of the container
 * service (`this`), see containers.ts.
 */
import { checkDeviceRequests, checkDevices } from './devices';
import { daemonDiskError } from './layer-space';
import type { ContainerService } from './containers';
import type { NetNamespace } from '../network/stack';
import { SubtreeBackend } from '../fs/subtree';
import { HOST_MEMORY, MemoryCgroup } from '../process/cgroup';
import type { Clock } from '../clock';
import type { Container } from '../container/container';
import { containerEnv, RuntimeError, startInit } from '../container/runtime';
import type { PidNamespace, Proc } from '../process/kernel';
import { Pipe } from '../process/pipe';
import { Pty } from '../process/pty';
import type { ReadStream, WriteStream } from '../process/types';
import { execInContainer } from './exec';
import { startHealthMonitor } from './health';
import { DaemonError } from '../../api/daemon';
import { announceExec, containerEvent, mountEvents } from './event-log';

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

export function start(this: ContainerService, ref: string): void {
  try {
    startOnce.call(this, ref);
  } catch (e) {
    throw daemonDiskError(e);
  }
}

function startOnce(this: ContainerService, ref: string): void {
  const c = this.get(ref);
  if (c.state.Paused) throw new DaemonError('cannot start a paused container, try unpause instead', 409);
  if (c.running) return;
  checkDevices(c.hostConfig, this.d.hostFs?.());
  checkDeviceRequests(c.hostConfig);
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
export function cgroupFor(this: ContainerService, c: Container): MemoryCgroup {
  const pids = typeof c.hostConfig.PidsLimit === 'number' ? c.hostConfig.PidsLimit : 0;
  const cg = MemoryCgroup.forContainer(c.hostConfig.Memory, c.hostConfig.MemorySwap ?? 0, HOST_MEMORY, pids);
  cg.createdAt = this.d.clock.now();
  cg.cpus = Number((c.hostConfig as { NanoCpus?: number }).NanoCpus ?? 0) / 1e9;
  (c as Container & { cgroup?: MemoryCgroup }).cgroup = cg;
  return cg;
}

/** --pid host shares the host's PID namespace; --pid container:X shares X's. */
export function pidNamespaceFor(this: ContainerService, c: Container): PidNamespace | undefined {
  const mode = c.hostConfig.PidMode ?? '';
  if (mode === 'host') return this.d.kernel.rootNs;
  if (mode.startsWith('container:')) {
    const other = this.get(mode.slice('container:'.length));
    if (!other.running || !other.init) throw new DaemonError(`cannot join PID of a non running container: ${other.id}`, 409);
    return other.init.ctx.pidNs;
  }
  return undefined;
}

/** One health probe: the test run as `docker exec` would, its output collected, killable. */
export async function probe(this: ContainerService, c: Container, argv: string[], onOutput: (t: string) => void, signal: AbortSignal): Promise<number> {
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

export function onExit(this: ContainerService, c: Container, init: Proc, code: number): void {
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

export function shouldRestart(this: ContainerService, c: Container, code: number): boolean {
  if (c.stoppedByUser) return false;
  const p = c.hostConfig.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 };
  if (p.Name === 'always' || p.Name === 'unless-stopped') return true;
  if (p.Name === 'on-failure') return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
  return false;
}

function netContainer(c: Container) {
  return {
    id: c.id, name: c.name, hostname: c.config.Hostname || c.id.slice(0, 12), networkMode: c.hostConfig.NetworkMode,
    extraNetworks: c.extraNetworks, aliases: c.netAliases, links: (c.hostConfig.Links as string[] | undefined) ?? [],
    portBindings: c.hostConfig.PortBindings ?? {}, publishAll: !!c.hostConfig.PublishAllPorts, exposed: Object.keys(c.config.ExposedPorts ?? {}),
  };
}
