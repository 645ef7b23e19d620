import { expect, test, type Page } from '@playwright/test';
import { openAtPrompt, termText, typeLine } from './terminal';

openAtPrompt();

test('build steps appear in the layer picture while they run, and a changed file explains the cache miss', async ({ page }) => {
  await typeLine(page, `mkdir site && cd site && echo v1 > index.html && printf 'FROM busybox\\nCOPY index.html /www/\\nRUN sleep 2 && wc -c /www/index.html > /size\\n' > Dockerfile`);
  await typeLine(page, 'docker build -t site .');
  const steps = page.getByTestId('build-steps');
  // The RUN step is listed while it sleeps, before any result.
  const run = steps.locator('[data-step="3"]');
  await expect(run).toBeVisible({ timeout: 15_000 });
  await expect(steps).toHaveAttribute('data-state', 'running');
  await expect(run).not.toHaveAttribute('data-cached', /.*/);
  await expect(run).toHaveAttribute('data-cached', 'false', { timeout: 15_000 });
  await expect(steps).toHaveAttribute('data-state', 'done');
  await expect(run.getByTestId('step-files')).toContainText('A /size');
  await expect(steps.locator('[data-step="2"]').getByTestId('step-files')).toContainText('/www/index.html');

  // Change the copied file: COPY misses the cache because of it, and so does the RUN after it.
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/naming to docker\.io\/library\/site:latest[\s\S]*\$ ?$/);
  await typeLine(page, 'echo v2 > index.html && docker build -t site .');
  const copy = steps.locator('[data-step="2"]');
  await expect(copy.getByTestId('step-reason')).toHaveAttribute('title', 'the files it copies changed since the last build', { timeout: 15_000 });
  await expect(copy).toHaveAttribute('data-cached', 'false');
  await expect(steps.locator('[data-step="1"]')).toHaveAttribute('data-cached', 'true');
});
