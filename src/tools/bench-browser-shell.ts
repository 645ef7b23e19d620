/**
 * The bench's shell half in Chromium: how fast the simulated shell runs the loops a learner types,
 * against real bash on this machine (same run, ratio printed), and whether the worker's memory
 * stays bounded while a container floods the terminal.
 *
 * - shell_*_ms / bash_*_ms / shell_*_vs_bash: Enter to the line that proves the command finished
 *   (the page), against `bash -c` of the same line (Node's spawnSync, output to a pipe).
 * - flood_worker_heap_mb: the daemon worker's JS heap after a forced GC (CDP
 *   HeapProfiler.collectGarbage + Runtime.getHeapUsage on the worker target), sampled while an
 *   endless `echo` loop is followed by `docker logs -f`; BENCH_FLOOD_SECONDS long (60 unless set;
 *   600 for the ten-minute figure). Bounded means the last samples are no higher than the first
 *   ones by more than the log cap (json-file 1m × 2) and the scrollback.
 */
import { spawnSync } from 'node:child_process';
import type { CDPSession, Page } from '@playwright/test';
import { msUntilShown, promptTime, spread, typeLine } from './browser-measure';

type Spread = ReturnType<typeof spread>;

/** Loops as a learner types them, each with the line that shows it ended. */
const LOOPS: [name: string, line: string, done: RegExp][] = [
  ['seq_1m_wc', 'seq 1 1000000 | wc -l', /^1000000$/],
  ['for_100k', 'for i in $(seq 1 100000); do :; done; echo end-$i', /^end-100000$/],
  ['for_1m_words', 'for i in $(seq 1 1000000); do :; done; echo end-$i', /^end-1000000$/],
];

function bashMs(line: string): number {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench: bash -c '${line}' failed: ${r.stderr}`);
  return performance.now() - t0;
}

export async function shellLoopFigures(page: Page, runs = 3): Promise<Record<string, Spread | number>> {
  const out: Record<string, Spread | number> = {};
  for (const [name, line, done] of LOOPS) {
    const sim: number[] = [];
    const bash: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.keyboard.type(line);
      sim.push(await msUntilShown(page, () => page.keyboard.press('Enter'), done, { timeout: 120_000 }));
      await promptTime(page);
      bash.push(bashMs(line));
    }
    out[`shell_${name}_ms`] = spread(sim);
    out[`bash_${name}_ms`] = spread(bash);
    out[`shell_${name}_vs_bash`] = Math.round((spread(sim).median / spread(bash).median) * 10) / 10;
  }
  return out;
}

/** A probe of the page's daemon worker through CDP (Target.sendMessageToTarget, unflattened). */
async function workerProbe(page: Page): Promise<{ heapMb: () => Promise<number>; pageHeapMb: () => Promise<number>; close: () => Promise<void> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const attached: { sessionId: string; targetInfo: { type: string } }[] = [];
  const pending = new Map<number, (m: { result?: { usedSize: number } }) => void>();
  cdp.on('Target.attachedToTarget', (e) => attached.push(e as (typeof attached)[number]));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse((e as { message: string }).message) as { id?: number; result?: { usedSize: number } };
    if (m.id !== undefined) pending.get(m.id)?.(m);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  for (let i = 0; i < 50 && !attached.some((a) => a.targetInfo.type === 'worker'); i++) await page.waitForTimeout(100);
  const worker = attached.find((a) => a.targetInfo.type === 'worker');
  if (!worker) throw new Error('bench: the daemon worker did not show up over CDP');
  let id = 0;
  const call = (method: string) =>
    new Promise<{ result?: { usedSize: number } }>((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId: worker.sessionId, message: JSON.stringify({ id: n, method, params: {} }) });
    });
  return {
    heapMb: async () => {
      await call('HeapProfiler.collectGarbage');
      const r = await call('Runtime.getHeapUsage');
      return Math.round(((r.result?.usedSize ?? NaN) / 2 ** 20) * 10) / 10;
    },
    // The page's own heap (the terminal's scrollback lives there).
    pageHeapMb: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const r = await cdp.send('Runtime.getHeapUsage');
      return Math.round((r.usedSize / 2 ** 20) * 10) / 10;
    },
    close: () => cdp.detach(),
  };
}

/** The worker's and the page's heap (MB, after GC) every tenth of a `seconds`-long endless flood. */
export async function floodMemory(page: Page, seconds: number): Promise<Record<string, number[] | number>> {
  const probe = await workerProbe(page);
  try {
    const idle = await probe.heapMb();
    await typeLine(page, `docker run -d --name memflood busybox sh -c 'while :; do echo flood line; done'`);
    await promptTime(page);
    await typeLine(page, 'docker logs -f memflood');
    const samples: number[] = [];
    const pageSamples: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout((seconds * 1000) / 10);
      samples.push(await probe.heapMb());
      pageSamples.push(await probe.pageHeapMb());
    }
    await page.keyboard.press('Control+C');
    await promptTime(page);
    await typeLine(page, 'docker rm -f memflood');
    await promptTime(page);
    return { flood_seconds: seconds, flood_worker_heap_idle_mb: idle, flood_worker_heap_mb: samples, flood_page_heap_mb: pageSamples };
  } finally {
    await probe.close();
  }
}
