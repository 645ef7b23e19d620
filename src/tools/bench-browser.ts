/**
 * The bench's browser half: what a learner feels, measured in Chromium (Debian's /usr/bin/chromium,
 * or CHROMIUM_PATH) against `vite preview` of dist/ on BENCH_PORT (4304 unless set), in the same
 * run as the engine figures. Every figure is min/median/max over several samples.
 *
 * - js_before_prompt_gzip_kb: the JavaScript files the page and its worker fetched before the
 *   prompt appeared (seen on the network), sized as gzip of the built files.
 * - load_to_prompt_ms: navigation start to the first frame showing the prompt, fresh cache each
 *   time; second_visit_ms: the same after a reload with the cache warm.
 * - flood_*: `docker logs -f` of a container printing 100 lines every 10 ms (about 10,000 lines/s):
 *   frames per second, the delay of a typed key's echo, Ctrl-C to prompt.
 * - kill_visible_ms: `docker kill` typed while another container floods the terminal without end
 *   (its `logs -f` in the background), from Enter to the killed name on screen.
 * - shell loops against bash, and the worker's heap during a long flood: bench-browser-shell.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { firstPromptTime, framesPerSecond, msUntilShown, openLab, promptTime, spread, typeLine } from './browser-measure';
import { floodMemory, shellLoopFigures } from './bench-browser-shell';

type Spread = ReturnType<typeof spread>;
export type BrowserFigures = Record<string, Spread | { value: number; unit: string } | string[] | number[] | number>;

const PORT = Number(process.env.BENCH_PORT) || 4304;
const URL_ROOT = `http://localhost:${PORT}/`;

async function reachable(): Promise<boolean> {
  try {
    return (await fetch(URL_ROOT)).ok;
  } catch {
    return false;
  }
}

/** Serve dist/ with `vite preview` unless something already answers on the port. */
async function serve(): Promise<ChildProcess | undefined> {
  if (await reachable()) return undefined;
  const child = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100 && !(await reachable()); i++) await new Promise((r) => setTimeout(r, 200));
  return child;
}

interface Script {
  path: string;
  request: Request;
  /** Wall-clock ms when the 'request' event reached us (a late bound of when it started). */
  seen: number;
}

async function newPage(browser: Browser): Promise<{ page: Page; scripts: Script[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const scripts: Script[] = [];
  // Requests of the page and of its dedicated worker both reach the context.
  context.on('request', (request) => {
    const u = new URL(request.url());
    if (u.pathname.endsWith('.js')) scripts.push({ path: u.pathname.replace(/^\//, ''), request, seen: Date.now() });
  });
  const page = await context.newPage();
  return { page, scripts, close: () => context.close() };
}

/**
 * The scripts whose request started before the prompt's frame (`promptMs`, page time). What the
 * page asks for once the prompt is up (the lessons, the pictures) reaches us a few ms later, while
 * Playwright is still reporting the prompt: counting every request seen by then counted those too.
 */
async function scriptsBefore(page: Page, scripts: Script[], promptMs: number): Promise<string[]> {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const promptAt = origin + promptMs;
  return scripts
    .filter((s) => {
      const start = s.request.timing().startTime;
      return (start > 0 ? start : s.seen) <= promptAt;
    })
    .map((s) => s.path);
}

function gzipKb(dist: string, files: string[]): number {
  let total = 0;
  for (const f of new Set(files)) if (existsSync(join(dist, f))) total += gzipSync(readFileSync(join(dist, f))).length;
  return Math.round((total / 1024) * 10) / 10;
}

export async function browserFigures(dist: string): Promise<BrowserFigures> {
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const out: BrowserFigures = {};
  try {
    // Start-up, cold cache each time; then one warm reload per sample.
    const cold: number[] = [];
    const warm: number[] = [];
    let jsBeforePrompt: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { page, scripts, close } = await newPage(browser);
      await openLab(page, URL_ROOT);
      cold.push(await firstPromptTime(page));
      if (i === 0) jsBeforePrompt = await scriptsBefore(page, scripts, cold[0]);
      await page.reload();
      warm.push(await firstPromptTime(page));
      await close();
    }
    out.js_before_prompt_files = [...new Set(jsBeforePrompt)];
    out.js_before_prompt_gzip_kb = { value: gzipKb(dist, jsBeforePrompt), unit: 'KB' };
    out.load_to_prompt_ms = spread(cold);
    out.second_visit_ms = spread(warm);

    const { page, close } = await newPage(browser);
    await openLab(page, URL_ROOT);
    await promptTime(page);
    await typeLine(page, `docker run -d --name rate busybox sh -c 'while :; do seq 100; sleep 0.01; done'`);
    await promptTime(page);
    const echo: number[] = [];
    const ctrlC: number[] = [];
    const fps: number[] = [];
    for (let round = 0; round < 3; round++) {
      await typeLine(page, 'docker logs -f --tail 0 rate');
      await page.waitForTimeout(1000);
      fps.push(...(await framesPerSecond(page, 3000)));
      for (const key of 'QWERTYUIOP') {
        echo.push(await msUntilShown(page, () => page.keyboard.press(`Shift+${key}`), new RegExp(key)));
        await page.waitForTimeout(100);
      }
      ctrlC.push(await msUntilShown(page, () => page.keyboard.press('Control+C'), 'prompt', { lastRow: true }));
    }
    out.flood_fps = spread(fps);
    out.flood_key_echo_ms = spread(echo);
    out.flood_ctrl_c_ms = spread(ctrlC);
    await typeLine(page, 'docker rm -f rate');
    await promptTime(page);

    const kill: number[] = [];
    for (let i = 1; i <= 3; i++) {
      await typeLine(page, `docker run -d --name endless${i} busybox sh -c 'while :; do echo flood; done'`);
      await promptTime(page);
      await typeLine(page, `docker logs -f endless${i} &`);
      await page.waitForTimeout(1500);
      await page.keyboard.type(`docker kill endless${i}`);
      kill.push(await msUntilShown(page, () => page.keyboard.press('Enter'), new RegExp(`^endless${i}$`)));
      await page.waitForTimeout(1000);
    }
    out.kill_visible_ms = spread(kill);
    // The background `logs -f` jobs printed after their prompts: start from a clean screen.
    await typeLine(page, 'clear');
    await promptTime(page);
    Object.assign(out, await shellLoopFigures(page));
    Object.assign(out, await floodMemory(page, Number(process.env.BENCH_FLOOD_SECONDS) || 60));
    await close();
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
  return out;
}
