import { describe, expect, it } from 'vitest';
import { Layer } from './layer';
import { Overlay } from './overlay';
import { bootMachine } from '../../testing/boot';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Layer.lazy: content made on first read (a restored machine does not rebuild official images at boot)', () => {
  const real = Layer.fromEntries([{ path: '/etc', kind: 'dir' }, { path: '/etc/motd', kind: 'file', data: 'hi\n' }]);

  it('makes its content only when read, and then reads like the real layer', () => {
    let made = 0;
    const lazy = Layer.lazy(real.diffId, () => (made++, real));
    const ov = new Overlay([lazy]);
    expect(lazy.diffId).toBe(real.diffId);
    expect(made).toBe(0);
    expect(new TextDecoder().decode(ov.readFile('/etc/motd'))).toBe('hi\n');
    expect(lazy.size).toBe(real.size);
    expect(lazy.entries()).toEqual(real.entries());
    expect(made).toBe(1);
  });

  it('refuses content whose diff ID is not the one promised', () => {
    const other = Layer.fromEntries([{ path: '/x', kind: 'file', data: enc('x') }]);
    const lazy = Layer.lazy(real.diffId, () => other);
    expect(() => lazy.lstat('/x')).toThrow(/was rebuilt as/);
  });

  it('a restored machine builds no recipe until an image is used', async () => {
    const m = await bootMachine({ seed: 5, clock: 'virtual' });
    expect((await m.run(['docker', 'pull', '-q', 'alpine'])).status).toBe(0);
    expect((await m.run(['docker', 'run', '--name', 'box', 'alpine', 'sh', '-c', 'echo hi > /f'])).status).toBe(0);
    const back = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(JSON.stringify(m.snapshot())) });
    const built = () => (back.daemon.hub as unknown as { built: Map<string, unknown> }).built.size;
    expect(built()).toBe(0);
    const diff = await back.run(['docker', 'diff', 'box']);
    expect(diff.stdout).toBe('A /f\n');
    const run = await back.run(['docker', 'run', '--rm', 'alpine', 'cat', '/etc/alpine-release']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await m.run(['docker', 'run', '--rm', 'alpine', 'cat', '/etc/alpine-release'])).stdout);
    expect(built()).toBeGreaterThan(0);
  });
});
