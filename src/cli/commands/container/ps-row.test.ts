import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../api/daemon';
import { writeFormat } from '../../format/table';
import { psRows } from './ls';

const summary: ContainerSummary = {
  Id: 'a'.repeat(64), Names: ['/web'], Image: 'nginx', ImageID: 'sha256:' + 'b'.repeat(64),
  Command: 'nginx -g \'daemon off;\'', Created: 1_700_000_000, Ports: [{ PrivatePort: 80, PublicPort: 8080, IP: '0.0.0.0', Type: 'tcp' }],
  Labels: { 'com.example.tier': 'front' }, State: 'running', Status: 'Up 2 minutes',
  Mounts: [{ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Mode: 'z', RW: true, Propagation: '' }],
  NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } },
} as unknown as ContainerSummary;

const run = (format: string) => writeFormat(format, {}, psRows([summary], { trunc: true, nowMs: 1_700_000_120_000 }));

describe('docker ps rows', () => {
  it('{{json .}} holds every column, in docker-lab order, computed on demand ones included', () => {
    expect(JSON.parse(run('{{json .}}').out)).toEqual({
      ID: 'aaaaaaaaaaaa', Image: 'nginx', Command: '"nginx -g \'daemon of…"', CreatedAt: '2023-11-14 22:13:20 +0000 UTC',
      RunningFor: '2 minutes ago', Ports: '0.0.0.0:8080->80/tcp', State: 'running', Status: 'Up 2 minutes', Size: '0B', Names: 'web',
      Labels: 'com.example.tier=front', Mounts: 'data', LocalVolumes: '1', Networks: 'bridge',
    });
    expect(Object.keys(JSON.parse(run('{{json .}}').out))[3]).toBe('CreatedAt');
  });

  it('answers the on-demand columns and .Label, and no field it does not have', () => {
    expect(run('{{.Size}}|{{.Labels}}|{{.Label "com.example.tier"}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}').out).toBe('0B|com.example.tier=front|front|data|1|bridge\n');
    expect(run('{{.c}}').out).toBe('<no value>\n');
  });

  it('keeps what a caller adds to a row, in {{json .}} too (compose ps)', () => {
    const [row] = psRows([summary], { trunc: true, nowMs: 1_700_000_120_000 });
    const extended = Object.assign(row!, { Service: 'web' });
    const out = JSON.parse(writeFormat('{{json .}}', {}, [extended]).out);
    expect(out.Service).toBe('web');
    expect(out.Networks).toBe('bridge');
  });
});
