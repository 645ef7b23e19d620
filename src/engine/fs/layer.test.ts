import { describe, expect, it } from 'vitest';
import { Layer, MutableLayer } from './layer';
import { Overlay } from './overlay';
import { chainId, digest, layerEntriesToTar, readTar, tarToLayerEntries, writeTar } from '../../lib/tar';
import { restoreLayer, restoreMutable, snapshotLayer, snapshotMutable } from './snapshot';
import type { LayerEntry } from '../../api/fs';

const names = (l: Layer) => layerEntriesToTar(l.entries()).map((t) => t.name);
const files = (...paths: string[]): LayerEntry[] =>
  paths.map((p) => (p.endsWith('/') ? { path: p.slice(0, -1), kind: 'dir' as const } : { path: p, kind: 'file' as const, data: p }));

describe('OCI worked example (oci-layers.md §1)', () => {
  const base = Layer.fromEntries(files('/etc/', '/etc/my-app-config', '/bin/', '/bin/my-app-binary', '/bin/my-app-tools'), { mtime: 1000 });

  it('produces the spec changeset and layer tar', () => {
    const ov = new Overlay([base], new MutableLayer({ now: () => 5000 }));
    ov.mkdir('/etc/my-app.d', { mtime: 5000 });
    ov.writeFile('/etc/my-app.d/default.cfg', new TextEncoder().encode('x'), { mtime: 5000 });
    ov.unlink('/etc/my-app-config');
    ov.writeFile('/bin/my-app-tools', new TextEncoder().encode('v2'), { mtime: 5000 });
    const layer = ov.upper.freeze();
    // The spec's four entries, plus the copied-up parents `bin/` and `etc/` that Docker's
    // overlay2 diff also carries; whiteouts come before sibling entries (§3 rule 7).
    expect(names(layer)).toEqual(['bin/', 'bin/my-app-tools', 'etc/', 'etc/.wh.my-app-config', 'etc/my-app.d/', 'etc/my-app.d/default.cfg']);
    expect(ov.diff()).toEqual([
      { kind: 'C', path: '/bin/my-app-tools' },
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/my-app-config' },
      { kind: 'A', path: '/etc/my-app.d' },
      { kind: 'A', path: '/etc/my-app.d/default.cfg' },
    ]);
    const merged = new Overlay([base, layer]);
    expect(merged.readdir('/etc')).toEqual(['my-app.d']);
    expect(new TextDecoder().decode(merged.readFile('/bin/my-app-tools'))).toBe('v2');
  });
});

describe('whiteouts (§3)', () => {
  const base = Layer.fromEntries(files('/file1', '/a/', '/a/file2', '/b/', '/c/', '/c/file3'));
  const next = Layer.fromEntries([
    { path: '/.wh.file1', kind: 'file', data: '' },
    { path: '/a/.wh.file2', kind: 'file', data: '' },
    { path: '/.wh.b', kind: 'file', data: '' },
    { path: '/file4', kind: 'file', data: 'x' },
  ]);
  it('hides deleted paths, keeps the rest, never shows the marker', () => {
    const ov = new Overlay([base, next]);
    expect(ov.readdir('/')).toEqual(['a', 'c', 'file4']);
    expect(ov.readdir('/a')).toEqual([]);
    expect(ov.lstat('/c/file3')?.kind).toBe('file');
    expect(ov.lstat('/b')).toBeUndefined();
    expect(names(next)).toEqual(['.wh.b', '.wh.file1', 'a/', 'a/.wh.file2', 'file4']);
  });
  it('serialises as a regular empty file with mode 0600', () => {
    const t = readTar(next.tar()).find((e) => e.name === '.wh.b')!;
    expect(t).toMatchObject({ type: 'file', mode: 0o600 });
    expect(t.data!.length).toBe(0);
  });
  it('does not hide entries of the same layer (rule 5)', () => {
    const l = Layer.fromEntries([{ path: '/x', kind: 'file', data: 'same' }, { path: '/x', kind: 'whiteout' }]);
    expect(new Overlay([l]).lstat('/x')?.kind).toBe('file');
  });
  it('rejects a whiteout without a name (rule 2)', () => {
    expect(() => Layer.fromEntries([{ path: '/d/.wh.', kind: 'file', data: '' }])).toThrow('invalid whiteout entry ".wh."');
  });
  it('deleting a directory writes one whiteout (rule 8)', () => {
    const ov = new Overlay([Layer.fromEntries(files('/b/', '/b/x', '/b/y/', '/b/y/z'))]);
    for (const p of ['/b/y/z', '/b/x']) ov.unlink(p);
    ov.rmdir('/b/y');
    ov.rmdir('/b');
    expect(names(ov.upper.freeze())).toEqual(['.wh.b']);
    expect(ov.diff()).toEqual([{ kind: 'D', path: '/b' }]);
  });
});

describe('opaque directories (§4)', () => {
  const base = Layer.fromEntries(files('/etc/', '/etc/my-app-config', '/bin/', '/bin/my-app-binary', '/bin/my-app-tools', '/bin/tools/', '/bin/tools/my-app-tool-one'));
  it('opaque equals explicit whiteouts', () => {
    const opaque = new Overlay([base, Layer.fromEntries([{ path: '/bin', kind: 'dir' }, { path: '/bin/.wh..wh..opq', kind: 'file', data: '' }])]);
    const explicit = new Overlay([base, Layer.fromEntries([{ path: '/bin', kind: 'dir' }, ...['my-app-binary', 'my-app-tools', 'tools'].map((n) => ({ path: '/bin/' + n, kind: 'whiteout' as const }))])]);
    expect(opaque.readdir('/bin')).toEqual([]);
    expect(explicit.readdir('/bin')).toEqual([]);
    expect(opaque.readdir('/etc')).toEqual(explicit.readdir('/etc'));
  });
  it('is order independent', () => {
    const b = Layer.fromEntries(files('/a/', '/a/b/', '/a/b/c/', '/a/b/c/bar'));
    const first = Layer.fromEntries([{ path: '/a', kind: 'dir' }, { path: '/a/.wh..wh..opq', kind: 'file', data: '' }, { path: '/a/b', kind: 'dir' }, { path: '/a/b/c', kind: 'dir' }, { path: '/a/b/c/foo', kind: 'file', data: '' }]);
    const last = Layer.fromEntries([{ path: '/a', kind: 'dir' }, { path: '/a/b', kind: 'dir' }, { path: '/a/b/c', kind: 'dir' }, { path: '/a/b/c/foo', kind: 'file', data: '' }, { path: '/a/.wh..wh..opq', kind: 'file', data: '' }]);
    for (const l of [first, last]) expect(new Overlay([b, l]).readdir('/a/b/c')).toEqual(['foo']);
    expect(first.diffId).toBe(last.diffId);
  });
  it('a directory recreated over a deleted one becomes opaque', () => {
    const ov = new Overlay([base]);
    for (const p of ['/bin/tools/my-app-tool-one']) ov.unlink(p);
    ov.rmdir('/bin/tools');
    ov.mkdir('/bin/tools');
    expect(ov.readdir('/bin/tools')).toEqual([]);
    expect(names(ov.upper.freeze())).toContain('bin/tools/.wh..wh..opq');
  });
});

describe('docker diff (§6)', () => {
  it('marks the parent C before an A child, and never reports /', () => {
    const ov = new Overlay([Layer.fromEntries(files('/root/', '/tmp/'))], new MutableLayer({ now: () => 9000 }));
    ov.writeFile('/root/.bash_history', new Uint8Array(1));
    ov.writeFile('/new', new Uint8Array(1));
    expect(ov.diff()).toEqual([{ kind: 'A', path: '/new' }, { kind: 'C', path: '/root' }, { kind: 'A', path: '/root/.bash_history' }]);
  });
  it('lists descendants of an added directory as A', () => {
    const ov = new Overlay([Layer.fromEntries([])]);
    ov.mkdir('/x');
    ov.mkdir('/x/y');
    ov.writeFile('/x/y/z', new Uint8Array(0));
    expect(ov.diff().map((c) => `${c.kind} ${c.path}`)).toEqual(['A /x', 'A /x/y', 'A /x/y/z']);
  });
});

describe('copy-up', () => {
  it('keeps mode, owner and mtime; the lower layer is unchanged', () => {
    const base = Layer.fromEntries([{ path: '/etc', kind: 'dir', mode: 0o755, mtime: 1000 }, { path: '/etc/app.conf', kind: 'file', data: 'a', mode: 0o640, uid: 33, gid: 44, mtime: 2000 }]);
    const ov = new Overlay([base], new MutableLayer({ now: () => 7000 }));
    ov.setattr('/etc/app.conf', { atime: 3000 });
    const st = ov.lstat('/etc/app.conf')!;
    expect(st).toMatchObject({ mode: 0o640, uid: 33, gid: 44, mtime: 2000, atime: 3000 });
    ov.writeFile('/etc/app.conf', new TextEncoder().encode('bb'), { append: true, mtime: 7000 });
    expect(new TextDecoder().decode(ov.readFile('/etc/app.conf'))).toBe('abb');
    expect(ov.lstat('/etc/app.conf')).toMatchObject({ mode: 0o640, uid: 33, gid: 44, mtime: 7000 });
    expect(ov.lstat('/etc')).toMatchObject({ mtime: 1000 });
    expect(new TextDecoder().decode(base.readFile('/etc/app.conf'))).toBe('a');
  });
  it('an unwritten upper holds no memfs volume and shares the lowers index', () => {
    const base = Layer.fromEntries(files('/a'));
    const a = new Overlay([base]);
    const b = new Overlay([base]);
    expect(a.upper.hasWrites).toBe(false);
    expect(a.lstat('/a')).toBe(b.lstat('/a'));
  });
});

describe('diffId, size, chainId, tar', () => {
  const mk = (mtime: number) => Layer.fromEntries([{ path: '/f', kind: 'file', data: 'hello', mtime }, { path: '/d', kind: 'dir', mtime }]);
  it('same content gives the same diffId; another mtime another', () => {
    expect(mk(1000).diffId).toBe(mk(1000).diffId);
    expect(mk(1000).diffId).not.toBe(mk(2000).diffId);
    expect(mk(1000).diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(mk(1000).diffId).toBe(digest(mk(1000).tar()));
  });
  it('size honours virtual sizes and counts hard links once', () => {
    const l = Layer.fromEntries([{ path: '/py', kind: 'file', data: 'stub', size: 5_000_000 }, { path: '/a', kind: 'file', data: '123' }, { path: '/b', kind: 'hardlink', target: '/a' }]);
    expect(l.size).toBe(5_000_003);
    expect(l.lstat('/py')?.size).toBe(5_000_000);
  });
  it('chainId follows the spec formula', () => {
    const a = 'sha256:' + 'a'.repeat(64);
    const b = 'sha256:' + 'b'.repeat(64);
    const c = 'sha256:' + 'c'.repeat(64);
    expect(chainId([a])).toBe(a);
    expect(chainId([a, b])).toBe(digest(`${a} ${b}`));
    expect(chainId([a, b, c])).toBe(digest(`${digest(`${a} ${b}`)} ${c}`));
  });
  it('round-trips long names (PAX), symlinks, hard links and virtual sizes through tar', () => {
    const long = '/' + 'x'.repeat(60) + '/' + 'y'.repeat(70);
    const l = Layer.fromEntries([{ path: long, kind: 'file', data: 'L', mode: 0o600, uid: 5, mtime: 3000 }, { path: '/s', kind: 'symlink', target: '../' + 'z'.repeat(120) }, { path: '/h', kind: 'hardlink', target: long }, { path: '/v', kind: 'file', data: '', size: 99 }]);
    const back = Layer.fromEntries(tarToLayerEntries(readTar(l.tar())));
    expect(back.diffId).toBe(l.diffId);
    expect(back.readlink('/s')).toBe('../' + 'z'.repeat(120));
    expect(back.lstat('/h')?.nlink).toBe(2);
    expect(back.lstat('/v')?.size).toBe(99);
    expect(readTar(writeTar([{ name: 'a', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new Uint8Array([1]) }]))[0].data).toEqual(new Uint8Array([1]));
  });
});

describe('snapshots', () => {
  it('round-trips a Layer exactly', () => {
    const l = Layer.fromEntries([{ path: '/', kind: 'dir', mode: 0o700, mtime: 5 }, { path: '/bin/sh', kind: 'file', data: new Uint8Array([0, 255, 7]), mode: 0o4755, uid: 1, gid: 2, mtime: 1234, size: 800 }, { path: '/gone', kind: 'whiteout' }, { path: '/o', kind: 'opaque' }, { path: '/l', kind: 'symlink', target: 'bin/sh' }]);
    const json = JSON.parse(JSON.stringify(snapshotLayer(l)));
    const back = restoreLayer(json);
    expect(back.diffId).toBe(l.diffId);
    expect(back.entries()).toEqual(l.entries());
    expect(back.lstat('/')).toEqual(l.lstat('/'));
    expect(back.lstat('/bin/sh')).toMatchObject({ mode: 0o4755, uid: 1, gid: 2, mtime: 1234, size: 800 });
  });
  it('round-trips an overlay upper (markers, atime/ctime)', () => {
    let t = 100;
    const base = Layer.fromEntries(files('/a', '/d/', '/d/x'));
    const ov = new Overlay([base], new MutableLayer({ now: () => t++ }));
    ov.unlink('/a');
    ov.writeFile('/d/y', new Uint8Array([1, 2]));
    ov.setattr('/d/x', { atime: 42 });
    const up = restoreMutable(JSON.parse(JSON.stringify(snapshotMutable(ov.upper))));
    const ov2 = new Overlay([base], up);
    expect(ov2.diff()).toEqual(ov.diff());
    expect({ ...ov2.lstat('/d/x'), ino: 0 }).toEqual({ ...ov.lstat('/d/x'), ino: 0 });
    expect(up.freeze().diffId).toBe(ov.upper.freeze().diffId);
    expect(snapshotMutable(new MutableLayer()).entries).toEqual([]);
  });
});
