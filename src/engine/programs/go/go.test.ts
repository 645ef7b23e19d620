import { describe, expect, it } from 'vitest';
import { go, goprog } from './go';
import { makeWorld, run } from '../../../testing/programs/ctx';
import { registerProgram } from '../registry';

const HELLO = 'package main\n\nimport "fmt"\n\nfunc main(){\n\tfmt.Println("hello, iceymoss!")\n\tfmt.Printf("%s has %d\\n", "box", 3)\n}\n';

describe('go', () => {
  it('builds a binary that carries its program and reports a static binary\'s size', async () => {
    registerProgram('goprog', goprog);
    const w = makeWorld();
    const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
    fs.writeFile('main.go', HELLO);
    const b = await run(w, go, ['go', 'build', 'main.go']);
    expect(b).toMatchObject({ code: 0, err: '' });
    const st = fs.stat('main');
    expect(st.mode & 0o111).toBeTruthy();
    expect(st.size).toBeGreaterThan(1_000_000);
    const r = await run(w, goprog, ['/home/user/main']);
    expect(r.out).toBe('hello, iceymoss!\nbox has 3\n');
  });

  it('refuses what the compiler and the module system refuse', async () => {
    const w = makeWorld();
    const fs = w.disk.view({ uid: 1000, gid: 1000, groups: [1000] }, '/home/user');
    fs.writeFile('main.go', 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tgin.Default().Run()\n}\n');
    const noMod = await run(w, go, ['go', 'build', 'main.go']);
    expect(noMod.code).toBe(1);
    expect(noMod.err).toContain('no required module provides package github.com/gin-gonic/gin: go.mod file not found');
    fs.writeFile('lib.go', 'package lib\n');
    expect((await run(w, go, ['go', 'build', 'lib.go'])).err).toContain('is not a main package');
    expect((await run(w, go, ['go', 'frobnicate'])).code).toBe(2);
  });

  it('mod init writes go.mod and says what to do next', async () => {
    const w = makeWorld();
    const r = await run(w, go, ['go', 'mod', 'init', 'example.com/web']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('go: creating new go.mod: module example.com/web');
    expect(w.disk.view().readText('/home/user/go.mod')).toMatch(/^module example\.com\/web\n\ngo 1\.21\n$/);
    expect((await run(w, go, ['go', 'mod', 'init', 'example.com/web'])).code).toBe(1);
  });
});
