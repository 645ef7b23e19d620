import { describe, expect, it } from 'vitest';
import { Machine } from '../machine';
import { bootMachine } from '../../testing/boot';

const HOME = '/home/learner';

async function withImage(m: Machine): Promise<void> {
  await m.run(['bash', '-c', `mkdir -p ${HOME}/app && printf 'FROM busybox\\nRUN echo mine > /f\\n' > ${HOME}/app/Dockerfile`]);
  const b = await m.run(['docker', 'build', '-q', '-t', 'learner1/app:1', `${HOME}/app`]);
  expect(b.status).toBe(0);
}

describe('docker push to the simulated Hub', () => {
  it('is denied before login and outside your namespace, then pushes new layers and mounts base ones', async () => {
    const m = await bootMachine({ seed: 7, clock: 'virtual' });
    await withImage(m);
    const before = await m.run(['docker', 'push', 'learner1/app:1']);
    expect(before.status).toBe(1);
    expect(before.stderr).toBe('denied: requested access to the resource is denied\n');
    expect((await m.run(['docker', 'login', '-u', 'learner1', '-p', 'pw'])).status).toBe(0);
    await m.run(['docker', 'tag', 'learner1/app:1', 'someoneelse/app:1']);
    const other = await m.run(['docker', 'push', 'someoneelse/app:1']);
    expect(other.stderr).toBe('denied: requested access to the resource is denied\n');

    const push = await m.run(['docker', 'push', 'learner1/app:1']);
    expect(push.status).toBe(0);
    const lines = push.stdout.trim().split('\n');
    expect(lines[0]).toBe('The push refers to repository [docker.io/learner1/app]');
    // Top layer first: the RUN layer is new, busybox's layer is already in library/busybox.
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^[0-9a-f]{12}: Preparing$/),
      expect.stringMatching(/^[0-9a-f]{12}: Preparing$/),
      expect.stringMatching(/^[0-9a-f]{12}: Pushed$/),
      expect.stringMatching(/^[0-9a-f]{12}: Mounted from library\/busybox$/),
      expect.stringMatching(/^1: digest: sha256:[0-9a-f]{64} size: \d+$/),
    ]);
    const again = await m.run(['docker', 'push', 'learner1/app:1']);
    expect(again.stdout.match(/Layer already exists/g)).toHaveLength(2);
    // The same digest both times: the manifest is content-addressed.
    expect(again.stdout.split('\n').at(-2)).toBe(lines.at(-1));
  });

  it('an image pushed then removed locally pulls back, also after a snapshot round trip', async () => {
    const m = await bootMachine({ seed: 8, clock: 'virtual' });
    await withImage(m);
    await m.run(['docker', 'login', '-u', 'learner1', '-p', 'pw']);
    expect((await m.run(['docker', 'push', 'learner1/app:1'])).status).toBe(0);
    await m.run(['docker', 'rmi', 'learner1/app:1']);
    const json = JSON.stringify(m.snapshot());
    const m2 = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(json) });
    // The pushed-only layer travels with the Hub's snapshot and comes back identical.
    expect(JSON.stringify(m2.snapshot())).toBe(json);
    const pull = await m2.run(['docker', 'pull', 'learner1/app:1']);
    expect(pull.stderr).toBe('');
    expect(pull.stdout).toMatch(/: Pull complete\n/);
    const run = await m2.run(['docker', 'run', '--rm', 'learner1/app:1', 'cat', '/f']);
    expect(run.stdout).toBe('mine\n');
    const search = await m2.run(['docker', 'search', '--format', '{{.Name}}', 'learner1']);
    expect(search.stdout).toBe('learner1/app\n');
  });

  it('a tag that does not exist locally is refused inside the push stream', async () => {
    const m = await bootMachine({ seed: 9, clock: 'virtual' });
    const r = await m.run(['docker', 'push', 'learner1/nothing']);
    expect(r.stdout).toBe('Using default tag: latest\nThe push refers to repository [docker.io/learner1/nothing]\n');
    expect(r.stderr).toBe('An image does not exist locally with the tag: learner1/nothing\n');
    expect(r.status).toBe(1);
  });
});
