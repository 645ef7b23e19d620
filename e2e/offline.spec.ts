/**
 * A second visit, and an offline one, start from the service worker's cache (static/sw.js).
 */
import { test } from '@playwright/test';
import { promptTime } from '../src/tools/browser-measure';

test('after one visit the lab starts with the network gone', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await promptTime(page);
  // The worker is active and controls the page once `ready` resolves and a reload goes through it.
  await page.evaluate(() => (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator.serviceWorker.ready);
  await page.reload();
  await promptTime(page);
  await context.setOffline(true);
  await page.reload();
  await promptTime(page);
});
