import { describe, expect, it } from 'vitest';
import { MemoryCgroup } from './cgroup';

describe('MemoryCgroup.forContainer', () => {
  it('no -m: the host limit', () => {
    expect(MemoryCgroup.forContainer(0, 0, 8e9)).toMatchObject({ limit: 8e9, oomAt: 8e9 });
  });
  it('-m alone allows as much swap again; --memory-swap sets the total; -1 is unlimited', () => {
    expect(MemoryCgroup.forContainer(100, 0, 8e9)).toMatchObject({ limit: 100, oomAt: 200 });
    expect(MemoryCgroup.forContainer(100, 150, 8e9)).toMatchObject({ limit: 100, oomAt: 150 });
    expect(MemoryCgroup.forContainer(100, -1, 8e9)).toMatchObject({ limit: 100, oomAt: 8e9 });
  });
});
