import { describe, expect, it } from 'vitest';
import { Disk } from './disk';
import { MutableLayer } from './layer';
import { Vfs } from './vfs';
import { ROOT, isFsError } from '../../api/fs';
import { restoreMutable, snapshotMutable } from './snapshot';

/** A small disk: 1 MiB, nothing of its own, 5% reserved. */
function small() {
  const disk = new Disk(1024, 0);
  const layer = new MutableLayer({ disk });
  disk.add(() => layer.bytes);
  const fs = new Vfs(layer).view(ROOT, '/');
  return { disk, layer, fs };
}

describe('Disk', () => {
  it('counts written bytes, frees them on rm, and fails a write past the free space with ENOSPC after the bytes that fit', () => {
    const { disk, fs } = small();
    const limit = disk.size - disk.reserved;
    fs.writeFile('/a', new Uint8Array(1000));
    expect(disk.used()).toBe(1000);
    fs.writeFile('/a', new Uint8Array(500), { append: true });
    expect(disk.used()).toBe(1500);
    fs.mkdir('/d');
    fs.writeFile('/d/b', new Uint8Array(100));
    fs.link('/d/b', '/c');
    fs.unlink('/d/b');
    expect(disk.used()).toBe(1600);
    fs.unlink('/c');
    expect(disk.used()).toBe(1500);
    let err: unknown;
    try {
      for (let i = 0; i < 100; i++) fs.writeFile('/a', new Uint8Array(65536).fill(i + 1), { append: true });
    } catch (e) {
      err = e;
    }
    expect(isFsError(err, 'ENOSPC')).toBe(true);
    expect((err as Error).message).toBe('No space left on device');
    expect(disk.used()).toBe(limit);
    expect(fs.stat('/a').size).toBe(limit);
    expect(disk.stats()).toEqual({ size: 1024 * 1024, used: limit, avail: 0 });
    fs.unlink('/a');
    expect(disk.used()).toBe(0);
  });

  it('keeps a repeated chunk as a run: a file far bigger than memory, its size and snapshot exact', () => {
    const disk = new Disk(4 * 1024 * 1024, 0);
    const layer = new MutableLayer({ disk });
    disk.add(() => layer.bytes);
    const fs = new Vfs(layer).view(ROOT, '/');
    const chunk = new Uint8Array(1 << 20);
    let err: unknown;
    try {
      for (let i = 0; i < 100_000; i++) fs.writeFile('/zero', chunk, { append: true });
    } catch (e) {
      err = e;
    }
    expect(isFsError(err, 'ENOSPC')).toBe(true);
    const size = fs.stat('/zero').size;
    expect(size).toBeGreaterThan(3800 * (1 << 20));
    expect(disk.used()).toBe(size);
    // The run survives a snapshot without being written out byte by byte.
    const snap = snapshotMutable(layer);
    expect(JSON.stringify(snap).length).toBeLessThan(4 * 1024 * 1024);
    const back = restoreMutable(snap);
    expect(back.lstat('/zero')?.size).toBe(size);
    expect(back.bytes).toBe(size);
    // Reading it whole is beyond what the simulator hands out.
    expect(() => fs.readFile('/zero')).toThrow('File too large');
  });

  it('reads a small file with a run back exactly', () => {
    const { fs } = small();
    const line = new TextEncoder().encode('flood\n');
    for (let i = 0; i < 20000; i++) fs.writeFile('/log', line, { append: true });
    fs.writeFile('/log', new TextEncoder().encode('end\n'), { append: true });
    const text = fs.readText('/log');
    expect(text.length).toBe(20000 * 6 + 4);
    expect(text.endsWith('flood\nflood\nend\n')).toBe(true);
    expect(text.split('\n').filter((l) => l === 'flood').length).toBe(20000);
  });
});
