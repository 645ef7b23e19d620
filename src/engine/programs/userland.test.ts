import { describe, expect, it } from 'vitest';
import { getProgram, programNames } from './registry';
import { registerAllPrograms } from '../host/programs';
import { registerUserland } from './userland';
import { USERLAND_NAMES } from './userland-names';
import { Machine } from '../machine';

describe('the lazily loaded userland', () => {
  // First: nothing has loaded the userland yet, so every name still holds its lazy entry.
  it('registers exactly the names that stood for it, and replaces every one of them', () => {
    registerAllPrograms();
    const before = programNames();
    const stubs = new Map(USERLAND_NAMES.map((n) => [n, getProgram(n)]));
    registerUserland();
    expect(programNames()).toEqual(before);
    for (const [name, stub] of stubs) expect(getProgram(name), name).not.toBe(stub);
  });

  it('runs its programs on a machine', async () => {
    const m = await Machine.boot({ seed: 3, clock: 'virtual' });
    const r = await m.run(['bash', '-c', 'echo hi | tr a-z A-Z; ls -d /etc']);
    expect(r.stdout).toBe('HI\n/etc\n');
  });
});
