import { describe, expect, it } from 'vitest';
import { busybox } from './busybox';
import { rewriteLine } from './wording';
import { makeWorld, run } from '../../../testing/programs/ctx';
import { registerProgram } from '../registry';
import { registerCoreutils } from '../coreutils';
import { shPrograms } from '../../../shell';

registerCoreutils();
registerProgram('ash', shPrograms.ash);

const ROOT = { uid: 0, gid: 0, groups: [0] };

function world() {
  const w = makeWorld();
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.writeFile('b.txt', 'hello\n');
  fs.writeFile('a.txt', 'x'.repeat(5000));
  fs.writeFile('Zed', '');
  fs.mkdir('dir');
  fs.symlink('a.txt', 'link');
  return w;
}

describe('busybox dispatch', () => {
  it('bare busybox prints the banner and the applet list', async () => {
    const r = await run(world(), busybox, ['busybox']);
    expect(r.out.startsWith('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n')).toBe(true);
    expect(r.out).toContain('Usage: busybox [function [arguments]...]');
    expect(r.out).toContain('Currently defined functions:\n\t[, [[, ');
    expect(r.code).toBe(0);
  });
  it('--list and --list-full', async () => {
    const r = await run(world(), busybox, ['busybox', '--list']);
    expect(r.out.split('\n')).toContain('ls');
    expect((await run(world(), busybox, ['busybox', '--list-full'])).out.split('\n')).toContain('usr/bin/wc');
  });
  it('runs the applet named by argv[0] or by the first argument', async () => {
    expect((await run(world(), busybox, ['/bin/echo', 'hi'])).out).toBe('hi\n');
    expect((await run(world(), busybox, ['busybox', 'echo', '-n', 'hi'])).out).toBe('hi');
    expect((await run(world(), busybox, ['busybox', 'cat', 'b.txt'])).out).toBe('hello\n');
  });
  it('an unknown applet', async () => {
    const r = await run(world(), busybox, ['busybox', 'frobnicate']);
    expect(r.err).toBe('frobnicate: applet not found\n');
    expect(r.code).toBe(127);
    expect((await run(world(), busybox, ['busybox', 'docker', 'ps'])).err).toBe('docker: applet not found\n');
  });
  it('sh dispatches to the ash shell', async () => {
    const r = await run(world(), busybox, ['sh', '-c', 'echo $((1+2))']);
    expect(r.out).toBe('3\n');
  });
});

describe('busybox wording', () => {
  it('ls and cat complain the BusyBox way', async () => {
    const l = await run(world(), busybox, ['ls', 'nope']);
    expect(l.err).toBe('ls: nope: No such file or directory\n');
    expect(l.code).toBe(1);
    const c = await run(world(), busybox, ['cat', 'nope']);
    expect(c.err).toBe("cat: can't open 'nope': No such file or directory\n");
    expect(c.code).toBe(1);
  });
  it('rm, mkdir, head, touch', async () => {
    expect((await run(world(), busybox, ['rm', 'nope'])).err).toBe("rm: can't remove 'nope': No such file or directory\n");
    expect((await run(world(), busybox, ['rm', 'dir'])).err).toBe("rm: 'dir' is a directory\n");
    expect((await run(world(), busybox, ['mkdir', 'dir'])).err).toBe("mkdir: can't create directory 'dir': File exists\n");
    expect((await run(world(), busybox, ['head', 'nope'])).err).toBe("head: can't open 'nope': No such file or directory\n");
    expect((await run(world(), busybox, ['touch', '/nope/x'])).err).toBe('touch: /nope/x: No such file or directory\n');
  });
  it('option errors print the banner, not GNU\'s --help hint', async () => {
    const r = await run(world(), busybox, ['ls', '-z']);
    expect(r.err).toContain('ls: unrecognized option: z\nBusyBox v1.36.1');
  });
  it('rewriteLine leaves same-worded messages alone', () => {
    expect(rewriteLine('grep', 'grep: x: No such file or directory')).toBe('grep: x: No such file or directory');
  });
});

describe('busybox ls', () => {
  it('one per line off a terminal, byte order (capitals first)', async () => {
    expect((await run(world(), busybox, ['ls'])).out).toBe('Zed\na.txt\nb.txt\ndir\nlink\n');
  });
  it('fixed-width long format', async () => {
    const r = await run(world(), busybox, ['ls', '-l']);
    expect(r.out).toBe(
      'total 16\n' +
        '-rw-r--r--    1 user     user             0 Oct  1 09:00 Zed\n' +
        '-rw-r--r--    1 user     user          5000 Oct  1 09:00 a.txt\n' +
        '-rw-r--r--    1 user     user             6 Oct  1 09:00 b.txt\n' +
        'drwxr-xr-x    2 user     user          4096 Oct  1 09:00 dir\n' +
        'lrwxrwxrwx    1 user     user             5 Oct  1 09:00 link -> a.txt\n',
    );
  });
  it('equal-width columns on a terminal', async () => {
    const r = await run(world(), busybox, ['ls'], { tty: true, env: { COLUMNS: '20' } });
    expect(r.out).toBe('Zed    dir\na.txt  link\nb.txt\n');
  });
});

describe('busybox ps, top, free, df', () => {
  it('ps has one short format, also for ps aux', async () => {
    const want = 'PID   USER     TIME  COMMAND\n    1 root      0:00 /sbin/init\n   42 user      0:00 -bash\n';
    expect((await run(world(), busybox, ['ps'])).out).toBe(want);
    expect((await run(world(), busybox, ['ps', 'aux'])).out).toBe(want);
  });
  it('ps -o', async () => {
    expect((await run(world(), busybox, ['ps', '-o', 'pid,comm'])).out).toBe('PID   COMMAND\n    1 init\n   42 -bash\n');
  });
  it('top prints one screen', async () => {
    const r = await run(world(), busybox, ['top', '-b', '-n', '1']);
    expect(r.out).toMatch(/^Mem: \d+K used/);
    expect(r.out).toContain('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n');
    expect(r.out).toContain('   42     1 user     S ');
  });
  it('free and df layouts', async () => {
    expect((await run(world(), busybox, ['free'])).out.split('\n')[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect((await run(world(), busybox, ['df'])).out.split('\n')[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
  });
});

describe('busybox stubs and users', () => {
  it('wget, ping and vi explain themselves', async () => {
    expect((await run(world(), busybox, ['wget', 'http://example.com/'])).err).toMatch(/^wget: bad address 'example.com'\n/);
    expect((await run(world(), busybox, ['ping', '-c', '1', 'google.com'])).err).toMatch(/^ping: bad address 'google.com'\n/);
    expect((await run(world(), busybox, ['vi', 'x'])).code).toBe(1);
  });
  it('adduser -D writes passwd, group and the home directory', async () => {
    const w = world();
    const r = await run(w, busybox, ['adduser', '-D', 'app'], { cred: ROOT });
    expect(r.code).toBe(0);
    const fs = w.disk.view();
    expect(fs.readText('/etc/passwd')).toContain('app:x:1001:1001:Linux User,,,:/home/app:/bin/sh\n');
    expect(fs.readText('/etc/group')).toContain('app:x:1001:\n');
    expect(fs.stat('/home/app').uid).toBe(1001);
    expect((await run(w, busybox, ['adduser', '-D', 'app'], { cred: ROOT })).err).toBe("adduser: user 'app' in use\n");
    await run(w, busybox, ['addgroup', 'app', 'docker'], { cred: ROOT });
    expect(fs.readText('/etc/group')).toContain('docker:x:999:user,app');
  });
  it('adduser needs root', async () => {
    expect((await run(world(), busybox, ['adduser', '-D', 'x'])).err).toBe('adduser: permission denied (are you root?)\n');
  });
});
