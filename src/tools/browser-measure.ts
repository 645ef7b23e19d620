/**
 * Measuring what a learner feels, in a real Chromium page: when the prompt appears, how many
 * frames the page draws during a flood, how long a typed key takes to echo, how long Ctrl-C or a
 * command takes to show. Shared by `npm run bench` (figures) and e2e/flood.spec.ts (limits).
 *
 * Times are taken inside the page with performance.now(): from the key's keydown event (the moment
 * the learner pressed it) to the first animation frame whose terminal rows show the expected text,
 * so Playwright's own round trips do not count. Rows are read with the `__term.tail` test hook.
 */
import type { Page } from '@playwright/test';
import type { LabWindow } from '../../e2e/hooks';

/** The page-side state of one watch (kept on globalThis between evaluate calls). */
interface Watch {
  t0?: number;
  hit?: number;
}
type WatchWindow = LabWindow & {
  __watch?: Watch;
  requestAnimationFrame(cb: (t: number) => void): number;
  document: { addEventListener(type: string, fn: () => void, opts: { capture: boolean; once: boolean }): void };
};

const PROMPT = String.raw`\$ ?$`;

/**
 * Open the lab in `page`. Under tsx (the bench), functions handed to page.evaluate carry calls to
 * esbuild's `__name` helper, which the page lacks: define it as a no-op first.
 */
export async function openLab(page: Page, url: string): Promise<void> {
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(WATCH_FIRST_PROMPT);
  await page.goto(url);
}

/**
 * Watches every frame from the page's start and keeps the time of the first one whose last row is
 * a prompt (`__firstPromptAt`). Checking from Node instead (promptTime) starts only once
 * `page.goto` has returned, and a prompt already there then counts as drawn at that moment: under
 * load that added hundreds of ms to load_to_prompt_ms.
 */
const WATCH_FIRST_PROMPT = `(() => {
  const re = new RegExp(${JSON.stringify(PROMPT)});
  const frame = () => {
    const rows = globalThis.__term ? globalThis.__term.tail(4).filter((r) => r !== '') : [];
    if (rows.length > 0 && re.test(rows[rows.length - 1])) globalThis.__firstPromptAt = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Page time (ms since navigation start) of the first frame that showed a prompt (see openLab). */
export async function firstPromptTime(page: Page, timeout = 30_000): Promise<number> {
  const h = await page.waitForFunction(() => (globalThis as { __firstPromptAt?: number }).__firstPromptAt ?? false, undefined, { timeout });
  return (await h.jsonValue()) as number;
}

/** Type a line into the terminal and press Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Page time (ms since navigation start) at the first frame whose last row is a prompt. */
export async function promptTime(page: Page, timeout = 30_000): Promise<number> {
  const h = await page.waitForFunction(
    (src) => {
      const rows = (globalThis as unknown as LabWindow).__term?.tail(4).filter((r) => r !== '') ?? [];
      return rows.length > 0 && new RegExp(src).test(rows[rows.length - 1]) ? performance.now() : false;
    },
    PROMPT,
    { polling: 'raf', timeout },
  );
  return (await h.jsonValue()) as number;
}

/**
 * Milliseconds from the next keydown to the first frame where a row written since then matches
 * `pattern` (with `lastRow`: the last non-empty row of the last `rows`). `act` presses the key(s).
 */
export async function msUntilShown(
  page: Page,
  act: () => Promise<void>,
  pattern: RegExp | 'prompt',
  opts: { rows?: number; lastRow?: boolean; timeout?: number } = {},
): Promise<number> {
  const src = pattern === 'prompt' ? PROMPT : pattern.source;
  await page.evaluate(
    ({ src, rows, lastRow }) => {
      const w = globalThis as unknown as WatchWindow;
      const watch: Watch = {};
      w.__watch = watch;
      const re = new RegExp(src);
      w.document.addEventListener('keydown', () => (watch.t0 ??= performance.now()), { capture: true, once: true });
      // Every row written since the key, even those a flood has scrolled on since the last frame.
      let mark = w.__term?.feeds() ?? 0;
      const frame = () => {
        if (w.__watch !== watch) return;
        if (watch.t0 !== undefined) {
          const tail = lastRow ? (w.__term?.tail(rows) ?? []).filter((r) => r !== '') : (w.__term?.rowsSince(mark) ?? []);
          mark = w.__term?.feeds() ?? 0;
          const seen = lastRow ? tail.length > 0 && re.test(tail[tail.length - 1]) : tail.some((r) => re.test(r));
          if (seen) {
            watch.hit = performance.now();
            return;
          }
        }
        w.requestAnimationFrame(frame);
      };
      w.requestAnimationFrame(frame);
    },
    { src, rows: opts.rows ?? 400, lastRow: opts.lastRow ?? false },
  );
  await act();
  const h = await page.waitForFunction(
    () => {
      const w = (globalThis as unknown as WatchWindow).__watch;
      return w?.hit !== undefined && w.t0 !== undefined ? w.hit - w.t0 : false;
    },
    undefined,
    { polling: 100, timeout: opts.timeout ?? 30_000 },
  );
  return (await h.jsonValue()) as number;
}

/** Frames per second in each whole second of a `ms`-long window (one number per second). */
export async function framesPerSecond(page: Page, ms: number): Promise<number[]> {
  const times = await page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const w = globalThis as unknown as WatchWindow;
        const ts: number[] = [];
        const f = (t: number) => {
          ts.push(t);
          if (t - ts[0] < ms) w.requestAnimationFrame(f);
          else resolve(ts);
        };
        w.requestAnimationFrame(f);
      }),
    ms,
  );
  const out: number[] = [];
  for (let s = times[0]; s + 1000 <= times[times.length - 1]; s += 1000) out.push(times.filter((t) => t >= s && t < s + 1000).length);
  return out;
}

/** min, median and max of a list of figures (rounded to 0.1). */
export function spread(xs: number[]): { min: number; median: number; max: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { min: r(s[0]), median: r(s[Math.floor(s.length / 2)]), max: r(s[s.length - 1]), n: s.length };
}
