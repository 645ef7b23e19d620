import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { trackRealWork, realWorkSettled } from '../../lib/realwork';
import { lazyProgram } from './registry';
import type { ProgramContext } from '../process/types';

const realDelay = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

function fakeCtx(argv: string[]): { ctx: ProgramContext; err: string[] } {
  const err: string[] = [];
  const ctx = { argv, stderr: { write: async (s: string) => void err.push(s) } } as unknown as ProgramContext;
  return { ctx, err };
}

describe('programs loaded on first use', () => {
  it('virtual time stands still while code loads', async () => {
    const clock = new VirtualClock(0);
    let fired = false;
    clock.setTimeout(() => (fired = true), 1000);
    const load = trackRealWork(realDelay(20, 'loaded'));
    expect(clock.runNext()).toBe(false);
    expect(fired).toBe(false);
    await load;
    await realWorkSettled();
    expect(clock.runNext()).toBe(true);
    expect(fired).toBe(true);
  });

  it('loads once, passes extra arguments through, and runs the loaded program', async () => {
    let loads = 0;
    const seen: unknown[] = [];
    const prog = lazyProgram(async () => {
      loads++;
      return (async (_ctx: ProgramContext, flavour?: unknown) => (seen.push(flavour), 7)) as never;
    });
    const call = prog as unknown as (ctx: ProgramContext, flavour: string) => Promise<number>;
    expect(await call(fakeCtx(['awk']).ctx, 'busybox')).toBe(7);
    expect(await call(fakeCtx(['awk']).ctx, 'gnu')).toBe(7);
    expect(loads).toBe(1);
    expect(seen).toEqual(['busybox', 'gnu']);
  });

  it('a load that fails is reported by the program (126) and tried again next time', async () => {
    let tries = 0;
    const prog = lazyProgram(async () => {
      tries++;
      if (tries === 1) throw new Error('Failed to fetch dynamically imported module');
      return async () => 0;
    });
    const first = fakeCtx(['python3']);
    expect(await prog(first.ctx)).toBe(126);
    expect(first.err.join('')).toBe("python3: cannot load this program's code: Failed to fetch dynamically imported module\n");
    expect(await prog(fakeCtx(['python3']).ctx)).toBe(0);
    expect(tries).toBe(2);
  });
});
