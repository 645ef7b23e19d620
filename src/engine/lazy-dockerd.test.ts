/**
 * A machine booted with `lazyDaemon` (the page) starts dockerd at its first use: until then the
 * host works without its code, and from then on everything reads as on a machine whose dockerd
 * started at boot (same seed, same commands, same screen).
 */
import { describe, expect, it } from 'vitest';
import { Machine } from './machine';
import { dockerClient } from '../cli/client';

const lines = [
  ['bash', '-c', 'ip -4 addr show docker0 | grep inet; df -h /var/lib/docker | tail -1'],
  ['docker', 'run', '--name', 'first', 'busybox', 'echo', 'hi'],
  ['docker', 'ps', '-a', '--no-trunc'],
  ['docker', 'network', 'ls'],
  ['bash', '-c', 'systemctl is-active docker; ip -4 addr show docker0 | grep inet'],
];

async function transcript(lazy: boolean): Promise<string[]> {
  const m = await Machine.boot({ client: dockerClient, seed: 5, clock: 'virtual', lazyDaemon: lazy });
  const out: string[] = [];
  for (const argv of lines) {
    const r = await m.run(argv);
    out.push(`${r.status}\n${r.stdout}${r.stderr}`);
  }
  return out;
}

describe('a lazily started dockerd', () => {
  it('is not started by booting, and is by the first docker command', async () => {
    const m = await Machine.boot({ client: dockerClient, seed: 5, clock: 'virtual', lazyDaemon: true });
    expect(m.started).toBeUndefined();
    expect(() => m.daemon).toThrow('dockerd has not started yet');
    expect((await m.run(['bash', '-c', 'echo $((1+1)); ls /var/lib/docker >/dev/null; true'])).stdout).toBe('2\n');
    expect(m.started).toBeUndefined();
    expect((await m.run(['docker', 'ps', '-q'])).status).toBe(0);
    expect(m.started).toBeDefined();
  });

  it('gives what a dockerd started at boot gives', async () => {
    const [lazy, eager] = [await transcript(true), await transcript(false)];
    expect(lazy).toEqual(eager);
    expect(lazy[0]).toContain('172.17.0.1/16');
    expect(lazy[1]).toContain('hi');
    expect(lazy[4]).toContain('active');
  });

  it('answers lessons and the pictures once asked (the query starts it)', async () => {
    const m = await Machine.boot({ client: dockerClient, seed: 5, clock: 'virtual', lazyDaemon: true });
    expect((await m.query().networks()).map((n) => n.name).sort()).toEqual(['bridge', 'host', 'none']);
    expect(m.started).toBeDefined();
  });
});
