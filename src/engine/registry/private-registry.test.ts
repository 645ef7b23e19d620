import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../testing/boot';

describe('a private registry container on localhost', () => {
  it('keeps pushed images in its storage volume, refuses when down, and survives a snapshot', async () => {
    const m = await bootMachine({ seed: 31, clock: 'virtual' });
    await m.run(['docker', 'pull', '-q', 'busybox']);
    expect((await m.run(['docker', 'run', '-d', '-p', '5000:5000', '-v', 'regdata:/var/lib/registry', '--name', 'r1', 'registry'])).status).toBe(0);
    await m.run(['docker', 'tag', 'busybox', 'localhost:5000/box']);
    const push = await m.run(['docker', 'push', 'localhost:5000/box']);
    expect(push.stdout).toMatch(/^Using default tag: latest\nThe push refers to repository \[localhost:5000\/box\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    // The tag lives as a link file in the registry's volume, where its server lists it from.
    const link = await m.run(['docker', 'exec', 'r1', 'cat', '/var/lib/registry/docker/registry/v2/repositories/box/_manifests/tags/latest/current/link']);
    expect(link.stdout).toMatch(/^sha256:[0-9a-f]{64}$/);

    await m.run(['docker', 'rm', '-f', 'r1']);
    const down = await m.run(['docker', 'push', 'localhost:5000/box']);
    expect(down.stdout).toBe('Using default tag: latest\nThe push refers to repository [localhost:5000/box]\n');
    expect(down.stderr).toBe('Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');

    // A new container on the same volume serves the same images; one with a fresh volume has none.
    await m.run(['docker', 'run', '-d', '-p', '5000:5000', '-v', 'regdata:/var/lib/registry', '--restart=always', '--name', 'r2', 'registry']);
    await m.run(['docker', 'run', '-d', '-p', '5001:5000', '--name', 'r3', 'registry']);
    await m.run(['docker', 'rmi', 'localhost:5000/box']);
    const empty = await m.run(['docker', 'pull', 'localhost:5001/box']);
    expect(empty.stderr).toBe('Error response from daemon: manifest for localhost:5001/box:latest not found: manifest unknown: manifest unknown\n');

    // After a reload (a reboot for containers) the registry started again still has the image.
    const m2 = await bootMachine({ clock: 'virtual', snapshot: JSON.parse(JSON.stringify(m.snapshot())) });
    expect((await m2.run(['docker', 'start', 'r2'])).status).toBe(0);
    const pull = await m2.run(['docker', 'pull', 'localhost:5000/box']);
    expect(pull.stderr).toBe('');
    expect(pull.stdout).toMatch(/Status: Downloaded newer image for localhost:5000\/box:latest\n/);
  });
});
