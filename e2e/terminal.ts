/**
 * What every spec does with the page's terminal: read it (through the test hook of
 * src/ui/testhooks.ts), type a line, wait for the host prompt, and fail on uncaught page errors.
 */
import { expect, test, type Page } from '@playwright/test';
import type { LabWindow } from './hooks';

/** The terminal's buffer as text. */
export function termText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as LabWindow).__term?.text() ?? '');
}

/** Focus the terminal, type `line` and press Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Wait until the learner's host prompt ends the screen. */
export async function promptReady(page: Page, timeout = 30_000): Promise<void> {
  await expect.poll(() => termText(page), { timeout }).toMatch(/learner@docker-lab:~\$ ?$/);
}

/** Type a command and wait until the host prompt is back after its output. */
export async function run(page: Page, line: string, timeout = 30_000): Promise<void> {
  const before = (await termText(page)).length;
  await typeLine(page, line);
  await expect.poll(async () => (await termText(page)).slice(before), { timeout }).toMatch(/\n[^\n]*learner@docker-lab:~\$ ?$/);
}

/** Each test starts on a fresh page with a prompt on screen (the worker booted, a session open). */
export function openAtPrompt(): void {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/\$ ?$/);
  });
}

/** Fail a test whose page threw an uncaught error. */
export function failOnPageErrors(): void {
  let pageErrors: string[] = [];
  test.beforeEach(({ page }) => {
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  test.afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
}
