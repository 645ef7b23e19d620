import { expect, test, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';
import { openAtPrompt, termText, typeLine } from './terminal';

/** Runs a detached container and waits for its ID line and the prompt after it. */
async function runDetached(page: Page, args: string): Promise<void> {
  const before = (await termText(page)).length;
  await typeLine(page, `docker run -d ${args}`);
  await expect.poll(async () => (await termText(page)).slice(before), { timeout: 30_000 }).toMatch(/[0-9a-f]{64}\s*\n.*\$ ?$/);
}

openAtPrompt();

test('the network picture shows bridges, addresses, aliases, links and published ports; a port opens the browser', async ({ page }) => {
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('network-empty')).toBeVisible();
  await expect(page.locator('[data-network="bridge"]')).toContainText('docker0 172.17.0.1');

  await typeLine(page, 'docker network create mynet');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/[0-9a-f]{64}\s*\n.*\$ ?$/);
  await runDetached(page, '--name db --network mynet --network-alias database busybox sleep 1000');
  await runDetached(page, '--name cache busybox sleep 1000');
  await runDetached(page, '--name web --link cache:kv -p 8080:80 nginx');

  const mynet = page.locator('[data-network="mynet"]');
  await expect(mynet.locator('[data-endpoint="db"]')).toContainText('172.18.0.2');
  await expect(mynet.locator('[data-endpoint="db"]')).toContainText('database');
  await expect(mynet).toContainText('172.18.0.0/16');
  const bridge = page.locator('[data-network="bridge"]');
  await expect(bridge.locator('[data-endpoint="cache"]')).toContainText('172.17.0.2');
  const web = bridge.locator('[data-endpoint="web"]');
  await expect(web).toContainText('172.17.0.3');
  await expect(web).toContainText('→ cache (kv)');
  await expect(page.getByTestId('net-host')).toContainText('0.0.0.0:8080->80/tcp');
  await expect(page.getByTestId('network-empty')).toHaveCount(0);

  await web.locator('[data-port="8080"]').click();
  await expect(page.getByTestId('browser-url')).toHaveValue('http://localhost:8080/');
  await expect(page.getByTestId('browser-status')).toContainText('200 OK', { timeout: 10_000 });
  await expect(page.frameLocator('[data-testid="browser-frame"]').locator('h1')).toContainText('Welcome to nginx!');

  // Stopped, it leaves its network: the picture follows.
  await page.getByTestId('tab-network').click();
  await typeLine(page, 'docker stop -t 1 db');
  await expect(mynet.locator('[data-endpoint="db"]')).toHaveCount(0, { timeout: 20_000 });
});

test('a published port in the PORTS column of docker ps opens the browser pane', async ({ page }) => {
  // The sandbox: the lesson column folded away, so docker ps rows fit the terminal unwrapped.
  await page.getByTestId('sandbox').click();
  await runDetached(page, '--name site -p 8081:80 nginx');
  await typeLine(page, 'docker ps');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toContain('0.0.0.0:8081->80/tcp');
  // On one row: if the row came out before the terminal had widened (the lesson column folding
  // away), it was wrapped, and xterm reflows it once the resize lands.
  const locate = () => page.evaluate(() => (globalThis as unknown as LabWindow).__term?.locate('0.0.0.0:8081->80/tcp'));
  await expect.poll(locate, { timeout: 10_000 }).toBeDefined();
  const cell = await locate();
  const screen = page.locator('.xterm-screen');
  const box = (await screen.boundingBox())!;
  const size = await page.evaluate(() => ({ cols: (globalThis as unknown as LabWindow).__term!.cols, rows: (globalThis as unknown as LabWindow).__term!.rows }));
  const x = box.x + ((cell!.col + 3) * box.width) / size.cols;
  const y = box.y + ((cell!.row + 0.5) * box.height) / size.rows;
  await page.mouse.move(x, y);
  await page.mouse.move(x + 2, y);
  await page.mouse.click(x + 2, y);
  await expect(page.getByTestId('browser-url')).toHaveValue('http://localhost:8081/', { timeout: 5_000 });
  await expect(page.getByTestId('browser-status')).toContainText('200 OK', { timeout: 10_000 });
});

test('mounts are drawn on the container: a volume and a read-only bind mount', async ({ page }) => {
  await runDetached(page, '--name keeper -v appdata:/data -v /home/learner:/src:ro busybox sleep 1000');
  const c = page.locator('[data-container]').filter({ hasText: 'keeper' });
  await expect(c.locator('[data-mount="/data"]')).toContainText('appdata', { timeout: 10_000 });
  await expect(c.locator('[data-mount="/data"]')).not.toContainText(/read-only|只读/);
  await expect(c.locator('[data-mount="/src"]')).toContainText('/home/learner');
  await expect(c.locator('[data-mount="/src"]')).toContainText(/read-only|只读/);
});
