import { describe, expect, it } from 'vitest';
import { readTar } from '../../lib/tar';
import { sha256Digest } from '../image/config';
import { bootMachine } from '../../testing/boot';

const dec = new TextDecoder();

describe('docker save / docker load', () => {
  it('writes Docker 28\'s layout, every blob named by its digest, and a fresh daemon runs what it loads', async () => {
    const m = await bootMachine({ seed: 11, clock: 'virtual' });
    await m.run(['docker', 'pull', 'busybox']);
    await m.run(['docker', 'tag', 'busybox', 'mybox:2']);
    expect((await m.run(['docker', 'save', '-o', '/tmp/b.tar', 'mybox:2'])).status).toBe(0);
    const tar = m.hostFs.view({ uid: 0, gid: 0, groups: [0] }, '/').readFile('/tmp/b.tar');
    const entries = readTar(tar);
    const files = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.name, e.data!]));
    expect([...files.keys()].filter((n) => !n.startsWith('blobs/'))).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
    // busybox has one layer: its legacy v1 config, the layer tar, the image config, the OCI manifest.
    expect([...files.keys()].filter((n) => n.startsWith('blobs/'))).toHaveLength(4);
    expect(dec.decode(files.get('oci-layout')!)).toBe('{"imageLayoutVersion": "1.0.0"}');
    for (const [name, data] of files) if (name.startsWith('blobs/sha256/')) expect(sha256Digest(data)).toBe('sha256:' + name.slice(13));
    const manifest = JSON.parse(dec.decode(files.get('manifest.json')!));
    const id = (await m.run(['docker', 'image', 'inspect', '-f', '{{.Id}}', 'mybox:2'])).stdout.trim();
    expect(manifest).toEqual([{ Config: `blobs/sha256/${id.slice(7)}`, RepoTags: ['mybox:2'], Layers: [expect.stringMatching(/^blobs\/sha256\/[0-9a-f]{64}$/)] }]);
    // The legacy repositories file names each tag's top layer (its diff ID), as moby writes it.
    const top = (await m.run(['docker', 'image', 'inspect', '-f', '{{index .RootFS.Layers 0}}', 'mybox:2'])).stdout.trim();
    expect(dec.decode(files.get('repositories')!)).toBe(`{"mybox":{"2":"${top.slice(7)}"}}\n`);
    expect(files.has(`blobs/sha256/${top.slice(7)}`)).toBe(true);
    const index = JSON.parse(dec.decode(files.get('index.json')!));
    expect(index.manifests[0].annotations).toEqual({ 'io.containerd.image.name': 'docker.io/library/mybox:2', 'org.opencontainers.image.ref.name': '2' });

    // A bare name saves every tag of the repository.
    await m.run(['docker', 'tag', 'busybox', 'mybox:3']);
    await m.run(['docker', 'save', '-o', '/tmp/all.tar', 'mybox']);
    const all = readTar(m.hostFs.view({ uid: 0, gid: 0, groups: [0] }, '/').readFile('/tmp/all.tar'));
    const allManifest = JSON.parse(dec.decode(all.find((e) => e.name === 'manifest.json')!.data!));
    expect(allManifest[0].RepoTags.sort()).toEqual(['mybox:2', 'mybox:3']);

    const fresh = await bootMachine({ seed: 12, clock: 'virtual' });
    fresh.hostFs.view({ uid: 0, gid: 0, groups: [0] }, '/').writeFile('/tmp/b.tar', tar);
    const load = await fresh.run(['docker', 'load', '-i', '/tmp/b.tar']);
    expect(load.stdout).toBe('Loaded image: mybox:2\n');
    expect((await fresh.run(['docker', 'image', 'inspect', '-f', '{{.Id}}', 'mybox:2'])).stdout.trim()).toBe(id);
    const run = await fresh.run(['docker', 'run', '--rm', 'mybox:2', 'echo', 'from the tar']);
    expect(run.stdout).toBe('from the tar\n');
  });

  it('load through stdin, -q, a moved tag, and the terminal and missing-file refusals', async () => {
    const m = await bootMachine({ seed: 13, clock: 'virtual' });
    await m.run(['docker', 'pull', 'busybox']);
    await m.run(['docker', 'pull', 'alpine']);
    await m.run(['bash', '-c', 'docker save busybox > /tmp/bb.tar']);
    const oldId = (await m.run(['docker', 'image', 'inspect', '-f', '{{.Id}}', 'alpine'])).stdout.trim();
    // alpine's tag now names busybox's image in the tar: load moves it and says so.
    await m.run(['bash', '-c', 'docker rmi alpine >/dev/null && docker tag busybox alpine:latest && docker save alpine > /tmp/a.tar && docker rmi alpine >/dev/null']);
    await m.run(['docker', 'pull', 'alpine']);
    const moved = await m.run(['bash', '-c', 'docker load < /tmp/a.tar']);
    expect(moved.stdout).toBe(`The image alpine:latest already exists, renaming the old one with ID ${oldId} to empty string\nLoaded image: alpine:latest\n`);
    // -q hides only the layer progress; moby still reports what it loaded.
    const quiet = await m.run(['bash', '-c', 'docker load -q < /tmp/bb.tar']);
    expect(quiet).toEqual({ stdout: 'Loaded image: busybox:latest\n', stderr: '', status: 0 });
    const missing = await m.run(['docker', 'load', '-i', '/tmp/nope.tar']);
    expect(missing.stderr).toBe('open /tmp/nope.tar: no such file or directory\n');
    // moby's parseNames: a bare name falls back to an ID search, NAME:TAG asks the reference store.
    const none = await m.run(['docker', 'save', '-o', '/tmp/x.tar', 'nosuch']);
    expect(none.stderr).toBe('Error response from daemon: No such image: nosuch\n');
    const noTag = await m.run(['docker', 'save', '-o', '/tmp/x.tar', 'busybox:9']);
    expect(noTag.stderr).toBe('Error response from daemon: reference does not exist\n');
    expect(none.status).toBe(1);
  });
});
