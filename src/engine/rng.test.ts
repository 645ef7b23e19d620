import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng.fill', () => {
  it('gives the bytes int(256) gives one by one, and leaves the same state', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const bytes = a.fill(new Uint8Array(1000));
    const one = Array.from({ length: 1000 }, () => b.int(256));
    expect([...bytes]).toEqual(one);
    expect(a.state()).toEqual(b.state());
  });
});
