import { expect, test, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';

// A shared, busy machine runs these: give the engine room (each step still has to happen).
test.describe.configure({ timeout: 120_000 });

function termText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as LabWindow).__term?.text() ?? '');
}

/** Type a command and wait until the host prompt is back after its output. */
async function run(page: Page, line: string, timeout = 60_000): Promise<void> {
  const before = (await termText(page)).length;
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await termText(page)).slice(before), { timeout }).toMatch(/\n[^\n]*learner@docker-lab:~\$ ?$/);
}

test('Tab completes a running container name from the daemon, and the completed line runs', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/learner@docker-lab:~\$ ?$/);
  await run(page, 'docker run -d --name web nginx');
  await page.keyboard.type('docker stop we');
  await page.keyboard.press('Tab');
  await expect.poll(() => termText(page)).toMatch(/\$ docker stop web $/);
  const before = (await termText(page)).length;
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await termText(page)).slice(before), { timeout: 60_000 }).toMatch(/\nweb\n[^\n]*learner@docker-lab:~\$ ?$/);
  await run(page, 'docker ps -a --format "{{.Names}} {{.State}}"');
  expect(await termText(page)).toContain('web exited');
});
