import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { Rng } from '../rng';
import { Emitter, type MachineEvent } from '../events';
import { Layer, MutableLayer } from '../fs/layer';
import { Overlay } from '../fs/overlay';
import { Vfs } from '../fs/vfs';
import { ROOT } from '../../api/fs';
import { DaemonError } from '../../api/daemon';
import { VolumeService } from './volumes';

function setup() {
  const clock = new VirtualClock();
  const vfs = new Vfs(new Overlay([Layer.fromEntries([{ path: '/var/lib', kind: 'dir', mode: 0o755 }])], new MutableLayer({ now: () => clock.now() })), { now: () => clock.now() });
  const host = vfs.view(ROOT);
  const users = new Map<string, string[]>();
  const events: MachineEvent[] = [];
  const emitter = new Emitter();
  emitter.on((e) => events.push(e));
  const vols = new VolumeService({ clock, rng: new Rng(7), events: emitter, hostFs: () => host, usersOf: (n) => users.get(n) ?? [] });
  return { vols, host, users, events };
}

const daemonError = (f: () => unknown): string => {
  try { f(); } catch (e) { if (e instanceof DaemonError) return e.message; throw e; }
  return 'no error';
};

describe('VolumeService', () => {
  it('creates the data directory root-owned under /var/lib/docker/volumes, as Docker 28 inspects it', () => {
    const { vols, host, events } = setup();
    vols.create({ name: 'my-vol' });
    const st = host.stat('/var/lib/docker/volumes/my-vol/_data');
    expect([st.kind, st.uid, st.mode & 0o777]).toEqual(['dir', 0, 0o755]);
    expect(vols.inspect('my-vol')).toEqual({
      CreatedAt: '2025-10-01T09:00:00Z', Driver: 'local', Labels: null, Mountpoint: '/var/lib/docker/volumes/my-vol/_data',
      Name: 'my-vol', Options: null, Scope: 'local',
    });
    expect(events).toContainEqual({ type: 'volume.created', name: 'my-vol' });
  });

  it('names anonymous volumes with 64 hex digits and labels them', () => {
    const { vols } = setup();
    const v = vols.create({ anonymous: true });
    expect(v.name).toMatch(/^[0-9a-f]{64}$/);
    expect(v.labels).toEqual({ 'com.docker.volume.anonymous': '' });
    expect(vols.isAnonymous(v.name)).toBe(true);
  });

  it('refuses bad names and drivers with the daemon\'s words', () => {
    const { vols } = setup();
    expect(daemonError(() => vols.create({ name: 'a' }))).toBe('create a: volume name is too short, names should be at least two alphanumeric characters');
    expect(daemonError(() => vols.create({ name: 'my vol' }))).toMatch(/^create my vol: "my vol" includes invalid characters for a local volume name/);
    expect(daemonError(() => vols.create({ name: 'v2', driver: 'nfs' }))).toBe('create v2: error looking up volume plugin nfs: plugin "nfs" not found');
  });

  it('refuses to remove a volume in use, naming the containers', () => {
    const { vols, users, host } = setup();
    vols.create({ name: 'data' });
    users.set('data', ['c1', 'c2']);
    expect(daemonError(() => vols.remove('data'))).toBe('remove data: volume is in use - [c1, c2]');
    users.delete('data');
    vols.remove('data');
    expect(host.exists('/var/lib/docker/volumes/data')).toBe(false);
    expect(daemonError(() => vols.remove('data'))).toBe('get data: no such volume');
  });

  it('filters ls by dangling, name, label and driver', () => {
    const { vols, users } = setup();
    vols.create({ name: 'web-data', labels: { env: 'prod' } });
    vols.create({ name: 'db-data', labels: { env: 'dev' } });
    users.set('db-data', ['c1']);
    const names = (f: Record<string, string[]>) => vols.list(f).map((v) => v.name);
    expect(names({ dangling: ['true'] })).toEqual(['web-data']);
    expect(names({ dangling: ['false'] })).toEqual(['db-data']);
    expect(names({ name: ['web'] })).toEqual(['web-data']);
    expect(names({ label: ['env=dev'] })).toEqual(['db-data']);
    expect(names({ label: ['env'] })).toEqual(['db-data', 'web-data']);
    expect(names({ driver: ['local'] })).toEqual(['db-data', 'web-data']);
    expect(daemonError(() => vols.list({ colour: ['red'] }))).toBe("invalid filter 'colour'");
  });

  it('prunes only unused anonymous volumes unless all, counting their bytes', () => {
    const { vols, users, host } = setup();
    const anon = vols.create({ anonymous: true }).name;
    const busy = vols.create({ anonymous: true }).name;
    vols.create({ name: 'named' });
    users.set(busy, ['c1']);
    host.writeFile(`/var/lib/docker/volumes/${anon}/_data/f`, 'hello');
    expect(vols.prune(false)).toEqual({ deleted: [anon], reclaimed: 5 });
    expect(vols.prune(true)).toEqual({ deleted: ['named'], reclaimed: 0 });
    expect(vols.list().map((v) => v.name)).toEqual([busy]);
  });

  it('prune filters by label and label!, refusing other filters', () => {
    const { vols } = setup();
    vols.create({ name: 'keep-me', labels: { keep: 'yes' } });
    vols.create({ name: 'tmp-a', labels: { tier: 'tmp' } });
    vols.create({ name: 'tmp-b', labels: { tier: 'tmp', keep: 'yes' } });
    expect(vols.prune(true, { label: ['tier=tmp'], 'label!': ['keep'] }).deleted).toEqual(['tmp-a']);
    expect(vols.prune(false, { label: ['keep=yes'] }).deleted).toEqual([]);
    expect(vols.prune(false, { all: ['true'], label: ['keep=yes'] }).deleted).toEqual(['keep-me', 'tmp-b']);
    expect(daemonError(() => vols.prune(false, { dangling: ['true'] }))).toBe("invalid filter 'dangling'");
  });

  it('round-trips its records through a snapshot', () => {
    const a = setup();
    a.vols.create({ name: 'keep', labels: { a: 'b' }, options: { type: 'tmpfs' } });
    const b = setup();
    b.vols.restore(JSON.parse(JSON.stringify(a.vols.snapshot())));
    expect(b.vols.inspect('keep')).toEqual(a.vols.inspect('keep'));
  });
});
