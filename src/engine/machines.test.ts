/**
 * Machines are instances: the lesson checker and share links boot many in one process, so no state
 * may be shared between two machines side by side.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from './machine';
import { bootMachine } from '../testing/boot';
import type { DockerClient } from '../api/client';

async function sh(m: Machine, line: string): Promise<string> {
  const r = await m.run(['bash', '-c', line]);
  return r.stdout + r.stderr;
}

describe('two machines in one process', () => {
  it('keep their own containers, files and build numbers', async () => {
    const a = await bootMachine({ seed: 1, clock: 'virtual' });
    const b = await bootMachine({ seed: 1, clock: 'virtual' });
    const builds = (m: Machine) => {
      const seen: string[] = [];
      m.events.on((e) => {
        if (e.type === 'build.started') seen.push(e.build);
      });
      return seen;
    };
    const seenA = builds(a);
    const seenB = builds(b);
    await sh(a, 'docker create --name only-a busybox >/dev/null; echo a > mine.txt');
    await sh(a, 'mkdir ctx && printf "FROM busybox\\nRUN echo 1\\n" > ctx/Dockerfile && docker build -q ctx >/dev/null && docker build -q ctx >/dev/null');
    await sh(b, 'mkdir ctx && printf "FROM busybox\\n" > ctx/Dockerfile && docker build -q ctx >/dev/null');
    expect(await sh(a, 'docker ps -a --format "{{.Names}}"; cat mine.txt')).toBe('only-a\na\n');
    expect(await sh(b, 'docker ps -a --format "{{.Names}}"; cat mine.txt')).toBe('cat: mine.txt: No such file or directory\n');
    expect(seenA).toEqual(['build-1', 'build-2']);
    expect(seenB).toEqual(['build-1']);
    a.shutdown();
    b.shutdown();
  });

  it('each runs the docker client it was given at boot', async () => {
    const own: DockerClient = {
      docker: async (argv, io) => {
        await io.stdout.write(`own client: ${argv.join(' ')}\n`);
        return 3;
      },
      compose: async () => 1,
      isComposeVerb: async () => false,
      complete: async () => ['own'],
    };
    const a = await Machine.boot({ seed: 1, clock: 'virtual', client: own });
    const b = await bootMachine({ seed: 1, clock: 'virtual' });
    const none = await Machine.boot({ seed: 1, clock: 'virtual' });
    expect(await a.run(['docker', 'ps'])).toMatchObject({ stdout: 'own client: ps\n', status: 3 });
    expect((await b.run(['docker', 'ps'])).stdout).toMatch(/^CONTAINER ID/);
    expect(await none.run(['docker', 'ps'])).toMatchObject({ status: 127 });
    for (const m of [a, b, none]) m.shutdown();
  });

  it('five hundred machines boot in one process', async () => {
    const many = await Promise.all(Array.from({ length: 500 }, (_, i) => bootMachine({ seed: i + 1, clock: 'virtual' })));
    await sh(many[7]!, 'docker volume create seven >/dev/null');
    const counts = await Promise.all(many.map(async (m) => (await sh(m, 'docker volume ls -q')).trim()));
    expect(counts.filter((c) => c === 'seven')).toHaveLength(1);
    expect(counts.filter((c) => c === '')).toHaveLength(499);
    for (const m of many) m.shutdown();
  });
});
