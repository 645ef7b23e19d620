import { describe, expect, it } from 'vitest';
import { cp, ln, mv } from './cp';
import { mkdir, rm, rmdir, touch } from './fileops';
import { chgrp, chmod, chown } from './perm';
import { makeWorld, run } from '../../testing/programs/ctx';

function world() {
  const w = makeWorld();
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.writeFile('f', 'data\n');
  fs.mkdir('d');
  fs.writeFile('d/x', 'x');
  return { w, fs };
}

describe('mkdir / rmdir', () => {
  it.each([
    [['mkdir', 'f'], "mkdir: cannot create directory 'f': File exists\n", 1],
    [['mkdir', 'a/b'], "mkdir: cannot create directory 'a/b': No such file or directory\n", 1],
    [['mkdir'], "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1],
    [['rmdir', 'd'], "rmdir: failed to remove 'd': Directory not empty\n", 1],
    [['rmdir', 'f'], "rmdir: failed to remove 'f': Not a directory\n", 1],
  ])('%j', async (argv, err, code) => {
    const { w } = world();
    const r = await run(w, argv[0] === 'mkdir' ? mkdir : rmdir, argv);
    expect(r.err).toBe(err);
    expect(r.code).toBe(code);
  });
  it('mkdir -pv and -m', async () => {
    const { w, fs } = world();
    const r = await run(w, mkdir, ['mkdir', '-pv', 'a/b']);
    expect(r.out).toBe("mkdir: created directory 'a'\nmkdir: created directory 'a/b'\n");
    expect((await run(w, mkdir, ['mkdir', '-p', 'a/b'])).code).toBe(0);
    await run(w, mkdir, ['mkdir', '-m', '700', 'priv']);
    expect(fs.stat('priv').mode).toBe(0o700);
    expect((await run(w, rmdir, ['rmdir', '-p', 'a/b'])).code).toBe(0);
    expect(fs.exists('a')).toBe(false);
  });
});

describe('rm', () => {
  it.each([
    [['rm', 'nope'], "rm: cannot remove 'nope': No such file or directory\n", 1],
    [['rm', 'd'], "rm: cannot remove 'd': Is a directory\n", 1],
    [['rm', '-f', 'nope'], '', 0],
    [['rm'], "rm: missing operand\nTry 'rm --help' for more information.\n", 1],
    [['rm', '-rf', '/'], "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", 1],
    [['rm', '-r', '.'], "rm: refusing to remove '.' or '..' directory: skipping '.'\n", 1],
  ])('%j', async (argv, err, code) => {
    const { w } = world();
    const r = await run(w, rm, argv);
    expect(r.err).toBe(err);
    expect(r.code).toBe(code);
  });
  it('-rv removes a tree and reports', async () => {
    const { w, fs } = world();
    const r = await run(w, rm, ['rm', '-rv', 'd', 'f']);
    expect(r.out).toBe("removed 'd/x'\nremoved directory 'd'\nremoved 'f'\n");
    expect(fs.exists('d') || fs.exists('f')).toBe(false);
  });
});

describe('touch', () => {
  it('creates, sets -d dates, reports missing dirs', async () => {
    const { w, fs } = world();
    expect((await run(w, touch, ['touch', 'new'])).code).toBe(0);
    expect(fs.stat('new').size).toBe(0);
    await run(w, touch, ['touch', '-d', '2024-01-05 10:00', 'f']);
    expect(fs.stat('f').mtime).toBe(Date.UTC(2024, 0, 5, 10));
    await run(w, touch, ['touch', '-t', '202301021530', 'f']);
    expect(fs.stat('f').mtime).toBe(Date.UTC(2023, 0, 2, 15, 30));
    const r = await run(w, touch, ['touch', 'no/such']);
    expect(r.err).toBe("touch: cannot touch 'no/such': No such file or directory\n");
  });
});

describe('cp / mv / ln', () => {
  it('copies a file, into a dir, and refuses dirs without -r', async () => {
    const { w, fs } = world();
    expect((await run(w, cp, ['cp', 'f', 'g'])).code).toBe(0);
    expect(fs.readText('g')).toBe('data\n');
    await run(w, cp, ['cp', 'f', 'd']);
    expect(fs.readText('d/f')).toBe('data\n');
    const r = await run(w, cp, ['cp', 'd', 'e']);
    expect(r.err).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect(r.code).toBe(1);
  });
  it.each([
    [['cp', 'nope', 'x'], "cp: cannot stat 'nope': No such file or directory\n"],
    [['cp', 'f'], "cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n"],
    [['cp', 'f', 'f'], "cp: 'f' and 'f' are the same file\n"],
    [['cp', 'f', 'd/x', 'f2'], "cp: target 'f2' is not a directory\n"],
    [['cp', '-r', 'd', 'd/sub'], "cp: cannot copy a directory, 'd', into itself, 'd/sub'\n"],
    [['cp', 'f', 'missing/'], "cp: cannot create regular file 'missing/': Not a directory\n"],
  ])('%j', async (argv, err) => {
    const { w } = world();
    const r = await run(w, cp, argv);
    expect(r.err).toBe(err);
    expect(r.code).toBe(1);
  });
  it('cp -rv and -a', async () => {
    const { w, fs } = world();
    const r = await run(w, cp, ['cp', '-rv', 'd', 'e']);
    expect(r.out).toBe("'d' -> 'e'\n'd/x' -> 'e/x'\n");
    fs.chmod('f', 0o600);
    fs.utimes('f', 0, Date.UTC(2020, 0, 1));
    await run(w, cp, ['cp', '-a', 'f', 'g']);
    expect(fs.stat('g').mode).toBe(0o600);
    expect(fs.stat('g').mtime).toBe(Date.UTC(2020, 0, 1));
  });
  it('mv renames, moves into dirs, reports errors', async () => {
    const { w, fs } = world();
    expect((await run(w, mv, ['mv', '-v', 'f', 'g'])).out).toBe("renamed 'f' -> 'g'\n");
    await run(w, mv, ['mv', 'g', 'd']);
    expect(fs.readText('d/g')).toBe('data\n');
    expect((await run(w, mv, ['mv', 'nope', 'x'])).err).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect((await run(w, mv, ['mv', 'd', 'd/sub'])).err).toBe("mv: cannot move 'd' to a subdirectory of itself, 'd/sub'\n");
  });
  it('ln -s, ln, and their errors', async () => {
    const { w, fs } = world();
    expect((await run(w, ln, ['ln', '-s', 'f', 'l'])).code).toBe(0);
    expect(fs.readlink('l')).toBe('f');
    expect((await run(w, ln, ['ln', '-s', 'f', 'l'])).err).toBe("ln: failed to create symbolic link 'l': File exists\n");
    expect((await run(w, ln, ['ln', '-sf', 'd', 'l'])).code).toBe(0);
    expect(fs.readlink('l')).toBe('d');
    await run(w, ln, ['ln', 'f', 'h']);
    expect(fs.stat('f').nlink).toBe(2);
    expect((await run(w, ln, ['ln', 'd', 'h2'])).err).toBe('ln: d: hard link not allowed for directory\n');
  });
});

describe('chmod / chown / chgrp', () => {
  it.each([
    ['755', 0o644, 0o755],
    ['u+x', 0o644, 0o744],
    ['+x', 0o644, 0o755],
    ['go-r', 0o644, 0o600],
    ['a=r', 0o755, 0o444],
    ['u=rwx,g=rx,o=', 0o644, 0o750],
    ['-w', 0o644, 0o444],
  ])('chmod %s', async (mode, from, to) => {
    const { w, fs } = world();
    fs.chmod('f', from);
    const r = await run(w, chmod, ['chmod', mode, 'f']);
    expect(r.err).toBe('');
    expect(fs.stat('f').mode).toBe(to);
  });
  it('chmod errors and -R', async () => {
    const { w, fs } = world();
    expect((await run(w, chmod, ['chmod', 'xyz', 'f'])).err).toBe("chmod: invalid mode: 'xyz'\nTry 'chmod --help' for more information.\n");
    expect((await run(w, chmod, ['chmod', '755', 'nope'])).err).toBe("chmod: cannot access 'nope': No such file or directory\n");
    expect((await run(w, chmod, ['chmod', '755'])).err).toBe("chmod: missing operand after '755'\nTry 'chmod --help' for more information.\n");
    await run(w, chmod, ['chmod', '-R', '700', 'd']);
    expect(fs.stat('d/x').mode).toBe(0o700);
    fs.writeFile('/tmp/rootfile', '');
    expect((await run(w, chmod, ['chmod', '777', '/tmp/rootfile'], { cred: { uid: 1001, gid: 1001, groups: [] } })).err).toBe(
      "chmod: changing permissions of '/tmp/rootfile': Operation not permitted\n",
    );
  });
  it('chown by names, user:group, errors', async () => {
    const { w, fs } = world();
    const root = { uid: 0, gid: 0, groups: [0] };
    expect((await run(w, chown, ['chown', 'root:docker', 'f'], { cred: root })).code).toBe(0);
    expect([fs.stat('f').uid, fs.stat('f').gid]).toEqual([0, 999]);
    expect((await run(w, chown, ['chown', 'bob', 'f'], { cred: root })).err).toBe("chown: invalid user: 'bob'\n");
    expect((await run(w, chown, ['chown', 'root', 'd'])).err).toBe("chown: changing ownership of 'd': Operation not permitted\n");
    expect((await run(w, chgrp, ['chgrp', 'nogroup', 'f'], { cred: root })).err).toBe("chgrp: invalid group: 'nogroup'\n");
    await run(w, chown, ['chown', '-R', 'user:user', 'd'], { cred: root });
    expect(fs.stat('d/x').uid).toBe(1000);
  });
});
