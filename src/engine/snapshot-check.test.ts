/** Issue 15: a saved machine is untrusted input; Machine.boot refuses or repairs, never crashes. */
import { describe, expect, it } from 'vitest';
import { Machine } from './machine';
import { SnapshotError, validateSnapshot, type MachineSnapshot } from './snapshot';
import { Rng } from './rng';
import { bootMachine } from '../testing/boot';

async function saved(): Promise<MachineSnapshot> {
  const m = await bootMachine({ seed: 7, clock: 'virtual' });
  await m.run(['docker', 'pull', 'busybox']);
  await m.run(['docker', 'run', '--name', 'hi', 'busybox', 'echo', 'hi']);
  await m.run(['bash', '-c', 'echo note > ~/note.txt']);
  return JSON.parse(JSON.stringify(m.snapshot()));
}

const BAD_OUTPUT = /undefined|NaN|\[object Object\]|simulator error/;

describe('validateSnapshot', () => {
  it('refuses what is not a machine, or a version it does not know, with one error class', () => {
    for (const x of [null, 42, 'text', [], {}, { format: 'docker-lab-machine' }]) expect(() => validateSnapshot(x)).toThrow(SnapshotError);
    expect(() => validateSnapshot({ format: 'docker-lab-machine', version: 2 })).toThrow(/newer Docker Lab \(format version 2\)/);
  });

  it('names the damaged field', async () => {
    const s = await saved();
    (s.daemon.containers[0].state as { ExitCode: unknown }).ExitCode = 'zero';
    expect(() => validateSnapshot(s)).toThrow('This saved machine is damaged and cannot be loaded (machine.daemon.containers[0].state.ExitCode: expected a whole number).');
    await expect(bootMachine({ clock: 'virtual', snapshot: s })).rejects.toThrow(SnapshotError);
  });

  it('repairs a container whose image is gone (dropped) and an empty host disk (laid down again)', async () => {
    const s = await saved();
    s.daemon.images = { version: 1, images: [], refs: [], layers: {} };
    s.daemon.pulled = [];
    s.host = { v: 1, entries: [] };
    const m = await bootMachine({ clock: 'virtual', snapshot: s });
    const ps = await m.run(['docker', 'ps', '-a', '--format', '{{.Names}}']);
    expect(ps.stdout).toBe('');
    const sh = await m.run(['bash', '-c', 'echo $((6*7))']);
    expect(sh.stdout).toBe('42\n');
  });

  it('boots or refuses every one of 150 randomly corrupted snapshots, and what boots shows no internal text', async () => {
    const base = await saved();
    const rng = new Rng(15);
    const pick = <T>(xs: T[]): T => xs[rng.nextU32() % xs.length];
    const junk = [null, undefined, -1, 1e308, NaN, '', 'x', [], {}, true, 0.5, '\u0000', [1, 2]];
    let booted = 0;
    for (let i = 0; i < 150; i++) {
      const s = JSON.parse(JSON.stringify(base));
      // Walk to a random node and replace or delete one field.
      for (let n = 0; n < 1 + (rng.nextU32() % 3); n++) {
        let node: Record<string, unknown> = s;
        for (let depth = 0; depth < 8; depth++) {
          const keys = Object.keys(node);
          if (!keys.length) break;
          const k = pick(keys);
          const next = node[k];
          if (next && typeof next === 'object' && rng.nextU32() % 4 !== 0) node = next as Record<string, unknown>;
          else {
            if (rng.nextU32() % 3 === 0) delete node[k];
            else node[k] = pick(junk);
            break;
          }
        }
      }
      let m: Machine;
      try {
        m = await bootMachine({ clock: 'virtual', snapshot: s });
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(SnapshotError);
        continue;
      }
      booted++;
      for (const argv of [['docker', 'ps', '-a'], ['docker', 'images'], ['ls', '-la'], ['docker', 'system', 'df']]) {
        const r = await m.run(argv);
        expect(r.stdout + r.stderr, argv.join(' ')).not.toMatch(BAD_OUTPUT);
      }
    }
    expect(booted).toBeGreaterThan(0);
  }, 120_000);
});
