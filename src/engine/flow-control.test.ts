/**
 * Flow control and bounded logs (issue 16): an endless output loop must neither pile output up
 * between the machine and a slow screen nor grow a container's log without end, and Ctrl-C must
 * get through at once.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { SCREEN_HIGH } from './process/screen-gate';
import { LOG_MAX_FILE, LOG_MAX_SIZE } from './container/container';
import { bootMachine } from '../testing/boot';
import { realWorkSettled } from '../lib/realwork';

const turn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Let the machine run `steps` virtual-clock steps. Like Machine.run, time does not move while code
 * is loading (a program's chunk on first use, ../lib/realwork.ts): `seq` is such a program.
 */
async function drive(clock: VirtualClock, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await turn();
    await realWorkSettled();
    clock.runNext();
  }
}

describe('flow control', () => {
  it('paces an endless loop to a screen that does not draw, and Ctrl-C still ends it', async () => {
    const m = await bootMachine({ seed: 3, clock: 'virtual' });
    const clock = m.clock as VirtualClock;
    const term = m.openTerminal();
    let shown = '';
    term.onOutput((s) => (shown += s));
    await drive(clock, 5);
    term.drawn(shown.length); // the screen reports: flow control on, nothing behind
    const drawnBefore = shown.length;
    term.input('while :; do echo flooding the screen; done\r');
    await drive(clock, 400);
    const undrawn = shown.length - drawnBefore;
    expect(undrawn).toBeGreaterThan(SCREEN_HIGH); // it did run
    expect(undrawn).toBeLessThan(SCREEN_HIGH + 8 * 1024); // and then waited for the screen
    term.input('\x03');
    // The screen draws again: it acknowledges what arrives until the loop has ended.
    let acked = drawnBefore;
    for (let i = 0; i < 20; i++) {
      term.drawn(shown.length - acked);
      acked = shown.length;
      await drive(clock, 5);
    }
    expect(shown.slice(-200)).toMatch(/\^C\r\n(\x1b\[\??[0-9;]*[mh])*learner@docker-lab[^$]*\$ $/);
  });
});

describe('container logs', () => {
  it('are rotated as json-file with max-size=1m, max-file=2 would: bounded, newest kept', async () => {
    const m = await bootMachine({ seed: 4, clock: 'virtual' });
    const clock = m.clock as VirtualClock;
    const r = await m.run(['docker', 'run', '-d', '--name', 'flood', 'busybox', 'seq', '1', '100000000']);
    expect(r.status).toBe(0);
    const c = m.daemon.containers.get('flood');
    const lastLine = () => Number(/(\d+)\n\d*$/.exec(c.logs.slice(-3).map((e) => e.data).join(''))?.[1]);
    let peak = 0;
    // NaN until seq has printed (its code may still be loading when `docker run -d` returns).
    for (let i = 0; i < 100 && !(lastLine() * 7 >= LOG_MAX_SIZE * 4); i++) {
      await drive(clock, 25);
      peak = Math.max(peak, c.logs.reduce((a, e) => a + e.data.length, 0));
    }
    const last = lastLine();
    expect(last * 7).toBeGreaterThan(LOG_MAX_SIZE * (LOG_MAX_FILE + 1)); // it wrote more than is kept
    expect(peak).toBeLessThanOrEqual(LOG_MAX_SIZE * LOG_MAX_FILE);
    // `docker logs` shows what the kept files hold: the newest lines, not the first ones.
    const first = await m.run(['sh', '-c', 'docker logs flood | head -n 1']);
    expect(first.stderr).toBe('');
    expect(Number(first.stdout)).toBeGreaterThan(1000);
    await m.run(['docker', 'kill', 'flood']);
  }, 30_000);
});
