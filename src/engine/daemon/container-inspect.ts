/**
 * GET /containers/{id}/json (`docker inspect`): ContainerInspect with its fields in moby's order
 * (api/types/container.InspectResponse), the network settings as the endpoints stand now.
 */
import type { Container } from '../container/container';
import type { NetworkService } from '../network/networks';
import { healthJson } from './health';
import { completeHostConfig } from './host-config';

export function containerInspect(c: Container, networks: NetworkService): Record<string, unknown> {
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
    NetworkSettings: networkSettings(networks, c),
  };
}

/** NetworkSettings as `docker inspect` shows them (empty addresses while stopped). */
function networkSettings(networks: NetworkService, c: { id: string; hostConfig: { NetworkMode: string; PortBindings?: Record<string, unknown> }; config: { ExposedPorts?: Record<string, unknown> } }): Record<string, unknown> {
  const eps = networks.endpoints(c.id);
  const running = networks.running.has(c.id);
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const k of Object.keys(c.config.ExposedPorts ?? {})) ports[k] = null;
  for (const p of networks.published(c.id)) {
    const list = (ports[p.containerPort] ??= []);
    list.push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
    if (p.hostIp === '0.0.0.0') list.push({ HostIp: '::', HostPort: String(p.hostPort) });
  }
  const mode = c.hostConfig.NetworkMode || 'bridge';
  const names = mode === 'host' || mode === 'none' ? [mode] : mode.startsWith('container:') ? [] : [mode === 'default' ? 'bridge' : mode];
  const nets: Record<string, unknown> = {};
  for (const name of names) {
    const ep = eps.find((e) => e.network.name === name);
    const n = networks.find(name);
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
