import { describe, expect, it } from 'vitest';
import { BuildCache } from './cache';

const opts = (o: Partial<{ noCache: boolean; kind: 'files' | 'args' | 'none' }> = {}) => ({ noCache: false, kind: 'none' as const, now: 0, alive: () => true, ...o });

describe('build cache', () => {
  it('hits on the same parent, instruction and detail, and says why', () => {
    const c = new BuildCache();
    c.record('p1', 'COPY app /app', 'digest-a', { imageId: 'i1', size: 10, files: [] }, 0);
    const d = c.decide('p1', 'COPY app /app', 'digest-a', opts({ kind: 'files' }));
    expect(d.hit && d.record.imageId).toBe('i1');
    expect(d.reason).toBe('same instruction on the same parent and the same file contents');
  });

  it('misses when the copied files changed, and names that', () => {
    const c = new BuildCache();
    c.record('p1', 'COPY app /app', 'digest-a', { imageId: 'i1', size: 10, files: [] }, 0);
    const d = c.decide('p1', 'COPY app /app', 'digest-b', opts({ kind: 'files' }));
    expect(d.hit).toBe(false);
    expect(d.reason).toBe('the files it copies changed since the last build');
  });

  it('misses on another parent or another instruction', () => {
    const c = new BuildCache();
    c.record('p1', 'RUN make', '', { imageId: 'i1', size: 0, files: [] }, 0);
    expect(c.decide('p2', 'RUN make', '', opts()).hit).toBe(false);
    expect(c.decide('p1', 'RUN make all', '', opts()).hit).toBe(false);
    expect(c.decide('p1', 'RUN make', '', opts()).hit).toBe(true);
  });

  it('misses on a changed build arg and with --no-cache', () => {
    const c = new BuildCache();
    c.record('p1', 'RUN echo $V', '|1 V=1 ', { imageId: 'i1', size: 0, files: [] }, 0);
    expect(c.decide('p1', 'RUN echo $V', '|1 V=2 ', opts({ kind: 'args' })).reason).toBe('a build arg it uses changed');
    const nc = c.decide('p1', 'RUN echo $V', '|1 V=1 ', opts({ kind: 'args', noCache: true }));
    expect(nc.hit).toBe(false);
    expect(nc.reason).toMatch(/^--no-cache/);
  });

  it('does not hand out an image that was deleted', () => {
    const c = new BuildCache();
    c.record('p1', 'RUN true', '', { imageId: 'gone', size: 0, files: [] }, 0);
    expect(c.decide('p1', 'RUN true', '', { ...opts(), alive: () => false }).hit).toBe(false);
  });

  it('prunes dangling records, or all with --all; ids look like BuildKit ones', () => {
    const c = new BuildCache();
    c.record('p1', 'RUN a', '', { imageId: 'kept', size: 5, files: [] }, 0);
    c.record('p1', 'RUN b', '', { imageId: 'loose', size: 7, files: [] }, 0);
    const gone = c.prune(false, (id) => id === 'kept');
    expect(gone.map((r) => r.imageId)).toEqual(['loose']);
    expect(gone[0].id).toMatch(/^[a-z0-9]{25}$/);
    expect(c.size).toBe(1);
    expect(c.prune(true, () => true).length).toBe(1);
    expect(c.size).toBe(0);
  });
});
