import { describe, expect, it } from 'vitest';
import { Backpressure, Gates } from './backpressure';

describe('Backpressure', () => {
  it('holds writers over the high mark until the backlog falls to the low mark', async () => {
    const bp = new Backpressure(10, 4);
    expect(bp.hold(10)).toBeUndefined();
    let released = false;
    void bp.hold(11)!.then(() => (released = true));
    bp.drained(5);
    await Promise.resolve();
    expect(released).toBe(false);
    bp.drained(4);
    await Promise.resolve();
    expect(released).toBe(true);
  });
});

describe('Gates', () => {
  it('waits for every reader that is behind, and forgets a removed one', async () => {
    const gates = new Gates();
    expect(gates.behind()).toBeUndefined();
    let open!: () => void;
    const slow = new Promise<void>((r) => (open = r));
    const remove = gates.add(() => slow);
    gates.add(() => undefined);
    let done = false;
    void gates.behind()!.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    open();
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(true);
    remove();
    expect(gates.behind()).toBeUndefined();
  });
});
