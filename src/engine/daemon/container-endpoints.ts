/**
 * The Engine API's /containers endpoints as DaemonApi names them, answered by the container service
 * (containers.ts and the container-*.ts files). Most are the service's own methods under their API
 * name; the few that need more than the service (top's clock, inspect's and port's networks) say so.
 * dockerd mixes this object into itself (dockerd.ts), so there is no wrapper per method there.
 */
import type { DaemonApi } from '../../api/daemon';
import { DaemonError } from '../../api/daemon';
import type { Clock } from '../clock';
import type { NetworkService } from '../network/networks';
import type { ContainerService } from './containers';
import { containerInspect } from './container-inspect';
import { topTable } from './top';

export type ContainerEndpoints = Pick<
  DaemonApi,
  | 'containerList' | 'containerCreate' | 'containerStart' | 'containerAttach' | 'containerWait' | 'containerRemove'
  | 'containerExec' | 'containerCommit' | 'containerDiff' | 'containerArchiveGet' | 'containerArchivePut'
  | 'containerArchiveStat' | 'containerStats' | 'containerExport' | 'containerPause' | 'containerUnpause'
  | 'containerRename' | 'containerTop' | 'containerPrune' | 'containerStop' | 'containerKill' | 'containerUpdate'
  | 'containerRestart' | 'containerLogs' | 'containerInspect' | 'containerPort'
>;

export function containerEndpoints(containers: ContainerService, networks: NetworkService, clock: Clock): ContainerEndpoints {
  return {
    containerList: async (opts) => containers.list(opts),
    containerCreate: async (body) => containers.create(body),
    containerStart: async (id) => containers.start(id),
    containerAttach: async (id, opts) => containers.attach(id, opts),
    containerWait: async (id) => containers.wait(id),
    containerRemove: async (id, opts) => containers.remove(id, opts),
    containerExec: async (id, opts) => containers.exec(id, opts),
    containerCommit: async (id, opts) => ({ Id: containers.commit(id, opts) }),
    containerDiff: async (id) => containers.diff(id),
    containerArchiveGet: async (id, path) => containers.archiveGet(id, path),
    containerArchivePut: async (id, dir, entries, rename) => containers.archivePut(id, dir, entries, rename),
    containerArchiveStat: async (id, path) => containers.archiveStat(id, path),
    containerStats: async (id) => containers.stats(id),
    containerExport: async (id) => containers.exportFs(id),
    containerPause: async (id) => containers.pause(id),
    containerUnpause: async (id) => containers.unpause(id),
    containerRename: async (id, name) => containers.rename(id, name),
    containerPrune: async () => containers.prune(),
    containerStop: async (id, opts) => containers.stop(id, opts),
    containerKill: async (id, signal) => containers.kill(id, signal),
    containerUpdate: async (id, body) => containers.update(id, body),
    containerRestart: async (id, opts) => containers.restart(id, opts),
    containerLogs: async (id, opts) => containers.logs(id, opts),
    /** GET /containers/{id}/top: the container's processes as `ps` shows them (host PIDs). */
    async containerTop(id, psArgs = []) {
      const c = containers.get(id);
      if (!c.running) throw new DaemonError(`container ${c.id} is not running`, 409);
      const procs = containers.processesOf(c).sort((a, b) => a.info.pid - b.info.pid);
      return topTable(procs.map((p) => p.info), psArgs, { now: clock.now(), tty: c.config.Tty ? 'pts/0' : '?' });
    },
    containerInspect: async (id) => containerInspect(containers.get(id), networks),
    async containerPort(id) {
      const c = containers.get(id);
      return networks.published(c.id);
    },
  };
}
