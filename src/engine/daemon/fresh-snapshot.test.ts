import { describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import { freshDaemonSnapshot } from './fresh-snapshot';

describe('freshDaemonSnapshot', () => {
  it('is what a dockerd that has done nothing saves', async () => {
    const m = await Machine.boot({ seed: 3, clock: 'virtual' });
    expect(freshDaemonSnapshot()).toEqual(m.daemon.snapshot());
  });

  it('is what a machine whose dockerd has not loaded saves, and its restore has a working dockerd', async () => {
    const lazy = await Machine.boot({ seed: 3, clock: 'virtual', lazyDaemon: true });
    expect(lazy.started).toBeUndefined();
    const snap = lazy.snapshot();
    expect(lazy.started).toBeUndefined();
    expect(snap.daemon).toEqual(freshDaemonSnapshot());
    const back = await Machine.boot({ clock: 'virtual', snapshot: snap });
    expect(back.daemon.describe().networks.map((n) => n.name).sort()).toEqual(['bridge', 'host', 'none']);
  });
});
