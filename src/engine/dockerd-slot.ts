/**
 * Where a machine keeps its dockerd. On a real host dockerd starts at boot; here its code (the
 * daemon, images, containers, volumes, networks: about 45 KB gzip) is a chunk of its own in the
 * page, which the login prompt does not need (issue 16). A machine booted with `lazyDaemon`
 * starts it at first use: the docker client, systemctl and journalctl, Tab after `docker`,
 * lessons' checks and the pictures await `machine.dockerd()`; the page also starts it as soon as
 * the prompt is up. Until then the host has what a fresh dockerd would add to it: the docker0
 * interface (the machine's network stack, network/stack.ts), nothing under /var/lib/docker, and a
 * snapshot's daemon part is a fresh one's (daemon/fresh-snapshot.ts). Starting it draws nothing
 * from the machine's random source (built-in networks' IDs come from their names), so a lazy
 * machine prints what one started at boot prints (lazy-dockerd.test.ts).
 */
import type { Daemon } from './dockerd';
import type { DaemonSnapshot } from './snapshot';
import { trackRealWork } from '../lib/realwork';

export type DockerdModule = typeof import('./dockerd');

let code: Promise<DockerdModule> | undefined;
/**
 * dockerd's code. Tracked as real work, so on virtual time the clock stands still while it loads;
 * a failed load is tried again at the next use.
 */
export function loadDockerd(): Promise<DockerdModule> {
  return (code ??= trackRealWork(import('./dockerd')).catch((e: unknown) => {
    code = undefined;
    throw e;
  }));
}

export class DockerdSlot {
  started?: Daemon;
  private starting?: Promise<Daemon>;

  /** `make` builds this machine's Daemon from the code (and a saved state, at a restore). */
  constructor(private readonly make: (code: DockerdModule, snap?: DaemonSnapshot) => Daemon) {}

  get daemon(): Daemon {
    if (!this.started) throw new Error('dockerd has not started yet (await machine.dockerd() first)');
    return this.started;
  }

  /** Start now, with the code already loaded (at boot). */
  startWith(loaded: DockerdModule, snap?: DaemonSnapshot): Daemon {
    return (this.started ??= this.make(loaded, snap));
  }

  /** Start (loading the code first) unless started; concurrent callers share one start. */
  start(): Promise<Daemon> {
    if (this.started) return Promise.resolve(this.started);
    return (this.starting ??= loadDockerd().then(
      (loaded) => this.startWith(loaded),
      (e: unknown) => {
        this.starting = undefined;
        throw e;
      },
    ));
  }
}
