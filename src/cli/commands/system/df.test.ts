import { describe, expect, it } from 'vitest';
import type { ContainerSummary, ImageSummary } from '../../../api/daemon';
import type { DiskUsage } from '../../../api/bodies';
import { summaryRows, verboseTables } from './df';

const image = (id: string, size: number, shared: number, containers: number, tag: string): ImageSummary => ({
  Id: `sha256:${id.repeat(64)}`, ParentId: '', RepoTags: [tag], RepoDigests: [], Created: 1_700_000_000, Size: size, SharedSize: shared, Labels: null, Containers: containers,
});
const container = (state: string, sizeRw: number): ContainerSummary => ({
  Id: 'c'.repeat(64), Names: ['/web'], Image: 'nginx', ImageID: '', Command: 'nginx', Created: 1_700_000_000, Ports: [], SizeRw: sizeRw,
  Labels: {}, State: state, Status: state === 'running' ? 'Up 2 minutes' : 'Exited (0) 1 minute ago', Mounts: [{ Type: 'volume', Name: 'v', Source: '', Destination: '/data' }],
  NetworkSettings: { Networks: {} },
});
const volume = (name: string, size: number, refs: number) => ({ Name: name, Labels: null, UsageData: { Size: size, RefCount: refs } });

const du: DiskUsage = {
  LayersSize: 200_000_000,
  // nginx is used by a container: its unique 120MB are not reclaimable; busybox's 80MB are.
  Images: [image('a', 150_000_000, 30_000_000, 1, 'nginx:latest'), image('b', 80_000_000, 30_000_000, 0, 'busybox:latest')],
  Containers: [container('running', 1_000), container('exited', 3_000)],
  Volumes: [volume('used', 4_000, 1), volume('free', 1_000, 0)],
  BuildCache: [],
};

describe('docker system df', () => {
  it("adds the daemon's numbers up as docker-cli does", () => {
    expect(summaryRows(du)).toEqual([
      { Type: 'Images', TotalCount: '2', Active: '1', Size: '200MB', Reclaimable: '80MB (40%)' },
      { Type: 'Containers', TotalCount: '2', Active: '1', Size: '4kB', Reclaimable: '3kB (75%)' },
      { Type: 'Local Volumes', TotalCount: '2', Active: '1', Size: '5kB', Reclaimable: '1kB (20%)' },
      { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
    ]);
  });

  it('-v prints one table per kind under its title', () => {
    const out = verboseTables(du, 1_700_000_000_000 + 3 * 86_400_000).out;
    expect(out).toMatch(/^Images space usage:\n\nREPOSITORY +TAG +IMAGE ID +CREATED +SIZE +SHARED SIZE +UNIQUE SIZE +CONTAINERS\nnginx +latest +aaaaaaaaaaaa +3 days ago +150MB +30MB +120MB +1\n/);
    expect(out).toContain('\nContainers space usage:\n\nCONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE ');
    expect(out).toMatch(/\nLocal Volumes space usage:\n\nVOLUME NAME +LINKS +SIZE\nused +1 +4kB\nfree +0 +1kB\n/);
    expect(out).toMatch(/\nBuild cache usage: 0B\n\nCACHE ID +CACHE TYPE +SIZE +CREATED +LAST USED +USAGE +SHARED\n$/);
  });
});
