/**
 * The network picture's model (pure, no DOM): which containers sit on which network, with their
 * addresses, aliases and links, and which host ports lead to them. Built from a `describe()`
 * snapshot; the engine decides everything, this only groups it for drawing.
 */
import type { ContainerView, NetworkView, PortView } from '../../engine/view';

export interface Member {
  id: string;
  name: string;
  state: string;
  ip: string;
  aliases: string[];
  /** `--link` targets as `name → alias` (alias omitted when it is the name). */
  links: { target: string; alias: string }[];
  ports: PortView[];
}

export interface NetBox {
  id: string;
  name: string;
  driver: string;
  subnet: string;
  gateway: string;
  /** The host side of the bridge: `docker0` for the default one, `br-<id12>` for others. */
  device: string;
  /** Only user-defined bridges answer container names (Docker's embedded DNS). */
  dns: boolean;
  members: Member[];
}

export interface NetworkModel {
  bridges: NetBox[];
  /** Running containers with no bridge address: `--network host|none|container:X`. */
  others: { id: string; name: string; state: string }[];
  /** Every published port, for the host row: host address → container. */
  published: { port: PortView; container: string }[];
}

/** `0.0.0.0:8080->80/tcp`, as the PORTS column writes one binding. */
export function portText(p: PortView): string {
  return `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}`;
}

/** The page's browser opens `localhost` for ports bound to every address (or to 127.0.0.1). */
export function portUrl(p: PortView): string | undefined {
  if (!/\/tcp$/.test(p.containerPort)) return undefined;
  const host = !p.hostIp || p.hostIp === '0.0.0.0' || p.hostIp === '::' || p.hostIp === '127.0.0.1' ? 'localhost' : p.hostIp;
  return `http://${host}:${p.hostPort}/`;
}

export function parseLink(link: string): { target: string; alias: string } {
  // Docker keeps links as `/target:/self/alias`; the CLI's form is `target:alias`.
  const [t, a = ''] = link.split(':');
  const target = t.replace(/^\//, '');
  const alias = a.split('/').pop() || target;
  return { target, alias };
}

export function networkModel(networks: NetworkView[], containers: ContainerView[]): NetworkModel {
  const byId = new Map(containers.map((c) => [c.id, c]));
  const onBridge = new Set<string>();
  const bridges: NetBox[] = networks
    .filter((n) => n.driver === 'bridge')
    .sort((a, b) => (a.name === 'bridge' ? -1 : b.name === 'bridge' ? 1 : a.name.localeCompare(b.name)))
    .map((n) => ({
      id: n.id,
      name: n.name,
      driver: n.driver,
      subnet: n.subnet,
      gateway: n.gateway,
      device: n.name === 'bridge' ? 'docker0' : `br-${n.id.slice(0, 12)}`,
      dns: n.name !== 'bridge',
      members: n.endpoints
        .map((e) => {
          onBridge.add(e.containerId);
          const c = byId.get(e.containerId);
          return {
            id: e.containerId,
            name: e.containerName,
            state: c?.state ?? 'running',
            ip: e.ip,
            aliases: e.aliases.filter((a) => a !== e.containerName),
            links: (c?.links ?? []).map(parseLink),
            ports: c?.ports ?? [],
          };
        })
        .sort((a, b) => ipOrder(a.ip) - ipOrder(b.ip)),
    }));
  const others = containers
    .filter((c) => c.state === 'running' && !onBridge.has(c.id))
    .map((c) => ({ id: c.id, name: c.name, state: c.state }));
  const published = containers.flatMap((c) => c.ports.map((port) => ({ port, container: c.name })));
  published.sort((a, b) => a.port.hostPort - b.port.hostPort);
  return { bridges, others, published };
}

function ipOrder(ip: string): number {
  return ip.split('.').reduce((a, x) => a * 256 + Number(x), 0);
}
