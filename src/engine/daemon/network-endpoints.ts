/**
 * The Engine API's /networks endpoints as DaemonApi names them, answered by the network service
 * (../network/networks.ts); connect and disconnect also record the network on the container, and
 * a network still named by a container (running or not) counts as used. dockerd mixes this object
 * into itself.
 */
import type { DaemonApi } from '../../api/daemon';
import { DaemonError } from '../../api/daemon';
import type { NetworkService } from '../network/networks';
import type { ContainerService } from './containers';

export type NetworkEndpoints = Pick<
  DaemonApi,
  'networkList' | 'networkInspect' | 'networkCreate' | 'networkRemove' | 'networkConnect' | 'networkDisconnect' | 'networkPrune'
>;

export function networkEndpoints(networks: NetworkService, containers: ContainerService): NetworkEndpoints {
  const networkUsed = (name: string): boolean => {
    return [...containers.containers.values()].some((c) => c.hostConfig.NetworkMode === name || name in c.extraNetworks);
  };
  return {
    async networkList(filters: Record<string, string[]>): Promise<Record<string, unknown>[]> {
      let nets = [...networks.networks.values()];
      for (const [k, vals] of Object.entries(filters)) {
        if (!['name', 'id', 'driver', 'label', 'type', 'scope', 'dangling'].includes(k)) throw new DaemonError(`invalid filter '${k}'`, 400);
        if (k === 'name') nets = nets.filter((n) => vals.some((v) => n.name.includes(v)));
        if (k === 'id') nets = nets.filter((n) => vals.some((v) => n.id.startsWith(v)));
        if (k === 'driver') nets = nets.filter((n) => vals.includes(n.driver));
        if (k === 'type') nets = nets.filter((n) => vals.includes(n.builtin ? 'builtin' : 'custom'));
        if (k === 'dangling') nets = nets.filter((n) => !n.builtin && n.endpoints.size === 0 && !networkUsed(n.name));
      }
      return nets.map((n) => networks.inspect(n));
    },
    async networkInspect(ref: string): Promise<Record<string, unknown>> {
      return networks.inspect(networks.get(ref));
    },
    async networkCreate(name: string, opts: { driver?: string; subnet?: string; gateway?: string; labels?: Record<string, string> }): Promise<{ Id: string }> {
      return { Id: networks.create(name, opts).id };
    },
    async networkRemove(ref: string): Promise<void> {
      // Only running containers hold endpoints: a stopped one naming the network does not keep it
      // (it fails to start afterwards with "network … not found", as in Docker).
      networks.remove(ref);
    },
    async networkConnect(net: string, container: string, aliases: string[]): Promise<void> {
      const n = networks.get(net);
      const c = containers.get(container);
      if (n.driver !== 'bridge') throw new DaemonError(`container cannot be disconnected from host network or connected to host network`, 400);
      networks.connect(n, { id: c.id, name: c.name, hostname: c.config.Hostname, networkMode: c.hostConfig.NetworkMode, extraNetworks: c.extraNetworks, aliases, links: [], portBindings: {}, publishAll: false, exposed: [] }, aliases);
      if (c.hostConfig.NetworkMode !== n.name) c.extraNetworks[n.name] = { aliases };
    },
    async networkDisconnect(net: string, container: string): Promise<void> {
      const n = networks.get(net);
      const c = containers.get(container);
      if (!n.endpoints.has(c.id) && !(n.name in c.extraNetworks) && c.hostConfig.NetworkMode !== n.name) {
        throw new DaemonError(`container ${c.id} is not connected to network ${n.name}`, 403);
      }
      networks.disconnect(n, c.id);
      delete c.extraNetworks[n.name];
    },
    async networkPrune(): Promise<string[]> {
      const gone: string[] = [];
      for (const n of [...networks.networks.values()]) {
        if (n.builtin || n.endpoints.size || networkUsed(n.name)) continue;
        networks.remove(n.id);
        gone.push(n.name);
      }
      return gone;
    },
  };
}
