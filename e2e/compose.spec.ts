import { expect, test, type Page } from '@playwright/test';
import { openAtPrompt, termText, typeLine } from './terminal';

openAtPrompt();

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
