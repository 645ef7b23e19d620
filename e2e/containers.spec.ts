import { expect, test, type Page } from '@playwright/test';
import { openAtPrompt, termText, typeLine } from './terminal';

openAtPrompt();

test('docker run -it ubuntu bash: the container shell, ls, exit back to the host', async ({ page }) => {
  await typeLine(page, 'docker run -it ubuntu bash');
  // The pull takes a moment of (real) time; then the container's prompt shows.
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/root@[0-9a-f]{12}:\/# ?$/);
  await typeLine(page, 'ls');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toMatch(/bin\s+dev\s+home/);
  await typeLine(page, 'exit');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toMatch(/exit\s*\n.*learner@docker-lab:~\$ ?$/);
  await typeLine(page, 'docker ps -a --format "{{.Image}} {{.Status}}"');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toContain('ubuntu Exited (0)');
});

test('Ctrl-P Ctrl-Q detaches and leaves the container running', async ({ page }) => {
  await typeLine(page, 'docker run -it busybox sh');
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/\/ # ?$/);
  await page.keyboard.press('Control+p');
  await page.keyboard.press('Control+q');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toMatch(/learner@docker-lab:~\$ ?$/);
  await typeLine(page, 'docker ps --format "{{.Image}} {{.Status}}"');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toMatch(/busybox Up/);
});

test("a container's writable layer shows its changes in the picture", async ({ page }) => {
  // /etc/group comes from the image, so removing it leaves a whiteout (/etc/hostname would not do:
  // Docker bind-mounts it, and rm says "Device or resource busy").
  await typeLine(page, 'docker run --name writer busybox sh -c "echo hi > /tmp/new.txt; rm /etc/group"');
  await expect(page.locator('[data-container]')).toHaveCount(1, { timeout: 20_000 });
  const box = page.locator('[data-container]').first();
  await expect(box).toContainText('writer');
  await expect(box).toContainText('A /tmp/new.txt');
  await expect(box).toContainText('D /etc/group');
});

test('the process picture shows a container process as PID 1 beside its host PID', async ({ page }) => {
  await typeLine(page, 'docker run -d --name sleeper busybox sleep 1000');
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/[0-9a-f]{64}\s*\n.*\$ ?$/);
  await page.getByTestId('tab-processes').click();
  const row = page.locator('[data-container-pid="1"]').filter({ hasText: 'sleep 1000' });
  await expect(row).toHaveCount(1, { timeout: 5_000 });
  await expect(row).toContainText('sleeper');
  await expect(page.getByTestId('process-picture')).toContainText('dockerd');
});
