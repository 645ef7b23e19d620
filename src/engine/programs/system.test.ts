import { describe, expect, it } from 'vitest';
import type { Program } from '../process/types';
import { bracket, test } from './test';
import { basename, dirname, mktemp, pwd, readlink, realpath, sleep, which } from './simple';
import { date, env, free, hostname, id, printenv, uname, uptime, whoami } from './sysinfo';
import { kill, ps } from './procs';
import { find } from './find';
import { su, sudo, xargs } from './run';
import { df, du, stat } from './disk';
import { file, md5sum, sha256sum } from './hash';
import { registerCoreutils, COREUTILS } from './coreutils';
import { installPrograms, makeWorld, run } from '../../testing/programs/ctx';
import { programMarker } from './registry';

registerCoreutils();

function world() {
  const w = makeWorld();
  installPrograms(w, Object.keys(COREUTILS).concat(['bash']));
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.writeFile('f', 'hello\n');
  fs.writeFile('empty', '');
  fs.mkdir('d');
  fs.writeFile('d/a.txt', 'a');
  fs.writeFile('d/b.log', 'bb');
  fs.mkdir('d/sub');
  fs.writeFile('d/sub/c.txt', 'ccc');
  fs.symlink('f', 'link');
  return w;
}

type Row = [Program, string[], string, string?, number?, string?];
const rows: Row[] = [
  [test, ['test', '-f', 'f'], '', '', 0],
  [test, ['test', '-d', 'f'], '', '', 1],
  [test, ['test', '-e', 'nope'], '', '', 1],
  [test, ['test', '-s', 'empty'], '', '', 1],
  [test, ['test', '-L', 'link'], '', '', 0],
  [test, ['test', '-n', ''], '', '', 1],
  [test, ['test', '-z', ''], '', '', 0],
  [test, ['test', 'a', '=', 'a'], '', '', 0],
  [test, ['test', 'a', '!=', 'a'], '', '', 1],
  [test, ['test', '3', '-lt', '10'], '', '', 0],
  [test, ['test', '10', '-le', '3'], '', '', 1],
  [test, ['test', '!', '-e', 'nope'], '', '', 0],
  [test, ['test', '-f', 'f', '-a', '-d', 'd'], '', '', 0],
  [test, ['test', '-f', 'nope', '-o', '(', '1', '-eq', '1', ')'], '', '', 0],
  [test, ['test', 'abc', '-eq', '1'], '', "test: invalid integer 'abc'\n", 2],
  [test, ['test'], '', '', 1],
  [test, ['test', '-r', 'f'], '', '', 0],
  [bracket, ['[', '-d', 'd', ']'], '', '', 0],
  [bracket, ['[', '-d', 'd'], '', "[: missing ']'\n", 2],
  [pwd, ['pwd'], '/home/user\n'],
  [basename, ['basename', '/a/b/c.txt'], 'c.txt\n'],
  [basename, ['basename', '/a/b/c.txt', '.txt'], 'c\n'],
  [basename, ['basename', '-a', 'x/y', 'z/w/'], 'y\nw\n'],
  [dirname, ['dirname', '/a/b/c.txt'], '/a/b\n'],
  [dirname, ['dirname', 'c.txt'], '.\n'],
  [dirname, ['dirname', '/'], '/\n'],
  [realpath, ['realpath', 'link'], '/home/user/f\n'],
  [realpath, ['realpath', 'd/../f'], '/home/user/f\n'],
  [readlink, ['readlink', 'link'], 'f\n'],
  [readlink, ['readlink', '-f', 'link'], '/home/user/f\n'],
  [readlink, ['readlink', 'f'], '', '', 1],
  [which, ['which', 'ls'], '/bin/ls\n'],
  [which, ['which', 'nope'], '', '', 1],
  [date, ['date'], 'Wed Oct  1 09:00:00 UTC 2025\n'],
  [date, ['date', '+%Y-%m-%d %H:%M:%S'], '2025-10-01 09:00:00\n'],
  [date, ['date', '-d', '@0', '+%s %F'], '0 1970-01-01\n'],
  [date, ['date', '-d', 'yesterday', '+%F'], '2025-09-30\n'],
  [date, ['date', '-d', 'garbage'], '', "date: invalid date 'garbage'\n", 1],
  [id, ['id'], 'uid=1000(user) gid=1000(user) groups=1000(user),27(sudo),999(docker)\n'],
  [id, ['id', '-un'], 'user\n'],
  [id, ['id', 'root'], 'uid=0(root) gid=0(root) groups=0(root)\n'],
  [id, ['id', 'nobody2'], '', "id: 'nobody2': no such user\n", 1],
  [whoami, ['whoami'], 'user\n'],
  [hostname, ['hostname'], 'docker-host\n'],
  [uname, ['uname'], 'Linux\n'],
  [uname, ['uname', '-r'], '6.8.0-87-generic\n'],
  [uname, ['uname', '-a'], 'Linux docker-host 6.8.0-87-generic #88-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 09:28:41 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n'],
  [uname, ['uname', '-sm'], 'Linux x86_64\n'],
  [printenv, ['printenv', 'HOME'], '/home/user\n'],
  [printenv, ['printenv', 'NOPE'], '', '', 1],
  [env, ['env', 'nosuchcmd'], '', "env: 'nosuchcmd': No such file or directory\n", 127],
  [env, ['env', '-i', 'A=1'], 'A=1\n'],
  [env, ['env', 'X=hi', 'printenv', 'X'], 'hi\n'],
  [uptime, ['uptime'], ' 09:00:00 up  1:00,  1 user,  load average: 0.08, 0.03, 0.01\n'],
  [kill, ['kill', '-l', '9'], 'KILL\n'],
  [kill, ['kill', '999'], '', 'kill: (999): No such process\n', 1],
  [kill, ['kill', '-FOO', '1'], '', 'kill: unknown signal name FOO\n', 1],
  [find, ['find', 'd'], 'd\nd/a.txt\nd/b.log\nd/sub\nd/sub/c.txt\n'],
  [find, ['find', 'd', '-name', '*.txt'], 'd/a.txt\nd/sub/c.txt\n'],
  [find, ['find', 'd', '-type', 'd'], 'd\nd/sub\n'],
  [find, ['find', 'd', '-maxdepth', '1', '-type', 'f'], 'd/a.txt\nd/b.log\n'],
  [find, ['find', 'd', '!', '-name', '*.txt', '-type', 'f'], 'd/b.log\n'],
  [find, ['find', 'd', '-name', '*.log', '-o', '-name', 'c*'], 'd/b.log\nd/sub/c.txt\n'],
  [find, ['find', 'd', '-size', '+1c', '-type', 'f'], 'd/b.log\nd/sub/c.txt\n'],
  [find, ['find', 'd', '-name', '*.txt', '-exec', 'cat', '{}', ';'], 'accc'],
  [find, ['find', 'd', '-name', '*.txt', '-exec', 'echo', '{}', '+'], 'd/a.txt d/sub/c.txt\n'],
  [find, ['find', 'nope'], '', "find: 'nope': No such file or directory\n", 1],
  [find, ['find', '.', '-bogus'], '', "find: unknown predicate '-bogus'\n", 1],
  [find, ['find', '.', '-exec', 'ls'], '', "find: missing argument to '-exec'\n", 1],
  [xargs, ['xargs', 'echo'], 'a b c\n', '', 0, 'a\nb c\n'],
  [xargs, ['xargs', '-n', '1', 'echo', 'x'], 'x a\nx b\n', '', 0, 'a b'],
  [xargs, ['xargs', '-I', '{}', 'echo', '[{}]'], '[a b]\n[c]\n', '', 0, 'a b\nc\n'],
  [xargs, ['xargs', '-0', 'echo'], 'a b c\n', '', 0, 'a b\0c\0'],
  [xargs, ['xargs'], '\n', '', 0, ''],
  [xargs, ['xargs', '-r', 'echo', 'x'], '', '', 0, ''],
  [xargs, ['xargs', 'nosuch'], '', 'xargs: nosuch: No such file or directory\n', 127, 'a'],
  [xargs, ['xargs', 'false'], '', '', 123, 'a'],
  [xargs, ['xargs', 'cat'], 'hello\n', '', 0, 'f'],
  [sudo, ['sudo', 'whoami'], 'root\n'],
  [sudo, ['sudo', 'id', '-u'], '0\n'],
  [sudo, ['sudo', 'nosuch'], '', 'sudo: nosuch: command not found\n', 1],
  [sudo, ['sudo', '-u', 'bob', 'id'], '', 'sudo: unknown user bob\n', 1],
  [su, ['su'], 'Password: \n', 'su: Authentication failure\n', 1],
  [stat, ['stat', '-c', '%n %s %a %U %F', 'f'], 'f 6 644 user regular file\n'],
  [stat, ['stat', 'nope'], '', "stat: cannot statx 'nope': No such file or directory\n", 1],
  [du, ['du', 'd'], '8\td/sub\n20\td\n'],
  [du, ['du', '-sh', 'd'], '20K\td\n'],
  [du, ['du', 'nope'], '', "du: cannot access 'nope': No such file or directory\n", 1],
  [md5sum, ['md5sum', 'f'], 'b1946ac92492d2347c6235b4d2611184  f\n'],
  [sha256sum, ['sha256sum', '-'], '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  -\n', '', 0, 'hello\n'],
  [md5sum, ['md5sum', 'nope'], '', 'md5sum: nope: No such file or directory\n', 1],
  [file, ['file', 'f', 'empty', 'd', 'link', '/bin/ls', 'nope'], "f: ASCII text\nempty: empty\nd: directory\nlink: symbolic link to f\n/bin/ls: ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, stripped\nnope: cannot open `nope' (No such file or directory)\n"],
];

describe('system programs', () => {
  it.each(rows)('%#: %j', async (prog, argv, out, err = '', code = 0, stdin = '') => {
    const r = await run(world(), prog, argv, { stdin });
    expect(r.err).toBe(err);
    expect(r.out).toBe(out);
    expect(r.code).toBe(code);
  });

  it('stat default format', async () => {
    const r = await run(world(), stat, ['stat', 'f']);
    expect(r.out).toMatch(/^  File: f\n  Size: 6         \tBlocks: 8          IO Block: 4096   regular file\nDevice: 0,45\tInode: \d+ +Links: 1\nAccess: \(0644\/-rw-r--r--\)  Uid: \( 1000\/    user\)   Gid: \( 1000\/    user\)\nAccess: 2025-10-01 09:00:00.000000000 \+0000\n/);
  });

  it('sleep advances the clock; bad intervals are rejected', async () => {
    const w = world();
    expect((await run(w, sleep, ['sleep', '2'])).code).toBe(0);
    expect(w.clock.now()).toBe(Date.UTC(2025, 9, 1, 9, 0, 2));
    expect((await run(w, sleep, ['sleep', 'x'])).err).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  });

  it('sudo runs with root credentials and a reset environment; sudo -i starts a login shell', async () => {
    const w = world();
    await run(w, sudo, ['sudo', 'true']);
    expect(w.spawned[0].cred).toEqual({ uid: 0, gid: 0, groups: [0] });
    w.disk.view().writeFile('/bin/bash', programMarker('true'), { mode: 0o755 });
    await run(w, sudo, ['sudo', '-i']);
    expect(w.spawned[1].argv).toEqual(['-bash']);
  });

  it('kill sends signals by PID', async () => {
    const w = world();
    expect((await run(w, kill, ['kill', '42'])).code).toBe(0);
    await run(w, kill, ['kill', '-9', '42']);
    await run(w, kill, ['kill', '-s', 'HUP', '42']);
    expect(w.killed).toEqual([{ pid: 42, signal: 15 }, { pid: 42, signal: 9 }, { pid: 42, signal: 1 }]);
  });

  it('ps formats', async () => {
    const w = world();
    w.procs.push({ pid: 4242, ppid: 42, nsPid: 4242, argv: ['ps'], cred: { uid: 1000, gid: 1000, groups: [1000] }, pgid: 4242, sid: 42, state: 'running', startTime: w.clock.now() });
    expect((await run(w, ps, ['ps'])).out).toBe('    PID TTY          TIME CMD\n     42 pts/0    00:00:00 bash\n   4242 pts/0    00:00:00 ps\n');
    const aux = (await run(w, ps, ['ps', 'aux'])).out.split('\n');
    expect(aux[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(aux[1]).toMatch(/^root +1 +0\.0 +0\.1 +\d+ +\d+ \? +Ss +08:00 +0:03 \/sbin\/init$/);
    const ef = (await run(w, ps, ['ps', '-ef'])).out.split('\n');
    expect(ef[0]).toBe('UID          PID    PPID  C STIME TTY          TIME CMD');
    expect(ef[1]).toBe('root           1       0  0 08:00 ?        00:00:03 /sbin/init');
    expect((await run(w, ps, ['ps', '-o', 'pid,comm'])).out).toBe('    PID COMMAND\n     42 bash\n   4242 ps\n');
  });

  it('df and free print believable tables', async () => {
    const w = world();
    const r = await run(w, df, ['df', '-h']);
    expect(r.out.split('\n')[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    w.disk.view().writeFile('/.dockerenv', '');
    expect((await run(w, df, ['df'])).out.split('\n')[1]).toMatch(/^overlay +61202244 +9843120 +\d+ +\d+% \/$/);
    expect((await run(w, free, ['free'])).out.split('\n')[0]).toBe('               total        used        free      shared  buff/cache   available');
  });

  it('mktemp creates a unique file under /tmp', async () => {
    const w = world();
    const r = await run(w, mktemp, ['mktemp']);
    expect(r.out).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
    expect(w.disk.view().exists(r.out.trim())).toBe(true);
    expect((await run(w, mktemp, ['mktemp', '-d'])).code).toBe(0);
  });
});
