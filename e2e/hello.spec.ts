import { expect, test, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';
import { failOnPageErrors, openAtPrompt, termText, typeLine as typeInTerminal } from './terminal';

failOnPageErrors();
openAtPrompt();

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
