import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../api/fs';
import { chainIds, imageId, sha256Digest, type ImageConfig } from './config';
import type { LayerLike } from './layer-ref';
import { restoreImageStore, snapshotImageStore } from './snapshot';
import { formatDeleteRecords, ImageStore, type ContainerUse } from './store';

/** A stand-in layer: the store only needs identity, size and entries. */
function fakeLayer(name: string, size = 100): LayerLike {
  const entries: LayerEntry[] = [{ path: '/' + name, kind: 'file', data: name, size }];
  return { diffId: sha256Digest('layer:' + name), size, entries: () => entries };
}
const fromEntries = (entries: LayerEntry[]): LayerLike => {
  const f = entries[0] as Extract<LayerEntry, { kind: 'file' }>;
  return fakeLayer(f.path.slice(1), f.size);
};

function config(layers: LayerLike[], cmd = ['bash']): ImageConfig {
  return {
    architecture: 'amd64', os: 'linux', created: '2024-01-01T00:00:00Z',
    config: { Env: ['PATH=/usr/bin'], Cmd: cmd },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: layers.map((l) => ({ created: '2024-01-01T00:00:00Z', created_by: 'ADD ' + l.diffId })),
  };
}

describe('image IDs', () => {
  it('are the sha256 of the canonical config and do not depend on key order', () => {
    const l = [fakeLayer('a')];
    const c1 = config(l);
    const c2 = JSON.parse(JSON.stringify({ rootfs: c1.rootfs, history: c1.history, os: 'linux', config: c1.config, architecture: 'amd64', created: c1.created })) as ImageConfig;
    expect(imageId(c1)).toBe(imageId(c2));
    expect(imageId(c1)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imageId(config(l, ['sh']))).not.toBe(imageId(c1));
  });

  it('chain IDs follow the spec', () => {
    const [a, b] = ['sha256:' + '1'.repeat(64), 'sha256:' + '2'.repeat(64)];
    expect(chainIds([a, b])).toEqual([a, sha256Digest(a + ' ' + b)]);
  });
});

describe('ImageStore', () => {
  const base = [fakeLayer('base', 1000), fakeLayer('libs', 500)];
  const app = [...base, fakeLayer('app', 20)];

  function setup(users: Record<string, ContainerUse[]> = {}) {
    const s = new ImageStore((id) => users[id] ?? []);
    const b = s.add(config(base), base);
    s.addReference(b.id, 'ubuntu');
    s.addReference(b.id, 'ubuntu@sha256:' + 'd'.repeat(64));
    const a = s.add(config(app, ['app']), app, { parent: b.id });
    s.addReference(a.id, 'myapp:v1');
    return { s, b, a };
  }

  it('shares layers and counts them once', () => {
    const { s, b, a } = setup();
    expect(s.layerCount()).toBe(3);
    expect(s.size(b.id)).toBe(1500);
    expect(s.size(a.id)).toBe(1520);
    expect(s.totalLayerSize()).toBe(1520);
    expect(s.layerRefs(b.chainIds[0])).toBe(2);
    expect(a.layers[0]).toBe(b.layers[0]);
  });

  it('looks images up by reference, ID and prefix', () => {
    const { s, b } = setup();
    expect(s.lookup('ubuntu').id).toBe(b.id);
    expect(s.lookup('ubuntu:latest').id).toBe(b.id);
    expect(s.lookup('docker.io/library/ubuntu').id).toBe(b.id);
    expect(s.lookup(b.id).id).toBe(b.id);
    expect(s.lookup(b.id.slice(7)).id).toBe(b.id);
    expect(s.lookup(b.id.slice(7, 19)).id).toBe(b.id);
    expect(s.lookup(b.id.slice(0, 12)).id).toBe(b.id);
    expect(() => s.lookup('nope')).toThrow('No such image: nope:latest');
    expect(() => s.lookup('ubuntu:18.04')).toThrow('No such image: ubuntu:18.04');
    expect(s.repoTags(b.id)).toEqual(['ubuntu:latest']);
    expect(s.repoDigests(b.id)).toEqual(['ubuntu@sha256:' + 'd'.repeat(64)]);
    expect(s.children(b.id).map((i) => i.id)).toEqual([s.lookup('myapp:v1').id]);
  });

  it('moving a tag leaves a dangling image', () => {
    const { s, b, a } = setup();
    expect(s.addReference(a.id, 'ubuntu')).toBe(b.id);
    expect(s.isDangling(b.id)).toBe(true);
    expect(s.repoTags(a.id)).toEqual(['myapp:v1', 'ubuntu:latest']);
  });

  it('untags when other tags remain, deletes with layers otherwise', () => {
    const { s, a } = setup();
    s.addReference(a.id, 'myapp:v2');
    expect(formatDeleteRecords(s.remove('myapp:v1'))).toEqual(['Untagged: myapp:v1']);
    const recs = formatDeleteRecords(s.remove('myapp:v2'));
    expect(recs).toEqual(['Untagged: myapp:v2', `Deleted: ${a.id}`, `Deleted: ${a.chainIds[2]}`]);
    expect(s.layerCount()).toBe(2);
  });

  it('removes digest references of the same repository with the last tag', () => {
    const s = new ImageStore();
    const b = s.add(config(base), base);
    s.addReference(b.id, 'ubuntu');
    s.addReference(b.id, 'ubuntu@sha256:' + 'd'.repeat(64));
    expect(formatDeleteRecords(s.remove('ubuntu'))).toEqual([
      'Untagged: ubuntu:latest', 'Untagged: ubuntu@sha256:' + 'd'.repeat(64),
      `Deleted: ${b.id}`, `Deleted: ${b.chainIds[1]}`, `Deleted: ${b.chainIds[0]}`,
    ]);
  });

  it('reports Docker conflicts', () => {
    const { s, b, a } = setup({});
    expect(() => s.remove(b.id.slice(7, 19))).toThrow(
      `conflict: unable to delete ${b.id.slice(7, 19)} (cannot be forced) - image has dependent child images`);
    const users: Record<string, ContainerUse[]> = { [a.id]: [{ id: 'c'.repeat(64), running: false }] };
    s.setContainersUsing((id) => users[id] ?? []);
    expect(() => s.remove('myapp:v1')).toThrow(
      `conflict: unable to remove repository reference "myapp:v1" (must force) - container cccccccccccc is using its referenced image ${a.id.slice(7, 19)}`);
    expect(() => s.remove(a.id.slice(7, 19))).toThrow(
      `conflict: unable to delete ${a.id.slice(7, 19)} (must be forced) - image is being used by stopped container cccccccccccc`);
    users[a.id][0].running = true;
    expect(() => s.remove(a.id.slice(7, 19), { force: true })).toThrow(
      `conflict: unable to delete ${a.id.slice(7, 19)} (cannot be forced) - image is being used by running container cccccccccccc`);
    // -f on a reference only untags when a running container holds the image.
    expect(formatDeleteRecords(s.remove('myapp:v1', { force: true }))).toEqual(['Untagged: myapp:v1']);
    expect(s.get(a.id)).toBeDefined();
  });

  it('an ID with several tags needs -f', () => {
    const { s, a } = setup();
    s.addReference(a.id, 'other:1');
    const short = a.id.slice(7, 19);
    expect(() => s.remove(short)).toThrow(
      `conflict: unable to delete ${short} (must be forced) - image is referenced in multiple repositories`);
    const recs = formatDeleteRecords(s.remove(short, { force: true }));
    expect(recs.slice(0, 3)).toEqual(['Untagged: myapp:v1', 'Untagged: other:1', `Deleted: ${a.id}`]);
  });

  it('prunes an untagged parent', () => {
    const s = new ImageStore();
    const b = s.add(config(base), base);
    const a = s.add(config(app, ['app']), app, { parent: b.id });
    s.addReference(a.id, 'myapp');
    const recs = formatDeleteRecords(s.remove('myapp'));
    expect(recs).toContain(`Deleted: ${b.id}`);
    expect(s.list()).toEqual([]);
    expect(s.layerCount()).toBe(0);
  });

  it('snapshots and restores exactly', () => {
    const { s, a, b } = setup();
    const snap = JSON.parse(JSON.stringify(snapshotImageStore(s)));
    const r = restoreImageStore(snap, { fromEntries });
    expect(r.list().map((i) => i.id)).toEqual([b.id, a.id]);
    expect(r.allReferences()).toEqual(s.allReferences());
    expect(r.get(a.id)?.parent).toBe(b.id);
    expect(r.layerCount()).toBe(3);
    const ext = snapshotImageStore(s, { external: (d) => d === base[0].diffId });
    expect(Object.keys(ext.layers)).toHaveLength(2);
    const r2 = restoreImageStore(ext, { fromEntries, resolveLayer: (d) => (d === base[0].diffId ? base[0] : undefined) });
    expect(r2.size(a.id)).toBe(1520);
  });
});
