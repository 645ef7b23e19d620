/**
 * The Engine API's /volumes endpoints as DaemonApi names them, answered by the volume service
 * (../volume/volumes.ts). dockerd mixes this object into itself.
 */
import type { DaemonApi } from '../../api/daemon';
import type { VolumeService } from '../volume/volumes';

export type VolumeEndpoints = Pick<DaemonApi, 'volumeCreate' | 'volumeList' | 'volumeInspect' | 'volumeRemove' | 'volumePrune'>;

export function volumeEndpoints(volumes: VolumeService): VolumeEndpoints {
  return {
    volumeCreate: async (opts) => volumes.inspect(volumes.create(opts).name),
    volumeList: async (filters) => volumes.list(filters).map((v) => volumes.inspect(v.name)),
    volumeInspect: async (name) => volumes.inspect(name),
    volumeRemove: async (name, force) => volumes.remove(name, force),
    async volumePrune(all, filters = {}) {
      const r = volumes.prune(all, filters);
      return { VolumesDeleted: r.deleted.length ? r.deleted : null, SpaceReclaimed: r.reclaimed };
    },
  };
}
