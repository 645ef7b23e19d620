import { describe, expect, it } from 'vitest';
import type { ContainerView, NetworkView } from '../../engine/view';
import { networkModel, parseLink, portText, portUrl } from './network';

const container = (id: string, name: string, extra: Partial<ContainerView> = {}): ContainerView => ({
  id, name, imageId: 'sha256:x', image: 'nginx', state: 'running', changes: [], mounts: [], ports: [], links: [], ...extra,
});

const nets: NetworkView[] = [
  { id: 'n2'.padEnd(64, '0'), name: 'mynet', driver: 'bridge', subnet: '172.18.0.0/16', gateway: '172.18.0.1', endpoints: [
    { containerId: 'c3', containerName: 'api', ip: '172.18.0.2', aliases: ['backend'] },
  ] },
  { id: 'n1', name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16', gateway: '172.17.0.1', endpoints: [
    { containerId: 'c2', containerName: 'web', ip: '172.17.0.3', aliases: [] },
    { containerId: 'c1', containerName: 'db', ip: '172.17.0.2', aliases: [] },
  ] },
  { id: 'h', name: 'host', driver: 'host', subnet: '', gateway: '', endpoints: [] },
];

describe('network picture model', () => {
  it('puts the default bridge first, members in address order, and names the host device', () => {
    const m = networkModel(nets, [
      container('c1', 'db'),
      container('c2', 'web', { links: ['/db:/web/database'], ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: '80/tcp' }] }),
      container('c3', 'api'),
      container('c4', 'tool'),
    ]);
    expect(m.bridges.map((b) => `${b.name} ${b.device} ${b.dns}`)).toEqual(['bridge docker0 false', `mynet br-n20000000000 true`]);
    expect(m.bridges[0].members.map((x) => x.name)).toEqual(['db', 'web']);
    expect(m.bridges[0].members[1].links).toEqual([{ target: 'db', alias: 'database' }]);
    expect(m.bridges[1].members[0].aliases).toEqual(['backend']);
    // Not on any bridge (host network, none): listed apart.
    expect(m.others.map((o) => o.name)).toEqual(['tool']);
    expect(m.published.map((p) => `${portText(p.port)} ${p.container}`)).toEqual(['0.0.0.0:8080->80/tcp web']);
  });

  it('reads links in both forms and turns TCP ports into page addresses', () => {
    expect(parseLink('redis:db')).toEqual({ target: 'redis', alias: 'db' });
    expect(parseLink('redis')).toEqual({ target: 'redis', alias: 'redis' });
    expect(portUrl({ hostIp: '0.0.0.0', hostPort: 32768, containerPort: '5000/tcp' })).toBe('http://localhost:32768/');
    expect(portUrl({ hostIp: '10.0.2.15', hostPort: 80, containerPort: '80/tcp' })).toBe('http://10.0.2.15:80/');
    expect(portUrl({ hostIp: '0.0.0.0', hostPort: 53, containerPort: '53/udp' })).toBeUndefined();
  });
});
