import { expect, test, type Page } from '@playwright/test';
import { openAtPrompt, termText, typeLine } from './terminal';

const prompt = /learner@docker-lab:~(\/\S+)?\$ ?$/;

openAtPrompt();

test('edit a Dockerfile in the page, build it, run the image', async ({ page }) => {
  await typeLine(page, 'mkdir hello && cd hello && edit Dockerfile');
  await expect(page.getByTestId('editor')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('editor-path')).toContainText('/home/learner/hello/Dockerfile');
  await page.getByTestId('editor').fill('FROM busybox\nRUN echo built > /msg\nCMD ["cat", "/msg"]\n');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-path')).not.toContainText('new file');
  await typeLine(page, 'cat Dockerfile');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toContain('CMD ["cat", "/msg"]');
  await typeLine(page, 'docker build -t hello .');
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/naming to docker\.io\/library\/hello:latest[\s\S]*\$ ?$/);
  await typeLine(page, 'docker run --rm hello');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/\nbuilt\s*\n.*\$ ?$/);

  // The layer picture lists the build's steps: what each made and why the cache was (not) used.
  await page.getByRole('tab', { name: /镜像分层|Image layers/ }).click();
  const steps = page.getByTestId('build-steps');
  await expect(steps.locator('[data-step]')).toHaveCount(3);
  const run = steps.locator('[data-step="2"]');
  await expect(run).toHaveAttribute('data-cached', 'false');
  await expect(run.getByTestId('step-files')).toContainText('A /msg');
  // Built again, the RUN step comes from the cache, and says so.
  await typeLine(page, 'docker build -t hello .');
  await expect(run).toHaveAttribute('data-cached', 'true', { timeout: 30_000 });
  await expect(run.getByTestId('step-reason')).toHaveAttribute('title', /same instruction on the same parent/);
});

test('the editor marks unsaved work, asks before closing it, and opens files from the list', async ({ page }) => {
  await typeLine(page, 'echo "print(1)" > app.py && edit app.py');
  await expect(page.getByTestId('editor')).toHaveValue('print(1)\n', { timeout: 10_000 });
  await page.getByTestId('editor').fill('print(2)\n');
  await expect(page.getByTestId('tab-files')).toContainText('●');
  // Closing with changes asks first; saying no keeps the work.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByTestId('editor-close').click();
  await expect(page.getByTestId('editor')).toHaveValue('print(2)\n');
  await page.getByTestId('editor').press('Control+s');
  await expect(page.getByTestId('tab-files')).not.toContainText('●');
  await typeLine(page, 'cat app.py');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toMatch(/cat app\.py\s*\nprint\(2\)/);
  await page.getByTestId('editor-close').click();
  await page.getByTestId('file-/home/learner/app.py').click();
  await expect(page.getByTestId('editor')).toHaveValue('print(2)\n');
  // Folders are not files: the terminal says so and nothing opens.
  await typeLine(page, 'edit /etc');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toContain('edit: /etc: Is a directory');
});

test('the browser pane shows nginx on a published port, and an edit after reload', async ({ page }) => {
  await typeLine(page, 'docker run -d -p 8080:80 --name web nginx');
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/[0-9a-f]{64}\s*\n.*\$ ?$/);
  await page.getByTestId('tab-browser').click();
  await page.getByTestId('browser-url').fill('http://localhost:8080/');
  await page.getByTestId('browser-go').click();
  await expect(page.getByTestId('browser-status')).toContainText('200 OK', { timeout: 10_000 });
  await expect(page.frameLocator('[data-testid="browser-frame"]').locator('h1')).toContainText('Welcome to nginx!');
  await typeLine(page, `docker exec web sh -c 'echo "<h1>hi</h1>" > /usr/share/nginx/html/index.html'`);
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(prompt);
  await page.getByTestId('browser-reload').click();
  await expect(page.frameLocator('[data-testid="browser-frame"]').locator('h1')).toHaveText('hi', { timeout: 10_000 });
  // A relative link on the page is offered below the frame and opens in the pane.
  await typeLine(page, `docker exec web sh -c 'cd /usr/share/nginx/html && echo "<a href=about.html>About us</a>" >> index.html && echo "<h1>about</h1>" > about.html'`);
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(prompt);
  await page.getByTestId('browser-reload').click();
  await page.getByTestId('browser-links').getByRole('button', { name: 'About us' }).click();
  await expect(page.getByTestId('browser-url')).toHaveValue('http://localhost:8080/about.html');
  await expect(page.frameLocator('[data-testid="browser-frame"]').locator('h1')).toHaveText('about', { timeout: 10_000 });
  await typeLine(page, 'docker stop web');
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/\nweb\s*\n.*\$ ?$/);
  await page.getByTestId('browser-reload').click();
  await expect(page.getByTestId('browser-error')).toContainText('ERR_CONNECTION_REFUSED', { timeout: 10_000 });
});

test('docker logs -f shows the lines of a detached loop as they arrive', async ({ page }) => {
  await typeLine(page, `docker run -d --name ticker busybox sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'`);
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/[0-9a-f]{64}\s*\n.*\$ ?$/);
  await typeLine(page, 'docker logs -f ticker');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toContain('tick 2');
  // Still following: later lines keep arriving without a new command.
  await expect.poll(() => termText(page), { timeout: 10_000 }).toContain('tick 4');
  await page.keyboard.press('Control+c');
  await expect.poll(() => termText(page), { timeout: 5_000 }).toMatch(prompt);
});
