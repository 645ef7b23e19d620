import { expect, test, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';

function termText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as LabWindow).__term?.text() ?? '');
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/\$ ?$/);
});

test('docker compose brings a project up and down in the browser terminal', async ({ page }) => {
  // the pull of nginx runs in real time in the page
  test.setTimeout(90_000);
  await typeLine(page, `mkdir app && cd app && printf 'services:\\n  web:\\n    image: nginx\\n    ports:\\n      - "8080:80"\\n' > compose.yaml`);
  await typeLine(page, 'docker compose up -d');
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/✔ Container app-web-1\s+Started[\s\S]*\$ ?$/);
  await typeLine(page, 'docker compose ps --format "{{.Name}} {{.State}}"');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/app-web-1 running/);
  await typeLine(page, 'docker compose down');
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/✔ Network app_default\s+Removed/);
});
