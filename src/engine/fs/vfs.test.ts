import { describe, expect, it } from 'vitest';
import { Layer, MutableLayer } from './layer';
import { Overlay } from './overlay';
import { Vfs } from './vfs';
import { ROOT, R_OK, W_OK, X_OK, isFsError, type Cred, type Errno } from '../../api/fs';

const USER: Cred = { uid: 1000, gid: 1000, groups: [1000] };
const code = (f: () => unknown): Errno | 'ok' => {
  try { f(); return 'ok'; } catch (e) { if (isFsError(e)) return e.code; throw e; }
};

function machine() {
  const base = Layer.fromEntries([
    { path: '/root', kind: 'dir', mode: 0o700 },
    { path: '/root/secret', kind: 'file', data: 's', mode: 0o600 },
    { path: '/etc/passwd', kind: 'file', data: 'root:x:0:0', mode: 0o644 },
    { path: '/etc/shadow', kind: 'file', data: 'x', mode: 0o000 },
    { path: '/tmp', kind: 'dir', mode: 0o1777 },
    { path: '/home/u', kind: 'dir', mode: 0o755, uid: 1000, gid: 1000 },
    { path: '/bin/tool', kind: 'file', data: '#!', mode: 0o644 },
    { path: '/bin/sh', kind: 'file', data: '#!', mode: 0o755 },
  ]);
  let t = 1_000_000;
  const vfs = new Vfs(new Overlay([base], new MutableLayer({ now: () => t })), { now: () => t });
  return { vfs, root: vfs.view(ROOT), user: vfs.view(USER, '/home/u'), tick: () => (t += 1000) };
}

describe('permissions', () => {
  it('uid 1000 cannot enter a 0700 root directory; root can', () => {
    const { root, user } = machine();
    expect(code(() => user.readdir('/root'))).toBe('EACCES');
    expect(code(() => user.readFile('/root/secret'))).toBe('EACCES');
    expect(root.readText('/root/secret')).toBe('s');
    expect(code(() => user.readFile('/etc/shadow'))).toBe('EACCES');
    expect(root.readText('/etc/shadow')).toBe('x'); // root bypasses read checks
  });
  it('root needs some x bit to execute; search needs x on every directory', () => {
    const { root, user } = machine();
    expect(root.access('/bin/tool', X_OK)).toBe(false);
    expect(root.access('/bin/sh', X_OK)).toBe(true);
    expect(user.access('/etc/passwd', R_OK)).toBe(true);
    expect(user.access('/etc/passwd', W_OK)).toBe(false);
    expect(code(() => user.stat('/root/secret'))).toBe('EACCES');
  });
  it('creating needs w+x on the parent; new files get the caller and the umask', () => {
    const { user, tick } = machine();
    expect(code(() => user.writeFile('/etc/x', 'y'))).toBe('EACCES');
    tick();
    user.writeFile('notes.txt', 'hi');
    expect(user.stat('/home/u/notes.txt')).toMatchObject({ uid: 1000, gid: 1000, mode: 0o644, mtime: 1_001_000 });
    user.mkdir('d');
    expect(user.stat('d').mode).toBe(0o755);
  });
  it('sticky /tmp: only the owner may delete', () => {
    const { vfs, root } = machine();
    const other = vfs.view({ uid: 1001, gid: 1001, groups: [] });
    root.withCred(USER).writeFile('/tmp/mine', 'x');
    expect(code(() => other.unlink('/tmp/mine'))).toBe('EPERM');
    expect(code(() => root.withCred(USER).unlink('/tmp/mine'))).toBe('ok');
  });
  it('chmod by owner or root only; chown by root only; chgrp to own group', () => {
    const { root, user } = machine();
    expect(code(() => user.chmod('/etc/passwd', 0o777))).toBe('EPERM');
    user.writeFile('f', 'x');
    user.chmod('f', 0o600);
    expect(user.stat('f').mode).toBe(0o600);
    expect(code(() => user.chown('f', 0, 0))).toBe('EPERM');
    expect(code(() => user.withCred({ ...USER, groups: [1000, 999] }).chown('f', 1000, 999))).toBe('ok');
    root.chown('/home/u/f', 0, 0);
    expect(root.stat('/home/u/f')).toMatchObject({ uid: 0, gid: 0 });
    expect(code(() => user.utimes('/etc/passwd', 1, 1))).toBe('EPERM');
  });
  it('a write by a non-root user clears setuid', () => {
    const { root, user } = machine();
    root.writeFile('/home/u/s', 'x', { mode: 0o4777 });
    root.chmod('/home/u/s', 0o4777);
    user.writeFile('s', 'y');
    expect(user.stat('s').mode & 0o4000).toBe(0);
  });
});

describe('path resolution', () => {
  it('follows absolute and relative symlinks; lstat does not', () => {
    const { root } = machine();
    root.symlink('/etc/passwd', '/abs');
    root.symlink('../etc', '/home/rel');
    expect(root.readText('/abs')).toBe('root:x:0:0');
    expect(root.readText('/home/rel/passwd')).toBe('root:x:0:0');
    expect(root.lstat('/abs').kind).toBe('symlink');
    expect(root.realpath('/home/rel/./passwd')).toBe('/etc/passwd');
    expect(root.readlink('/home/rel')).toBe('../etc');
    expect(code(() => root.readlink('/etc/passwd'))).toBe('EINVAL');
  });
  it('ELOOP after 40 links, ENOENT on a dangling link', () => {
    const { root } = machine();
    root.symlink('/loop', '/loop');
    expect(code(() => root.stat('/loop'))).toBe('ELOOP');
    root.symlink('/nowhere', '/dangling');
    expect(code(() => root.stat('/dangling'))).toBe('ENOENT');
    expect(root.exists('/dangling')).toBe(false);
  });
  it('.. and trailing slashes', () => {
    const { root } = machine();
    expect(root.resolve('/a/../b/./c/')).toBe('/b/c');
    expect(code(() => root.stat('/etc/passwd/'))).toBe('ENOTDIR');
    expect(code(() => root.writeFile('/newdir/', 'x'))).toBe('EISDIR');
    expect(root.stat('/etc/').kind).toBe('dir');
    expect(root.withCwd('/etc').readText('../etc/passwd')).toBe('root:x:0:0');
  });
  it('Linux errors: EISDIR, ENOTDIR, EEXIST, ENOTEMPTY', () => {
    const { root } = machine();
    expect(code(() => root.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => root.unlink('/etc'))).toBe('EISDIR');
    expect(code(() => root.rmdir('/etc/passwd'))).toBe('ENOTDIR');
    expect(code(() => root.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => root.rmdir('/etc'))).toBe('ENOTEMPTY');
    expect(code(() => root.readFile('/etc/passwd/x'))).toBe('ENOTDIR');
    expect(code(() => root.writeFile('/etc/passwd', 'x', { exclusive: true }))).toBe('EEXIST');
    root.mkdir('/a/b/c', { recursive: true });
    expect(root.stat('/a/b/c').kind).toBe('dir');
  });
});

describe('mounts', () => {
  it('EROFS on read-only mounts and read-only backends, EXDEV across mounts, EBUSY on a mount point', () => {
    const { vfs, root } = machine();
    const vol = new MutableLayer();
    vol.writeFile('/data.txt', new TextEncoder().encode('v'));
    vfs.mount('/data', vol);
    vfs.mount('/ro', new MutableLayer(), { readonly: true });
    vfs.mount('/img', Layer.fromEntries([{ path: '/x', kind: 'file', data: '' }]));
    expect(root.readText('/data/data.txt')).toBe('v');
    expect(root.readdir('/')).toContain('data');
    expect(code(() => root.writeFile('/ro/x', 'y'))).toBe('EROFS');
    expect(code(() => root.unlink('/img/x'))).toBe('EROFS');
    expect(code(() => root.rename('/data/data.txt', '/tmp/data.txt'))).toBe('EXDEV');
    expect(code(() => root.rmdir('/data'))).toBe('EBUSY');
    root.symlink('/data/data.txt', '/link');
    expect(root.readText('/link')).toBe('v');
    expect(root.realpath('/data/..')).toBe('/');
    vfs.unmount('/data');
    expect(root.exists('/data/data.txt')).toBe(false);
    expect(vfs.mounts().map((m) => m.path)).toEqual(['/', '/img', '/ro']);
  });
  it('rename within an overlay moves lower content and leaves a whiteout', () => {
    const { root, vfs } = machine();
    root.rename('/etc/passwd', '/etc/passwd.bak');
    expect(root.exists('/etc/passwd')).toBe(false);
    expect(root.readText('/etc/passwd.bak')).toBe('root:x:0:0');
    const ov = vfs.mounts()[0].backend as Overlay;
    expect(ov.diff().map((c) => `${c.kind} ${c.path}`)).toEqual(['C /etc', 'D /etc/passwd', 'A /etc/passwd.bak']);
  });
});
