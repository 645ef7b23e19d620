/**
 * Issue 15: runaway processes hit the limits a real machine has, and the terminal stays usable.
 * Driven through the terminal entry (Headless), as a learner would type it.
 */
import { describe, expect, it } from 'vitest';
import { Headless } from '../../tools/headless';

async function session() {
  const h = await Headless.start();
  return h;
}

describe('process limits', () => {
  it('a fork bomb under --pids-limit fails to fork with BusyBox wording, and the container carries on', async () => {
    const h = await session();
    await h.type(`docker run --rm --pids-limit 20 busybox sh -c ':(){ :|:& };:; sleep 5; echo survived'`);
    const out = h.take();
    expect(out).toMatch(/^sh: can't fork: Resource temporarily unavailable$/m);
    expect(out).toMatch(/^survived$/m);
    expect(out).not.toMatch(/undefined|NaN|simulator error/);
  }, 60_000);

  it('docker kill gets through to a container whose fork bomb is limited', async () => {
    const h = await session();
    await h.type(`docker run -d --name bomb --pids-limit 50 busybox sh -c ':(){ :|:& };:; sleep 1000'`);
    await h.wait(3000);
    const k = h.machine.kernel;
    const inBomb = () => [...k.procs.values()].filter((p) => p.ctx.container).length;
    expect(inBomb()).toBeGreaterThan(1);
    expect(inBomb()).toBeLessThanOrEqual(50);
    await h.type('docker kill bomb');
    await h.type(`docker ps -a --format '{{.Names}} {{.Status}}'`);
    expect(h.take()).toMatch(/^bomb Exited \(137\)/m);
    expect(inBomb()).toBe(0);
  }, 60_000);

  it("the learner's processes stop at ulimit -u: bash retries the fork, gives up with 126, and kill -9 -1 frees them", async () => {
    const h = await session();
    await h.type('ulimit -u');
    expect(h.take()).toMatch(/^1024$/m);
    await h.type('for i in $(seq 1100); do exec sleep 1000 & done >/dev/null 2>&1');
    await h.take();
    await h.type('sh -c "echo hi"; echo status $?');
    const out = h.take();
    expect(out.match(/^bash: fork: retry: Resource temporarily unavailable$/gm)?.length).toBe(4);
    expect(out).toMatch(/^bash: fork: Resource temporarily unavailable$/m);
    // the command line was abandoned: `echo status` never ran
    expect(out).not.toMatch(/^status/m);
    await h.type('echo $?');
    expect(h.take()).toMatch(/^126$/m);
    await h.type('kill -9 -1');
    await h.type('sh -c "echo hi"');
    expect(h.take()).toMatch(/^hi$/m);
  }, 60_000);

  it('a function that calls itself dies of a stack overflow (139) instead of growing without end', async () => {
    const h = await session();
    await h.type(`printf 'f() { f; }\\nf\\necho never\\n' > rec.sh`);
    await h.type('bash rec.sh; echo status $?');
    const out = h.take();
    expect(out).toMatch(/^Segmentation fault \(core dumped\)$/m);
    expect(out).toMatch(/^status 139$/m);
    expect(out).not.toMatch(/^never$/m);
    // At the prompt the login shell itself overflows; the terminal starts a new one.
    await h.type('ls() { ls -l; }; ls');
    await h.type('echo alive');
    const again = h.take();
    expect(again).toMatch(/^Segmentation fault \(core dumped\)$/m);
    expect(again).toMatch(/^alive$/m);
  }, 60_000);
});
