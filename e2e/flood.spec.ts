/**
 * An endless output loop must never freeze the tab (issue 16): while a container floods the
 * terminal, Ctrl-C brings the prompt back and a typed `docker kill` answers, each well within a
 * second (the bench reports the actual times against the 200 ms budget; the limits here are loose
 * because this machine is shared), and frames keep coming.
 */
import { expect, test } from '@playwright/test';
import { framesPerSecond, msUntilShown, promptTime, typeLine } from '../src/tools/browser-measure';

test('an endless flood: Ctrl-C and docker kill show in time, the page keeps drawing', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await promptTime(page);
  await typeLine(page, `docker run -d --name endless busybox sh -c 'while :; do echo flood; done'`);
  await promptTime(page);

  // The flood in the foreground: Ctrl-C ends `logs -f` and the prompt is the last row again.
  await typeLine(page, 'docker logs -f endless');
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as import('./hooks').LabWindow).__term?.tail(3).join('\n') ?? '')).toContain('flood');
  await page.waitForTimeout(1500);
  const fps = await framesPerSecond(page, 2000);
  expect(Math.max(...fps)).toBeGreaterThan(5); // frames keep coming (the bench reports the rate)
  const ctrlC = await msUntilShown(page, () => page.keyboard.press('Control+C'), 'prompt', { lastRow: true });
  expect(ctrlC).toBeLessThan(1000);

  // The flood in the background, still drawing: a typed command answers through it.
  await typeLine(page, 'docker logs -f endless &');
  await page.waitForTimeout(1500);
  await page.keyboard.type('docker kill endless');
  const kill = await msUntilShown(page, () => page.keyboard.press('Enter'), /^endless$/);
  expect(kill).toBeLessThan(1000);
  // What the background `logs -f` still had queued prints after the prompt, as on a real terminal.
  await page.waitForTimeout(500);
  await typeLine(page, 'echo still-$((20+22))');
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as import('./hooks').LabWindow).__term?.text() ?? '')).toMatch(/^still-42$/m);
  test.info().annotations.push({ type: 'figures', description: JSON.stringify({ fps, ctrlC, kill }) });
  console.log(JSON.stringify({ fps, ctrlCMs: ctrlC, killMs: kill }));
});

test('a million-word for loop and seq 1 1000000 | wc -l finish in the page', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await promptTime(page);
  // Both used to overflow the call stack (a spread of the whole word list) or crawl.
  // One at a time: a line typed while the first still runs is echoed at once, as a real tty does,
  // and the count would then follow it on the same row.
  const text = () => page.evaluate(() => (globalThis as unknown as import('./hooks').LabWindow).__term?.text() ?? '');
  await typeLine(page, 'seq 1 1000000 | wc -l');
  await expect.poll(text, { timeout: 60_000 }).toMatch(/^1000000$/m);
  await promptTime(page);
  await typeLine(page, 'for i in $(seq 1 1000000); do :; done; echo end-$i');
  await expect.poll(text, { timeout: 60_000 }).toMatch(/^end-1000000$/m);
  expect(await text()).not.toMatch(/Maximum call stack/);
});
