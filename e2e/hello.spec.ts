import { expect, test, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';

/** The terminal's buffer as text, through the page's test hook (src/ui/testhooks.ts). */
function termText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as LabWindow).__term?.text() ?? '');
}

async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
  // A prompt is on screen: the worker booted and the session is open.
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/\$ ?$/);
});

test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('the page boots: terminal focused, memfs works in the worker, layer panel shown', async ({ page }) => {
  await expect(page.locator('h1')).toHaveText('Docker Lab');
  // The terminal has focus on load: typing goes straight to it.
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
  await expect(page.getByTestId('layer-picture')).toBeVisible();
  await expect(page.getByTestId('boot-status')).toHaveText('');
  // The worker's memfs smoke check (src/worker/daemon.worker.ts) reported ok.
  const boot = await page.evaluate(() => (globalThis as unknown as LabWindow).__lab!.bootInfo());
  expect(boot.memfs).toBe('ok');
});

test('docker run hello-world prints the greeting', async ({ page }) => {
  await typeInTerminal(page, 'docker run hello-world');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toContain('Hello from Docker!');
});

// ENGINE-DEPENDENT — fails with the stub Machine (its describe() lists no images); passes once the
// real engine (src/engine/machine.ts) pulls hello-world, lists it in describe() and emits
// image/layer events. Everything else in this file passes against the stub.
test('[engine] after docker run hello-world a layer appears in the layer picture', async ({ page }) => {
  await typeInTerminal(page, 'docker run hello-world');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toContain('Hello from Docker!');
  await expect(page.locator('[data-layer]').first()).toBeVisible({ timeout: 5_000 }); // ENGINE-DEPENDENT
  await expect(page.locator('[data-image]').first()).toContainText('hello-world');
});
