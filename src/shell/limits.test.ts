/** Issue 15: a memory bomb in the shell fails as the real shells do, never with a JavaScript error. */
import { describe, expect, it } from 'vitest';
import { Headless } from '../tools/headless';

describe('shell memory limits', () => {
  it('on the host bash dies with xrealloc; the terminal starts a new shell', async () => {
    const h = await Headless.start();
    await h.type('x=a; while true; do x=$x$x; done');
    await h.type('echo alive');
    const out = h.take();
    expect(out).toMatch(/^bash: xrealloc: cannot allocate 33554433 bytes \(\d+ bytes allocated\)$/m);
    expect(out).toMatch(/^alive$/m);
    expect(out).not.toMatch(/Invalid string length|simulator error/);
  }, 60_000);

  it('in a container under -m it is an OOM kill: 137 and OOMKilled true', async () => {
    const h = await Headless.start();
    await h.type(`docker run --name mem -m 16m busybox sh -c 'x=a; while true; do x=$x$x; done'; echo status $?`);
    await h.type(`docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' mem`);
    const out = h.take();
    expect(out).toMatch(/^status 137$/m);
    expect(out).toMatch(/^true 137$/m);
  }, 60_000);
});
