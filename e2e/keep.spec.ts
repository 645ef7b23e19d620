import { expect, test, type Browser, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';
import { promptReady, run, termText, typeLine } from './terminal';

/** The autosave state the page exposes (src/ui/session/keep.svelte.ts). */
interface KeepWindow {
  __keep?: { saves: number; saveChars: number; saveMs: number; undoChars: number; undo: number };
}

// A shared, busy machine runs these: give the engine room (each step still has to happen).
test.describe.configure({ timeout: 120_000 });

/** Browser globals the e2e type check (no DOM lib) does not know. */
interface BrowserWindow {
  getComputedStyle(el: unknown): { fontSize: string };
  navigator: { clipboard: { readText(): Promise<string>; writeText(s: string): Promise<void> } };
}

/** Open a share link in a new browser context (nothing saved, as another learner's browser) and wait for its notice and prompt. */
async function openInFreshBrowser(browser: Browser, url: string, notice: string, timeout: number): Promise<Page> {
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p2 = await other.newPage();
  await p2.goto(url);
  await expect(p2.getByTestId('keep-notice')).toContainText(notice, { timeout });
  await promptReady(p2);
  return p2;
}

function saves(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as KeepWindow).__keep?.saves ?? 0);
}

test('a session survives a reload: the container, the history and the screen', async ({ page }) => {
  await page.goto('/?lang=en');
  await promptReady(page);
  await run(page, 'docker create --name survivor busybox');
  const n = await saves(page);
  await run(page, 'echo remember-me');
  await expect.poll(() => saves(page), { timeout: 5_000 }).toBeGreaterThan(n);
  await page.reload();
  await expect(page.getByTestId('keep-notice')).toContainText('Restored', { timeout: 30_000 });
  await promptReady(page);
  expect(await termText(page)).toContain('remember-me');
  await run(page, 'docker ps -a --format "{{.Names}} {{.Image}}"');
  expect(await termText(page)).toContain('survivor busybox');
  // Up recalls the last line typed before the reload (the docker ps above, then echo before it).
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => termText(page)).toMatch(/\$ echo remember-me$/);
});

test('undo after docker rm brings the container back (button and Ctrl+Z); redo removes it again', async ({ page }) => {
  await page.goto('/');
  await promptReady(page);
  await run(page, 'docker create --name victim busybox');
  await run(page, 'docker rm victim');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await promptReady(page);
  await run(page, 'docker ps -a --format "{{.Names}}"');
  expect((await termText(page)).split('\n').slice(-2)[0]).toBe('victim');
  // Ctrl+Z at the prompt undoes the last command (the `docker ps`), so `docker rm victim` is
  // undone once more by a second Ctrl+Z only if typed again: here it removes the container anew.
  await page.keyboard.press('Control+z');
  await promptReady(page);
  expect(await termText(page)).not.toContain('^Z');
  await expect(page.getByTestId('redo')).toBeEnabled();
  await run(page, 'docker rm victim');
  await run(page, 'docker ps -a --format "{{.Names}}:"');
  expect(await termText(page)).not.toMatch(/\nvictim:/);
});

test('a share link opened in a fresh browser context rebuilds the same containers and images', async ({ page, browser }) => {
  await page.goto('/?lang=en');
  await promptReady(page);
  await run(page, 'docker run --name greeter hello-world', 30_000);
  await run(page, 'docker tag hello-world shared:1');
  await run(page, 'echo note > notes.txt');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#\/share\/v1\./);
  await expect(page.getByTestId('share-qr')).toBeVisible();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url.length).toBeLessThan(2000);

  const p2 = await openInFreshBrowser(browser, url, 'Rebuilt the same machine', 30_000);
  await run(p2, 'docker ps -a --format "{{.Names}} {{.Image}}"; docker images --format "{{.Repository}}:{{.Tag}}" | sort; cat notes.txt');
  const text = await termText(p2);
  expect(text).toContain('greeter hello-world');
  expect(text).toContain('hello-world:latest');
  expect(text).toContain('shared:1');
  expect(text).toContain('\nnote\n');
  // The address no longer holds the link: a reload restores the autosaved session instead.
  expect(p2.url()).not.toContain('#/share/');
  await p2.context().close();
});

test('undo keeps a running container running', async ({ page }) => {
  await page.goto('/?lang=en');
  await promptReady(page);
  await run(page, 'docker run -d --name web nginx', 30_000);
  await run(page, 'docker rm -f web');
  await page.getByTestId('undo').click();
  await promptReady(page);
  await run(page, 'docker ps --format "{{.Names}} {{.Status}}"');
  expect(await termText(page)).toMatch(/\nweb Up [^\n]*\n[^\n]*\$ ?$/);
});

test('a session a replay cannot remake (timing) is shared as a snapshot that rebuilds the same running machine', async ({ page, browser }) => {
  await page.goto('/?lang=en');
  await promptReady(page);
  await run(page, 'docker run -d --name api nginx', 30_000);
  await run(page, 'docker run -d --name nap busybox sleep 2');
  await run(page, 'echo kept > kept.txt');
  // `nap` has exited by now; replayed on virtual time the lines would leave it running.
  await page.waitForTimeout(3000);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#\/share\/v1\./, { timeout: 30_000 });
  await expect(page.getByTestId('share-snapshot')).toContainText('snapshot');
  const url = await page.getByTestId('share-url').inputValue();

  const p2 = await openInFreshBrowser(browser, url, 'Restored the same machine from the snapshot', 30_000);
  await run(p2, 'docker ps -a --format "{{.Names}} {{.Status}}"; cat kept.txt');
  const text = await termText(p2);
  expect(text).toMatch(/\napi Up /);
  expect(text).toMatch(/\nnap Exited \(0\)/);
  expect(text).toContain('\nkept\n');
  await p2.context().close();
});

test('a link made inside a lesson opened at a step replays from that step and reopens the lesson', async ({ page, browser }) => {
  await page.goto('/?lang=en#/lesson/images/image-commands/3');
  // The lesson's machine is ready once its earlier steps show done (their solutions replayed).
  const steps = page.getByTestId('lesson-step');
  await expect(steps.nth(1)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(steps.nth(2)).toHaveAttribute('data-state', 'current');
  await promptReady(page, 60_000);
  await run(page, 'docker tag app mine:2');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#\/share\/v1\./, { timeout: 60_000 });
  await expect(page.getByTestId('share-snapshot')).toHaveCount(0);
  const url = await page.getByTestId('share-url').inputValue();
  expect(url.length).toBeLessThan(2000);

  const p2 = await openInFreshBrowser(browser, url, 'Rebuilt the same machine', 60_000);
  await run(p2, 'docker images --format "{{.Repository}}:{{.Tag}}" | sort');
  const text = await termText(p2);
  expect(text).toContain('app:latest'); // made by the lesson's setup, not typed
  expect(text).toContain('mine:2');
  await expect(p2.getByTestId('lesson-panel')).toBeVisible();
  await p2.context().close();
});

for (const [name, fragment] of [
  ['corrupted', '#/share/v1.AAAA$$not-base64'],
  ['1 MB', '#/share/v1.' + 'A'.repeat(1_000_000)],
  ['wrong version', '#/share/v9.abcd'],
] as const) {
  test(`a ${name} link shows a message and a working prompt`, async ({ page }) => {
    await page.goto('/?lang=en' + fragment);
    await expect(page.getByTestId('link-error')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('link-error')).toContainText('cannot be opened');
    await promptReady(page);
    await run(page, 'echo still-working');
    expect(await termText(page)).toMatch(/\nstill-working\n/);
  });
}

test('presenter mode: terminal font at least 24 px and picture labels at least 16 px at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?lang=en');
  await promptReady(page);
  await run(page, 'docker pull hello-world', 30_000);
  await expect(page.locator('div.layer').first()).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('present').click();
  // The size on screen: the computed font size times the element's effective CSS zoom.
  const px = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((el) => parseFloat((globalThis as unknown as BrowserWindow).getComputedStyle(el).fontSize) * ((el as { currentCSSZoom?: number }).currentCSSZoom ?? 1));
  await expect.poll(() => px('.xterm-rows')).toBeGreaterThanOrEqual(24);
  // Every text in a layer box and every image label, not just the box.
  for (const sel of ['.layer-id', '.layer-size', '.layer-cmd', '.image-tags', '.image-meta']) expect(await px(sel)).toBeGreaterThanOrEqual(16);
  // ?present opens in presenter mode; the same key (Alt+Shift+P) leaves it.
  await page.goto('/?present&lang=en');
  await promptReady(page);
  await expect(page.getByTestId('present')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => px('.xterm-rows')).toBeGreaterThanOrEqual(24);
  await page.keyboard.press('Alt+Shift+KeyP');
  await expect(page.getByTestId('present')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => px('.xterm-rows')).toBeLessThan(20);
});

test('Ctrl+C copies a selection (no ^C), Ctrl+V pastes, a pasted Tab stays text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await promptReady(page);
  await run(page, 'echo copyme');
  const at = await page.evaluate(() => (globalThis as unknown as LabWindow).__term?.locate('copyme'));
  expect(at).toBeDefined();
  // Double-click the word on its output line (the second match is the echo's output).
  const lines = await page.evaluate(() => (globalThis as unknown as LabWindow).__term?.lines() ?? []);
  const row = lines.findIndex((l) => l === 'copyme');
  const box = (await page.locator('.xterm-screen').boundingBox())!;
  const cellW = box.width / (await page.evaluate(() => (globalThis as unknown as LabWindow).__term!.cols));
  const cellH = box.height / (await page.evaluate(() => (globalThis as unknown as LabWindow).__term!.rows));
  await page.mouse.dblclick(box.x + cellW * 2.5, box.y + cellH * (row + 0.5));
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as BrowserWindow).navigator.clipboard.readText())).toBe('copyme');
  expect(await termText(page)).not.toContain('^C');
  // Paste a tab-indented line: it lands as text, with no completion listing.
  await page.evaluate(() => (globalThis as unknown as BrowserWindow).navigator.clipboard.writeText('echo "\tpasted"'));
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('Control+v');
  await expect.poll(() => termText(page)).toMatch(/\$ echo "\s+pasted"$/);
  await page.keyboard.press('Enter');
  await expect.poll(() => termText(page)).toMatch(/\n\tpasted\n|\n\s+pasted\n/);
  // Without a selection, Ctrl+C is still SIGINT.
  await page.keyboard.type('sleep 100');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+c');
  await promptReady(page);
});

test('a second tab says it does not save and can take over; the first then says so', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/?lang=en');
  await promptReady(first);
  const second = await context.newPage();
  await second.goto('/?lang=en');
  await expect(second.getByTestId('other-tab')).toContainText('open in another tab', { timeout: 30_000 });
  await expect(first.getByTestId('other-tab')).toHaveCount(0);
  await second.getByTestId('take-over').click();
  await expect(second.getByTestId('other-tab')).toHaveCount(0);
  await expect(first.getByTestId('other-tab')).toContainText('took over', { timeout: 10_000 });
});

test('a broken saved state is set aside with a message, and the page works', async ({ page }) => {
  await page.goto('/?lang=en');
  await promptReady(page);
  // Write a record from a "future version" and one whose machine cannot boot, as idb-keyval stores them.
  for (const record of [
    { format: 'docker-lab-session', version: 99, savedAt: 0, machine: '{}', scrollback: '', lang: 'en' },
    { format: 'docker-lab-session', version: 1, savedAt: 0, machine: '{"snapshot":{"format":"nope"}}', scrollback: 'old screen', lang: 'en' },
  ]) {
    await page.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const idb = (globalThis as unknown as { indexedDB: { open(n: string): any } }).indexedDB;
          const open = idb.open('keyval-store');
          open.onsuccess = () => {
            const tx = open.result.transaction('keyval', 'readwrite');
            tx.objectStore('keyval').put(value, 'docker-lab.session');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      record,
    );
    await page.reload();
    await expect(page.getByTestId('keep-notice')).toContainText('could not be restored', { timeout: 30_000 });
    await promptReady(page);
    await run(page, 'echo fresh-and-working');
    expect(await termText(page)).toMatch(/\nfresh-and-working\n/);
  }
});

test('export writes the workspace to a file; import in a fresh browser brings it back', async ({ page, browser }) => {
  await page.goto('/?lang=en');
  await promptReady(page);
  await run(page, 'docker create --name exported busybox');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/^docker-lab-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto('/?lang=en');
  await promptReady(p2);
  await p2.locator('input[type=file]').setInputFiles(file);
  await expect(p2.getByTestId('keep-notice')).toContainText('Imported', { timeout: 30_000 });
  await promptReady(p2);
  await run(p2, 'docker ps -a --format "{{.Names}}"');
  expect(await termText(p2)).toMatch(/\nexported\n/);
  // A file that is not a workspace is refused with a message; the machine stays.
  await p2.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
  await expect(p2.getByTestId('keep-notice')).toContainText('Cannot import', { timeout: 10_000 });
  await p2.context().close();
});
