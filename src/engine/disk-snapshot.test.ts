import { describe, expect, it } from 'vitest';
import { bootMachine } from '../testing/boot';

describe('a full disk in a snapshot', () => {
  it('round-trips: a 47 GB file of zeros is saved as a run, and df and ENOSPC are the same after boot', async () => {
    const m = await bootMachine({ clock: 'virtual', seed: 5 });
    const fill = await m.run(['dd', 'if=/dev/zero', 'of=/tmp/big', 'bs=1G', 'status=none']);
    expect(fill.stderr).toBe("dd: error writing '/tmp/big': No space left on device\n");
    const df = (await m.run(['df', '/'])).stdout;
    expect(df).toMatch(/ 0 100% \/\n$/);
    const json = JSON.stringify(m.snapshot());
    expect(json.length).toBeLessThan(8 * 1024 * 1024);
    const back = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(json) });
    expect((await back.run(['df', '/'])).stdout).toBe(df);
    expect((await back.run(['stat', '-c', '%s', '/tmp/big'])).stdout).toBe((await m.run(['stat', '-c', '%s', '/tmp/big'])).stdout);
    const again = await back.run(['sh', '-c', 'echo x > /tmp/more']);
    expect(again.stderr).toContain('No space left on device');
    await back.run(['rm', '/tmp/big']);
    expect((await back.run(['df', '-h', '/'])).stdout).toMatch(/9\.4G +47G +17% \/\n$/);
  }, 60_000);
});
