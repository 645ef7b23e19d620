import { describe, expect, it } from 'vitest';
import { ls } from './ls';
import { makeWorld, run } from '../../testing/programs/ctx';

function world() {
  const w = makeWorld();
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.writeFile('b.txt', 'hello\n');
  fs.writeFile('a.txt', 'x'.repeat(5000));
  fs.mkdir('dir');
  fs.writeFile('dir/inner', '');
  fs.writeFile('.hidden', '');
  fs.symlink('a.txt', 'link');
  return w;
}

describe('ls', () => {
  it('lists one per line when not a tty, hidden files skipped', async () => {
    const r = await run(world(), ls, ['ls']);
    expect(r.out).toBe('a.txt\nb.txt\ndir\nlink\n');
    expect(r.code).toBe(0);
  });
  it('-A and -a', async () => {
    expect((await run(world(), ls, ['ls', '-A'])).out).toBe('.hidden\na.txt\nb.txt\ndir\nlink\n');
    expect((await run(world(), ls, ['ls', '-a'])).out).toBe('.\n..\n.hidden\na.txt\nb.txt\ndir\nlink\n');
  });
  it('-l long format with names, total, symlink target', async () => {
    const r = await run(world(), ls, ['ls', '-l']);
    expect(r.out).toBe(
      'total 16\n' +
        '-rw-r--r-- 1 user user 5000 Oct  1 09:00 a.txt\n' +
        '-rw-r--r-- 1 user user    6 Oct  1 09:00 b.txt\n' +
        'drwxr-xr-x 2 user user 4096 Oct  1 09:00 dir\n' +
        'lrwxrwxrwx 1 user user    5 Oct  1 09:00 link -> a.txt\n',
    );
  });
  it('old dates show the year; -h sizes; -n ids', async () => {
    const w = world();
    w.disk.view().utimes('/home/user/a.txt', 0, Date.UTC(2024, 0, 5));
    const r = await run(w, ls, ['ls', '-lhn', 'a.txt']);
    expect(r.out).toBe('-rw-r--r-- 1 1000 1000 4.9K Jan  5  2024 a.txt\n');
  });
  it('columns on a tty', async () => {
    const r = await run(world(), ls, ['ls'], { tty: true });
    expect(r.out).toBe('a.txt  b.txt  dir  link\n');
  });
  it('-F, -d, -R, -S -r', async () => {
    expect((await run(world(), ls, ['ls', '-F'])).out).toBe('a.txt\nb.txt\ndir/\nlink@\n');
    expect((await run(world(), ls, ['ls', '-d', 'dir'])).out).toBe('dir\n');
    expect((await run(world(), ls, ['ls', '-R', 'dir'])).out).toBe('dir:\ninner\n');
    expect((await run(world(), ls, ['ls', '-Sr', 'a.txt', 'b.txt'])).out).toBe('b.txt\na.txt\n');
  });
  it('several operands: files first, then directories with headers', async () => {
    const r = await run(world(), ls, ['ls', 'dir', 'b.txt']);
    expect(r.out).toBe('b.txt\n\ndir:\ninner\n');
  });
  it('missing file: exit 2 and GNU wording', async () => {
    const r = await run(world(), ls, ['ls', 'nope', 'b.txt']);
    expect(r.err).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect(r.out).toBe('b.txt\n');
    expect(r.code).toBe(2);
  });
  it('invalid option', async () => {
    const r = await run(world(), ls, ['ls', '-z']);
    expect(r.err).toBe("ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n");
    expect(r.code).toBe(2);
    const r2 = await run(world(), ls, ['ls', '--bogus']);
    expect(r2.err).toBe("ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n");
  });
});

describe('ls columns', () => {
  it('lays out / of Ubuntu as GNU ls does at 80 columns', async () => {
    const { columns } = await import('./lib/format');
    const n = 'bin boot dev etc home lib lib32 lib64 libx32 media mnt opt proc root run sbin srv sys tmp usr var'.split(' ');
    expect(columns(n, 80)).toBe('bin   dev  home  lib32  libx32  mnt  proc  run   srv  tmp  var\nboot  etc  lib   lib64  media   opt  root  sbin  sys  usr\n');
  });
});
