/**
 * What a dockerd that has done nothing yet saves (Daemon.snapshot() of a fresh machine): no
 * images, containers, volumes, pushed repositories, build cache; the built-in networks are not
 * saved (they are made again at start). A machine whose dockerd code has not loaded yet (it loads
 * on first use in the page, machine.ts) saves this, without loading that code; restoring it starts
 * a fresh dockerd. fresh-snapshot.test.ts checks it against a freshly started Daemon.
 */
import type { DaemonSnapshot } from '../snapshot';

export function freshDaemonSnapshot(): DaemonSnapshot {
  return {
    images: { version: 1, images: [], refs: [], layers: {} },
    pulled: [],
    hub: { host: 'docker.io', repos: [] },
    registries: [],
    containers: [],
    volumes: [],
    networks: [],
    buildCache: { records: [], lastDetail: [] },
  };
}
