import { describe, expect, it } from 'vitest';
import { aptGet } from './apt';
import { apk } from './apk';
import { dpkg } from './dpkg';
import { yum } from './yum';
import { cowsay, fortune } from './cowsay';
import { makeWorld, run, type World } from '../../../testing/programs/ctx';
import { markerProgram } from '../registry';

const ROOT = { uid: 0, gid: 0, groups: [0] };

function debian(): World {
  const w = makeWorld();
  const fs = w.disk.view();
  fs.writeFile('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n');
  for (const d of ['/var/lib/dpkg', '/var/lib/apt/lists', '/usr/games']) fs.mkdir(d, { recursive: true });
  fs.writeFile('/var/lib/dpkg/status', '');
  fs.mkdir('/etc/apt/sources.list.d', { recursive: true });
  fs.writeFile('/etc/apt/sources.list.d/debian.sources', 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n');
  return w;
}

function alpine(): World {
  const w = makeWorld();
  const fs = w.disk.view();
  fs.writeFile('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\n');
  fs.writeFile('/etc/alpine-release', '3.21.3\n');
  fs.mkdir('/etc/apk', { recursive: true });
  fs.mkdir('/lib/apk/db', { recursive: true });
  fs.writeFile('/etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.21/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.21/community\n');
  fs.writeFile('/etc/apk/world', 'alpine-baselayout\nbusybox\n');
  return w;
}

const root = (w: World, argv: string[], stdin?: string) => run(w, argv[0] === 'apk' ? apk : argv[0] === 'yum' ? yum : argv[0] === 'dpkg' ? dpkg : aptGet, argv, { cred: ROOT, stdin });

describe('apt-get', () => {
  it('cannot locate packages before an update', async () => {
    const r = await root(debian(), ['apt-get', 'install', '-y', 'cowsay']);
    expect(r.err).toBe('E: Unable to locate package cowsay\n');
    expect(r.code).toBe(100);
  });
  it('update prints the Debian fetch lines and writes the lists', async () => {
    const w = debian();
    const r = await root(w, ['apt-get', 'update']);
    expect(r.out).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n');
    // Not on a terminal: apt is quiet and prints no "Done".
    expect(r.out).toMatch(/Fetched 9306 kB in 2s \(4653 kB\/s\)\nReading package lists\.\.\.\n$/);
    expect(w.disk.view().readdir('/var/lib/apt/lists').some((f) => f.endsWith('_Packages'))).toBe(true);
  });
  it('install -y writes the files, the markers and the dpkg database', async () => {
    const w = debian();
    await root(w, ['apt-get', 'update']);
    const r = await root(w, ['apt-get', 'install', '-y', 'cowsay']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    expect(r.out).toContain('The following NEW packages will be installed:\n');
    expect(r.out).toMatch(/0 upgraded, 8 newly installed, 0 to remove and 0 not upgraded\.\nNeed to get [\d.]+ [kM]B of archives\.\nAfter this operation, [\d.]+ MB of additional disk space will be used\.\n/);
    expect(r.out).toContain('Selecting previously unselected package cowsay.\n');
    expect(r.out).toContain('Unpacking cowsay (3.03+dfsg2-8) ...\n');
    expect(r.out).toContain('Setting up cowsay (3.03+dfsg2-8) ...\n');
    expect(r.out).not.toContain('Do you want to continue');
    const fs = w.disk.view();
    expect(markerProgram(fs.readFile('/usr/games/cowsay'))).toBe('cowsay');
    expect(fs.stat('/usr/games/cowsay').mode & 0o111).toBeTruthy();
    expect(fs.readText('/usr/share/cowsay/cows/tux.cow')).toContain('$the_cow');
    const status = fs.readText('/var/lib/dpkg/status');
    expect(status).toContain('Package: cowsay\nStatus: install ok installed\n');
    expect(status).toContain('Package: perl-base\n');
    expect(fs.readText('/var/lib/dpkg/info/cowsay.list')).toContain('/usr/games/cowsay\n');
    const again = await root(w, ['apt-get', 'install', '-y', 'cowsay']);
    expect(again.out).toContain('cowsay is already the newest version (3.03+dfsg2-8).\n0 upgraded, 0 newly installed');
  });
  it('asks [Y/n] and aborts on n', async () => {
    const w = debian();
    await root(w, ['apt-get', 'update']);
    const r = await root(w, ['apt-get', 'install', 'cowsay'], 'n\n');
    expect(r.out).toMatch(/Do you want to continue\? \[Y\/n\] n\nAbort\.\n$/);
    expect(r.code).toBe(1);
    expect(w.disk.view().exists('/usr/games/cowsay')).toBe(false);
    const yes = await root(w, ['apt-get', 'install', 'cowsay'], 'y\n');
    expect(yes.code).toBe(0);
    expect(w.disk.view().exists('/usr/games/cowsay')).toBe(true);
  });
  it('refuses without root', async () => {
    const w = debian();
    const r = await run(w, aptGet, ['apt-get', 'install', 'curl']);
    expect(r.err).toBe('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
    expect(r.code).toBe(100);
    expect((await run(w, aptGet, ['apt-get', 'update'])).err).toContain('/var/lib/apt/lists/lock');
  });
  it('apt warns off a terminal; remove deletes the files and the db entry; dpkg -l/-L', async () => {
    const w = debian();
    await root(w, ['apt-get', 'update']);
    const r = await root(w, ['apt', 'install', '-y', 'tree']);
    expect(r.err).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect((await root(w, ['dpkg', '-L', 'tree'])).out).toContain('/usr/bin/tree\n');
    const l = await root(w, ['dpkg', '-l', 'tree']);
    expect(l.out).toMatch(/\nii {2}tree {11}2\.1\.0-1 {6}amd64 {8}displays an indented/);
    const rm = await root(w, ['apt-get', 'remove', '-y', 'tree']);
    expect(rm.out).toContain('The following packages will be REMOVED:\n  tree\n');
    expect(rm.out).toContain('Removing tree (2.1.0-1) ...\n');
    expect(w.disk.view().exists('/usr/bin/tree')).toBe(false);
    expect(w.disk.view().readText('/var/lib/dpkg/status')).not.toContain('Package: tree\n');
    expect((await root(w, ['dpkg', '-L', 'tree'])).err).toContain("dpkg-query: package 'tree' is not installed");
  });

  it('purge --auto-remove also removes the dependencies installed only for what goes; a package asked for stays', async () => {
    const w = debian();
    await root(w, ['apt-get', 'update']);
    await root(w, ['apt-get', 'install', '-y', 'gcc', 'make']);
    expect((await root(w, ['apt-get', 'install', '-y', 'binutils'])).out).toContain('binutils is already the newest version (2.40-2).\nbinutils set to manually installed.\n');
    expect(w.disk.view().readText('/var/lib/apt/extended_states')).toContain('Package: cpp-12\nArchitecture: amd64\nAuto-Installed: 1\n');
    const r = await root(w, ['apt-get', 'purge', '-y', '--auto-remove', 'gcc']);
    expect(r.out).toContain('The following packages will be REMOVED:\n  cpp* cpp-12* gcc* gcc-12* libgcc-12-dev*\n');
    const status = w.disk.view().readText('/var/lib/dpkg/status');
    expect(status).not.toContain('Package: gcc-12\n');
    expect(status).toContain('Package: binutils\n');
    expect(status).toContain('Package: make\n');
    expect((await root(w, ['apt-get', 'autoremove', '-y'])).out).toContain('0 upgraded, 0 newly installed, 0 to remove');
  });
});

describe('apk', () => {
  it('add fetches the indexes, installs dependencies first and updates the db and world', async () => {
    const w = alpine();
    const r = await root(w, ['apk', 'add', 'curl']);
    expect(r.out).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.21\/main\/x86_64\/APKINDEX\.tar\.gz\nfetch .*community.*\n\(1\/9\) Installing brotli-libs \(1\.1\.0-r2\)\n/);
    expect(r.out).toContain('(9/9) Installing curl (8.12.1-r1)\nExecuting busybox-1.37.0-r12.trigger\nOK: ');
    expect(r.out).toMatch(/OK: \d+ MiB in 24 packages\n$/);
    const fs = w.disk.view();
    expect(markerProgram(fs.readFile('/usr/bin/curl'))).toBe('curl');
    expect(fs.readText('/lib/apk/db/installed')).toContain('P:curl\nV:8.12.1-r1\n');
    expect(fs.readText('/etc/apk/world')).toContain('curl\n');
    const d = await root(w, ['apk', 'del', 'curl']);
    expect(d.out).toContain('Purging curl (8.12.1-r1)');
    expect(d.out).toMatch(/OK: \d+ MiB in 15 packages\n$/);
    expect(fs.exists('/usr/bin/curl')).toBe(false);
  });
  it('update and an unknown package', async () => {
    const w = alpine();
    expect((await root(w, ['apk', 'update'])).out).toMatch(/OK: 25393 distinct packages available\n$/);
    const r = await root(w, ['apk', 'add', 'nosuch']);
    expect(r.out).toBe('');
    expect(r.err).toBe('ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n');
  });
  it('refuses without root', async () => {
    expect((await run(alpine(), apk, ['apk', 'add', 'curl'])).err).toContain('ERROR: Unable to lock database: Permission denied');
  });
});

describe('yum', () => {
  it('install -y writes files and says Complete!', async () => {
    const w = makeWorld();
    w.disk.view().writeFile('/etc/os-release', 'ID="centos"\n');
    w.disk.view().mkdir('/var/lib/rpm', { recursive: true });
    const r = await root(w, ['yum', 'install', '-y', 'tree']);
    expect(r.out).toContain(' tree            x86_64           1.6.0-10.el7');
    expect(r.out).toMatch(/Complete!\n$/);
    expect(w.disk.view().exists('/usr/bin/tree')).toBe(true);
    expect((await run(w, yum, ['yum', 'install', 'tree'])).err).toBe('You need to be root to perform this command.\n');
  });
});

describe('cowsay and fortune', () => {
  it('cowsay Moo, exactly', async () => {
    const r = await run(makeWorld(), cowsay, ['/usr/games/cowsay', 'Moo']);
    expect(r.out).toBe(' _____\n< Moo >\n -----\n        \\   ^__^\n         \\  (oo)\\_______\n            (__)\\       )\\/\\\n                ||----w |\n                ||     ||\n');
  });
  it('wraps long text at 40 columns and reads stdin', async () => {
    const r = await run(makeWorld(), cowsay, ['cowsay'], { stdin: 'The quick brown fox jumps over the lazy dog again and again\n' });
    expect(r.out.split('\n').slice(0, 4).join('\n')).toBe(' _________________________________________\n/ The quick brown fox jumps over the lazy \\\n\\ dog again and again                     /\n -----------------------------------------');
  });
  it('-f tux, cowthink, unknown cow', async () => {
    expect((await run(makeWorld(), cowsay, ['cowsay', '-f', 'tux', 'hi'])).out).toContain('       |o_o |\n');
    expect((await run(makeWorld(), cowsay, ['cowthink', 'hm'])).out).toContain('( hm )\n ----\n        o   ^__^\n');
    expect((await run(makeWorld(), cowsay, ['cowsay', '-f', 'nope', 'x'])).err).toBe('cowsay: Could not find nope cowfile!\n');
  });
  it('fortune prints one of its fortunes', async () => {
    const r = await run(makeWorld(), fortune, ['fortune']);
    expect(r.out.length).toBeGreaterThan(5);
    expect(r.code).toBe(0);
  });
});
