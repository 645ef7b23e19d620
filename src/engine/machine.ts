/**
 * The whole simulated machine: clock, chance, kernel, the host's disk and users, dockerd and the
 * simulated Docker Hub. The browser worker and the headless runner both drive it through
 * `openTerminal()`; tests and the bench also use `run()` for one command without a terminal.
 */
import { RealClock, ReplayClock, VirtualClock, type Clock } from './clock';
import { Emitter } from './events';
import { Rng } from './rng';
import type { TerminalSession } from './terminal';
import type { MachineView } from './view';
import { Kernel, PidNamespace, type Proc, type ProcContext } from './process/kernel';
import { Pty } from './process/pty';
import { ScreenGate } from './process/screen-gate';
import { nextTurn } from './process/slice';
import { realWorkInFlight, realWorkSettled } from '../lib/realwork';
import { Pipe } from './process/pipe';
import { readAllText } from '../lib/read-stream';
import { MutableLayer } from './fs/layer';
import { Disk } from './fs/disk';
import { dataRootBytes } from './daemon/data-root';
import { Vfs } from './fs/vfs';
import { ROOT, type Cred, type Fs } from '../api/fs';
import { httpRequest, listTree, readHostFile, writeHostFile, type PageRequest, type PageResponse } from './host/files';
import { HOST_GID, HOST_HOME, HOST_NAME, HOST_UID, DOCKER_GID, hostEnv, populateHost } from './host/setup';
import { registerAllPrograms } from './host/programs';
import type { Daemon } from './dockerd';
import { bootHostStack, type NetStack } from './network/stack';
import { freshDaemonSnapshot } from './daemon/fresh-snapshot';
import { DockerdSlot, loadDockerd, type DockerdModule } from './dockerd-slot';
import { KernelFs } from './daemon/kernel-fs';
import { startInteractiveShell } from './host/login';
import { signalDescription } from '../shell/limits';
import { restoreMutable, snapshotMutable } from './fs/snapshot';
import { SnapshotError, validateSnapshot, type DaemonSnapshot, type MachineSnapshot } from './snapshot';
import { EngineQuery } from './query';
import type { MachineQuery } from '../api/machine-query';
import type { DaemonApi } from '../api/daemon';
import { CompletionTable, completePaths } from '../shell';
import type { CompletionSources, DockerClient } from '../api/client';

export interface BootOptions {
  /** Seed of the random source (IDs, names, addresses). */
  seed?: number;
  /**
   * 'virtual' for tests and the headless runner, 'real' in the browser; 'replay' starts virtual
   * and turns real at `(clock as ReplayClock).goReal()` (a lesson's earlier steps, replayed).
   */
  clock?: 'real' | 'virtual' | 'replay';
  /** Start from a saved state instead of a fresh machine. */
  snapshot?: MachineSnapshot;
  /**
   * With a snapshot: start again the containers that were running when it was taken (undo, a
   * restored session; see daemon/resume.ts). Without it they come back as a reboot leaves them.
   */
  resume?: boolean;
  /**
   * The docker client installed as `/usr/bin/docker` and `docker-compose` (src/cli's dockerClient).
   * The engine runs it without importing it; a machine booted without one has no docker command.
   */
  client?: DockerClient;
  /** Start dockerd at first use, not at boot (the page; dockerd-slot.ts). Not with a snapshot. */
  lazyDaemon?: boolean;
}

export const LEARNER: Cred = Object.freeze({ uid: HOST_UID, gid: HOST_GID, groups: [HOST_GID, 27, DOCKER_GID] }) as Cred;

export class Machine {
  readonly events = new Emitter();
  readonly kernel: Kernel;
  readonly hostFs: Vfs;
  readonly hostCtx: ProcContext;
  /** dockerd: started at boot, or on first use (dockerd-slot.ts). */
  private readonly slot = new DockerdSlot((code, snap) => this.makeDaemon(code, snap));
  /** The network stack: the host's namespace and interfaces, shared with dockerd's networks. */
  readonly net: NetStack = bootHostStack();
  /** Host system processes, for the process picture and `ps` on the host. */
  readonly systemd: Proc;
  readonly dockerdProc: Proc;
  private readonly containerdProc: Proc;
  /** procfs/sysfs of the host and containers; namespace identities (lsns, nsenter). */
  readonly kernelFs: KernelFs;

  private readonly disk: MutableLayer;
  /** The block device under the host's root and Docker's data root (fs/disk.ts). */
  readonly blockDevice = new Disk();

  private constructor(
    readonly clock: Clock,
    readonly rng: Rng,
    snap?: MachineSnapshot,
    client?: DockerClient,
    dockerd?: DockerdModule,
  ) {
    this.kernel = new Kernel({ clock, rng, events: this.events });
    if (snap) {
      this.disk = restoreMutable(snap.host, { now: () => clock.now(), disk: this.blockDevice });
      // A saved host disk without the login shell would boot into a dead terminal: lay the host's
      // system files down again (the learner's own files, if any, stay).
      if (!new Vfs(this.disk, { now: () => clock.now() }).view(ROOT, '/').exists('/bin/bash')) populateHost(this.disk, clock.now());
    } else {
      this.disk = new MutableLayer({ now: () => clock.now(), disk: this.blockDevice });
      populateHost(this.disk, clock.now());
    }
    this.hostFs = new Vfs(this.disk, { now: () => clock.now() });
    // Tab completion belongs to this machine: the client's completers read this daemon's names.
    const completions = new CompletionTable();
    if (client) {
      const machine = this;
      const sources: CompletionSources = {
        get daemon(): DaemonApi { return machine.daemon; }, // read once dockerd has started (below)
        // The socket's permissions: root or the docker group (the docker client checks the same).
        canUseDaemon: (fs) => fs.cred.uid === 0 || fs.cred.gid === DOCKER_GID || fs.cred.groups.includes(DOCKER_GID),
        containerFs: (ref) => {
          const c = this.started?.containers.find(ref);
          return c ? this.started!.containers.vfsOf(c).view(ROOT, '/') : undefined;
        },
        paths: (fs, current) => completePaths(fs, current, false),
      };
      // Completing a docker word asks dockerd (its names), which starts it if it has not.
      for (const command of ['docker', 'docker-compose'] as const) {
        completions.register(command, async (req) => {
          await this.dockerd();
          return client.complete(command, req, sources);
        });
      }
    }
    const host = this.disk;
    this.blockDevice.add(() => host.bytes);
    // A dockerd that has not started holds nothing under /var/lib/docker yet.
    this.blockDevice.add(() => (this.started ? dataRootBytes(this.started) : 0));
    this.hostCtx = {
      pidNs: this.kernel.rootNs,
      uts: { hostname: HOST_NAME },
      fsRoot: this.hostFs,
      host: {
        dockerd: () => this.dockerd(),
        client,
        openEditor: (path: string) => this.events.emit({ type: 'editor.open', path }),
        record: (record) => this.events.emit({ type: 'command.finished', record }),
        completions,
      },
      netns: this.net.host,
    };
    // procfs, sysfs and dockerd's socket, computed from the machine when read (kernel-fs.ts).
    const kernelFs = new KernelFs({
      kernel: this.kernel,
      containers: () => this.started?.containers.containers.values() ?? [],
      find: (ref) => this.started?.containers.find(ref),
      chainIds: (id) => [...(this.started?.store.get(id)?.chainIds ?? [])],
      stats: (id) => this.started!.containers.stats(id),
      clock,
    });
    kernelFs.mountHost(this.hostFs);
    this.kernelFs = this.kernel.procWorld = kernelFs;
    this.systemd = this.kernel.addStatic(['/sbin/init'], this.hostCtx);
    this.containerdProc = this.kernel.addStatic(['/usr/bin/containerd'], this.hostCtx, this.systemd);
    this.dockerdProc = this.kernel.addStatic(
      ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
      this.hostCtx,
      this.systemd,
    );
    if (dockerd) this.slot.startWith(dockerd, snap?.daemon);
  }

  private makeDaemon(code: DockerdModule, snap?: DaemonSnapshot): Daemon {
    const d = new code.Daemon({ machine: this, clock: this.clock, rng: this.rng, events: this.events, kernel: this.kernel, hostDisk: this.disk, hostFs: this.hostFs, disk: this.blockDevice, net: this.net }, snap);
    d.containers.kernelFs = this.kernelFs;
    d.attachProcesses(this.dockerdProc, this.containerdProc);
    return d;
  }

  /** dockerd's Engine API, once started (at boot, or at first use with `lazyDaemon`: dockerd-slot.ts). */
  get daemon(): Daemon {
    return this.slot.daemon;
  }
  /** dockerd once started (its code loaded), else undefined. */
  get started(): Daemon | undefined {
    return this.slot.started;
  }
  /** dockerd, started now (its code loaded first) if it has not been. */
  dockerd(): Promise<Daemon> {
    return this.slot.start();
  }

  /**
   * Start a machine, fresh or from a saved state. A saved state is untrusted (autosave, links,
   * files): it is checked whole first, and whatever still goes wrong while restoring it is reported
   * as the same SnapshotError, never as a raw JavaScript error.
   */
  static async boot(opts: BootOptions = {}): Promise<Machine> {
    registerAllPrograms();
    if (opts.snapshot === undefined) return Machine.create(opts, opts.lazyDaemon ? undefined : await loadDockerd());
    // A saved machine's images and pushed repositories are rebuilt from the Hub's recipes.
    const [code] = await Promise.all([loadDockerd(), import('./registry/registry').then((r) => r.loadHubData())]);
    const snap = validateSnapshot(opts.snapshot);
    try {
      return Machine.create({ ...opts, snapshot: snap }, code);
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError(`This saved machine could not be restored (${e instanceof Error ? e.message : String(e)}).`);
    }
  }

  private static create(opts: BootOptions, dockerd: DockerdModule | undefined): Machine {
    const snap = opts.snapshot;
    const clock =
      opts.clock === 'real'
        ? new RealClock(snap ? Math.max(0, snap.now - Date.now()) : 0)
        : opts.clock === 'replay'
          ? new ReplayClock(snap?.now)
          : new VirtualClock(snap?.now);
    const rng = snap ? new Rng(snap.rng) : new Rng(opts.seed ?? 1);
    const m = new Machine(clock, rng, snap, opts.client, dockerd);
    if (snap && opts.resume) m.daemon.resumeContainers();
    return m;
  }

  /** The whole state as plain data (see snapshot.ts for what is and is not kept). */
  snapshot(): MachineSnapshot {
    return {
      format: 'docker-lab-machine',
      version: 1,
      now: this.clock.now(),
      rng: this.rng.state(),
      host: snapshotMutable(this.disk),
      daemon: this.started?.snapshot() ?? freshDaemonSnapshot(),
    };
  }

  /**
   * Put the machine away for good (the page swapped in another one: undo, a restored session):
   * its clock stops, so no timer, restart policy or loop wakes again, and every process is killed.
   */
  shutdown(): void {
    if (this.clock instanceof RealClock) this.clock.halt();
    for (const p of [...this.kernel.procs.values()]) this.kernel.signalHost(p.info.pid, 9);
  }

  /**
   * A terminal on the host: the learner's login shell on a fresh pty. `history` is what the shell's
   * Up key recalls first (a session restored after a reload or an undo, see Pty.recall).
   */
  openTerminal(opts: { history?: string[] } = {}): TerminalSession {
    const pty = new Pty();
    if (opts.history?.length) pty.recall = [...opts.history];
    pty.signalGroup = (pgid, sig) => this.kernel.signalGroup(pgid, sig);
    const screen = new ScreenGate();
    pty.onOutput((s) => screen.sending(s.length));
    pty.addGate(screen.gate);
    let shell: Proc | undefined;
    let closed = false;
    const start = () => {
      shell = startInteractiveShell(this, pty, LEARNER, hostEnv(HOST_UID), HOST_HOME);
      const me = shell;
      void shell.wait().then(() => {
        if (closed) return;
        // Leaving the login shell ends the session on a real machine; here a new one starts, so
        // the page never ends up with a dead terminal. A shell that crashed (a function that
        // recursed until its stack overflowed) is reported as its parent would report it.
        const words = me.killedBy !== undefined ? signalDescription(me.killedBy) : undefined;
        pty.emit(words && me.killedBy !== 1 && me.killedBy !== 9 ? words + '\r\n' : 'logout\r\n');
        start();
      });
    };
    start();
    return {
      input: (d) => pty.input(d),
      onOutput: (fn) => pty.onOutput(fn),
      resize: (c, r) => pty.resize(c, r),
      drawn: (chars) => screen.drawn(chars),
      awaitingInput: () => pty.awaitingInput(),
      // The login shell itself waits for a line: no program runs, no container terminal is linked.
      atHostPrompt: () => !!shell && !pty.linked && pty.awaitingInput() && pty.foregroundPgid === shell.info.pgid,
      onLine: (fn) => {
        pty.lineListeners.add(fn);
        return () => pty.lineListeners.delete(fn);
      },
      close: () => {
        closed = true;
        screen.release();
        pty.hangup();
        if (shell) this.kernel.signalHost(shell.info.pid, 1);
      },
    };
  }

  /**
   * Run one command line on the host as the learner, without a terminal: for tests and the bench.
   * On virtual time, the clock is driven until the command ends.
   */
  async run(argv: string[], opts: { cred?: Cred; stdin?: string; cwd?: string } = {}): Promise<{ stdout: string; stderr: string; status: number }> {
    const out = new Pipe();
    const err = new Pipe();
    const inp = new Pipe();
    if (opts.stdin) void inp.writer.write(opts.stdin);
    inp.writer.close();
    await this.loadsSettled();
    const cred = opts.cred ?? LEARNER;
    const env = hostEnv(cred.uid);
    const fs = this.hostFs.view(cred, opts.cwd ?? env.HOME);
    const path = argv[0].includes('/') ? argv[0] : this.kernel.systemFor(this.systemd).which(argv[0], env, fs);
    if (!path) return { stdout: '', stderr: `${argv[0]}: command not found\n`, status: 127 };
    const proc = this.kernel.spawn(
      { argv, path, env, cwd: fs.cwd, stdin: inp.reader, stdout: out.writer, stderr: err.writer, cred, ctx: this.hostCtx },
      this.systemd,
    );
    const stdoutP = readAllText(out.reader);
    const stderrP = readAllText(err.reader);
    let done = false;
    const statusP = proc.wait().then((s) => {
      done = true;
      out.writer.close();
      err.writer.close();
      return s;
    });
    if (this.clock instanceof VirtualClock) {
      const clock = this.clock;
      // One turn of the event loop between timers (not a timer: Node's 0 ms timer is 1 ms, which
      // made each simulated timer cost a real millisecond in tests and the bench). Time stands
      // still while a program's code loads (realwork.ts), so a lazy load changes no outcome.
      while (!done) {
        await nextTurn();
        if (done) break;
        if (realWorkInFlight() > 0) await realWorkSettled();
        else if (!clock.runNext()) await nextTurn();
      }
    }
    const status = await statusP;
    return { status, stdout: await stdoutP, stderr: await stderrP };
  }

  /**
   * On virtual time a program's code loading (a server starting in a container that `docker run -d`
   * left running) takes no time: let what is runnable run, then wait for such loads to finish.
   */
  private async loadsSettled(): Promise<void> {
    if (!this.clock.virtual) return;
    await nextTurn();
    while (realWorkInFlight() > 0) {
      await realWorkSettled();
      await nextTurn();
    }
  }

  /** The learner's view of the host (as the page's editor and file list act). */
  learnerFs(): Fs {
    return this.hostFs.view(LEARNER, HOST_HOME);
  }
  readFile(path: string) {
    return readHostFile(this.learnerFs(), path);
  }
  writeFile(path: string, text: string) {
    return writeHostFile(this.learnerFs(), path, text);
  }
  listFiles(dir = HOST_HOME) {
    return listTree(this.learnerFs(), dir);
  }
  /**
   * The browser pane: a request from the host, like `curl` on the host (published ports included).
   * It gives up after 30 s of machine time, as a browser would.
   */
  async httpRequest(url: string, req: PageRequest = {}): Promise<PageResponse> {
    await this.loadsSettled();
    return httpRequest(this.net.host.api(() => this.learnerFs()), url, req, { clock: this.clock, ms: 30_000 });
  }
  httpGet(url: string): Promise<PageResponse> {
    return this.httpRequest(url);
  }

  /** Facts for lessons and other observers (src/api/machine-query.ts). */
  query(): MachineQuery {
    return (this.queryImpl ??= new EngineQuery(this));
  }
  private queryImpl?: MachineQuery;

  describe(): MachineView {
    const processes = [...this.kernel.procs.values()]
      .map((p) => ({
        pid: p.info.pid,
        ppid: p.info.ppid,
        nsPid: p.info.nsPid,
        argv: [...p.info.argv],
        uid: p.info.cred.uid,
        state: p.info.state,
        container: p.ctx.container,
      }))
      .sort((a, b) => a.pid - b.pid);
    return { ...this.daemon.describe(), processes };
  }

  /** A new PID namespace for a container. */
  newPidNamespace(): PidNamespace {
    return new PidNamespace(this.kernel.rootNs);
  }

  get root(): Cred {
    return ROOT;
  }
}
