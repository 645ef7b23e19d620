import { describe, expect, it } from 'vitest';
import { bootMachine } from '../testing/boot';

describe('machine snapshot', () => {
  it('round-trips the whole state through JSON', async () => {
    const m = await bootMachine({ seed: 3, clock: 'virtual' });
    await m.run(['bash', '-c', 'mkdir -p ~/app && echo "FROM busybox" > ~/app/Dockerfile && chmod 600 ~/app/Dockerfile']);
    await m.run(['docker', 'pull', 'busybox']);
    await m.run(['docker', 'pull', 'hello-world']);
    await m.run(['docker', 'tag', 'busybox', 'mybox:1.0']);
    await m.run(['docker', 'run', '--name', 'greeter', 'hello-world']);
    const snap = m.snapshot();
    const json = JSON.stringify(snap);
    const m2 = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(json) });
    expect(JSON.stringify(m2.snapshot())).toBe(json);
    // The restored machine behaves the same: same files, images, containers, and next random IDs.
    const cat = await m2.run(['cat', '/home/learner/app/Dockerfile']);
    expect(cat.stdout).toBe('FROM busybox\n');
    const [a, b] = await Promise.all([m.run(['docker', 'images']), m2.run(['docker', 'images'])]);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stdout).toContain('mybox');
    const ps = await m2.run(['docker', 'ps', '-a', '--format', '{{.Names}} {{.Image}}']);
    expect(ps.stdout).toBe('greeter hello-world\n');
    expect(m2.rng.nextU32()).toBe(m.rng.nextU32());
  });
});

describe('machine snapshot with volumes', () => {
  it('keeps volumes, their data on the host and the containers mounting them', async () => {
    const m = await bootMachine({ seed: 5, clock: 'virtual' });
    await m.run(['docker', 'volume', 'create', '--label', 'team=a', 'data']);
    await m.run(['docker', 'run', '--name', 'writer', '-v', 'data:/data', '-v', '/scratch', 'busybox', 'sh', '-c', 'echo kept > /data/f']);
    const json = JSON.stringify(m.snapshot());
    const m2 = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(json) });
    expect(JSON.stringify(m2.snapshot())).toBe(json);
    const ls = await m2.run(['docker', 'volume', 'ls', '--format', '{{.Name}} {{.Labels}}']);
    expect(ls.stdout.split('\n').filter(Boolean).sort()).toEqual([expect.stringMatching(/^[0-9a-f]{64} com\.docker\.volume\.anonymous=$/), 'data team=a']);
    const read = await m2.run(['docker', 'run', '--rm', '-v', 'data:/data', 'busybox', 'cat', '/data/f']);
    expect(read.stdout).toBe('kept\n');
    // Still in use by the restored container: refused with Docker's message.
    const rm = await m2.run(['docker', 'volume', 'rm', 'data']);
    expect(rm.stderr).toMatch(/^Error response from daemon: remove data: volume is in use - \[[0-9a-f]{64}\]\n$/);
    expect(rm.status).toBe(1);
    const mounts = await m2.run(['docker', 'inspect', '-f', '{{range .Mounts}}{{.Type}}:{{.Destination}} {{end}}', 'writer']);
    expect(mounts.stdout).toBe('volume:/data volume:/scratch \n');
  });
});

describe('machine snapshot with a build', () => {
  it('keeps the build cache: step results stay out of docker images and the rebuild says CACHED for every step', async () => {
    const m = await bootMachine({ seed: 7, clock: 'virtual' });
    await m.run(['bash', '-c', 'mkdir -p ~/app && printf "FROM busybox\\nRUN echo hi > /hi\\nRUN echo two > /two\\n" > ~/app/Dockerfile']);
    const first = await m.run(['bash', '-c', 'cd ~/app && docker build --progress=plain -t app .']);
    expect(first.status).toBe(0);
    const json = JSON.stringify(m.snapshot());
    const m2 = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(json) });
    expect(JSON.stringify(m2.snapshot())).toBe(json);
    const images = await m2.run(['docker', 'images', '-a', '--format', '{{.Repository}}']);
    // The base BuildKit pulled is build cache too (moby/moby#39229): only the build is listed.
    expect(images.stdout.split('\n').filter(Boolean).sort()).toEqual(['app']);
    const again = await m2.run(['bash', '-c', 'cd ~/app && docker build --progress=plain -t app . 2>&1']);
    // FROM and both RUN steps, as on the machine that built them.
    expect(again.stdout.match(/CACHED/g)?.length).toBe(3);
  });
});
