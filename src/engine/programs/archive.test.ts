import { describe, expect, it } from 'vitest';
import { gzipSync, gunzipSync } from 'node:zlib';
import { gunzipProg, gzip, tar, zcat } from './archive';
import { gunzip as gunzipBytes, gzip as gzipBytes } from './lib/gzip';
import { readTar } from '../../lib/tar';
import { makeWorld, run } from '../../testing/programs/ctx';

function world() {
  const w = makeWorld();
  const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
  fs.mkdir('proj');
  fs.writeFile('proj/app.py', 'print("hi")\n');
  fs.mkdir('proj/static');
  fs.writeFile('proj/static/index.html', '<h1>hi</h1>\n');
  fs.symlink('app.py', 'proj/main.py');
  return { w, fs };
}

describe('gzip bytes', () => {
  it('our gzip is readable by zlib, and we inflate zlib output', () => {
    const data = new TextEncoder().encode('hello hello hello hello '.repeat(1000));
    expect(new Uint8Array(gunzipSync(gzipBytes(data)))).toEqual(data);
    expect(gunzipBytes(new Uint8Array(gzipSync(data)))).toEqual(data);
    const big = new Uint8Array(200000).map((_, i) => (i * 7919) % 251);
    expect(gunzipBytes(new Uint8Array(gzipSync(big, { level: 9 })))).toEqual(big);
  });
});

describe('tar', () => {
  it('czvf then tzf then xzf round-trips a tree', async () => {
    const { w, fs } = world();
    const c = await run(w, tar, ['tar', 'czvf', 'p.tgz', 'proj']);
    expect(c.code).toBe(0);
    expect(c.out).toBe('proj/\nproj/app.py\nproj/main.py\nproj/static/\nproj/static/index.html\n');
    expect(fs.readFile('p.tgz')[0]).toBe(0x1f);
    expect((await run(w, tar, ['tar', '-tzf', 'p.tgz'])).out).toBe('proj/\nproj/app.py\nproj/main.py\nproj/static/\nproj/static/index.html\n');
    const tv = (await run(w, tar, ['tar', 'tvf', 'p.tgz'])).out.split('\n');
    expect(tv[1]).toBe('-rw-r--r-- user/user        12 2025-10-01 09:00 proj/app.py');
    expect(tv[2]).toBe('lrwxrwxrwx user/user         0 2025-10-01 09:00 proj/main.py -> app.py');
    fs.mkdir('out');
    expect((await run(w, tar, ['tar', 'xzf', 'p.tgz', '-C', 'out'])).code).toBe(0);
    expect(fs.readText('out/proj/static/index.html')).toBe('<h1>hi</h1>\n');
    expect(fs.readlink('out/proj/main.py')).toBe('app.py');
  });
  it('writes real ustar to stdout with -f -', async () => {
    const { w } = world();
    const r = await run(w, tar, ['tar', '-cf', '-', 'proj/app.py']);
    const entries = readTar(r.stdout.bytes());
    expect(entries.map((e) => e.name)).toEqual(['proj/app.py']);
  });
  it.each([
    [['tar', 'cf', 'x.tar', 'nope'], 'tar: nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n', 2],
    [['tar', 'xf', 'nope.tar'], 'tar: nope.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n', 2],
    [['tar', '-v', 'proj'], "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' for more information.\n", 2],
    [['tar', 'cf', 'x.tar'], "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' for more information.\n", 2],
  ])('%j', async (argv, err, code) => {
    const { w } = world();
    const r = await run(w, tar, argv);
    expect(r.err).toBe(err);
    expect(r.code).toBe(code);
  });
  it('strips a leading slash with GNU notice', async () => {
    const { w } = world();
    const r = await run(w, tar, ['tar', 'cf', 'x.tar', '/home/user/proj/app.py']);
    expect(r.err).toBe("tar: Removing leading '/' from member names\n");
    expect((await run(w, tar, ['tar', 'tf', 'x.tar'])).out).toBe('home/user/proj/app.py\n');
  });
  it('GNU -v lists the names as given, leading slash included (orig_file_name)', async () => {
    const { w } = world();
    const r = await run(w, tar, ['tar', 'cvf', 'x.tar', '/home/user/proj/app.py']);
    expect(r.out).toBe('/home/user/proj/app.py\n');
    expect((await run(w, tar, ['tar', 'tf', 'x.tar'])).out).toBe('home/user/proj/app.py\n');
  });
});

describe('gzip / gunzip / zcat', () => {
  it('gzip replaces the file, gunzip restores it, zcat prints', async () => {
    const { w, fs } = world();
    expect((await run(w, gzip, ['gzip', 'proj/app.py'])).code).toBe(0);
    expect(fs.exists('proj/app.py')).toBe(false);
    expect((await run(w, zcat, ['zcat', 'proj/app.py.gz'])).out).toBe('print("hi")\n');
    expect((await run(w, gunzipProg, ['gunzip', 'proj/app.py.gz'])).code).toBe(0);
    expect(fs.readText('proj/app.py')).toBe('print("hi")\n');
  });
  it.each([
    [gzip, ['gzip', 'nope'], 'gzip: nope: No such file or directory\n', 1],
    [gunzipProg, ['gunzip', 'proj/app.py'], 'gunzip: proj/app.py: unknown suffix -- ignored\n', 2],
    [gzip, ['gzip', 'proj'], 'gzip: proj is a directory -- ignored\n', 2],
  ])('%#', async (prog, argv, err, code) => {
    const { w, fs } = world();
    fs.writeFile('bad.gz', 'not gzip');
    const r = await run(w, prog, argv);
    expect(r.err).toBe(err);
    expect(r.code).toBe(code);
  });
  it('gunzip reports data that is not gzip', async () => {
    const { w, fs } = world();
    fs.writeFile('bad.gz', 'not gzip');
    expect((await run(w, gunzipProg, ['gunzip', 'bad.gz'])).err).toBe('gunzip: bad.gz: not in gzip format\n');
  });
});
