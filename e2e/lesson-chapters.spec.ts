import { expect, test, type Page } from '@playwright/test';
import { lessonsOnDisk } from '../src/tools/lesson-files';
import { failOnPageErrors, termText } from './terminal';

/**
 * One lesson of each chapter completed in Chromium by typing its reference solution with the
 * keyboard, line by line, as a learner would: every step must turn done on the page. (basics and
 * layers are covered, with wrong tries and hints, by lessons.spec.ts.)
 */
const CHOSEN = [
  'images/image-commands',
  'containers/interactive',
  'volumes/bind-mounts',
  'dockerfile/first-build',
  'network/ports',
  'registry/save-load',
  'internals/namespaces',
  'compose/first-app',
];

const lessons = lessonsOnDisk();

/** Wait until the terminal shows a prompt (shell, PS2, a y/N question), or give up quietly. */
async function prompt(page: Page): Promise<void> {
  await expect
    .poll(() => termText(page), { timeout: 30_000, intervals: [100, 200, 300] })
    .toMatch(/([$#>\]] ?|\?\s?)$/)
    .catch(() => {});
}

const KEYS: Record<string, string> = { 'C-c': 'Control+c', 'C-d': 'Control+d', 'C-p': 'Control+p', 'C-q': 'Control+q', Tab: 'Tab', Enter: 'Enter' };

async function typeLine(page: Page, line: string): Promise<void> {
  if (line.startsWith('@keys ')) {
    for (const m of line.slice(6).matchAll(/<([^<>]+)>|([^<]+)/g)) {
      if (m[1]) await page.keyboard.press(KEYS[m[1]] ?? m[1]);
      else await page.keyboard.type(m[2]!);
    }
    await page.waitForTimeout(300);
    return;
  }
  if (line.startsWith('@wait ')) {
    await page.waitForTimeout(Math.min(3000, parseFloat(line.slice(6)) * 1000));
    return;
  }
  await prompt(page);
  await page.keyboard.type(line.startsWith('@@') ? line.slice(1) : line);
  await page.keyboard.press('Enter');
}

failOnPageErrors();

for (const id of CHOSEN) {
  test(`${id}: completed by typing its solution`, async ({ page }) => {
    test.setTimeout(240_000);
    const lesson = lessons.find((l) => l.id === id)!;
    expect(lesson, id).toBeTruthy();
    await page.goto(`/?lang=en#/lesson/${id}`);
    const steps = page.getByTestId('lesson-step');
    await expect(steps.first()).toHaveAttribute('data-state', 'current', { timeout: 60_000 });
    await page.locator('.xterm-helper-textarea').focus();
    for (const [i, step] of lesson.steps.entries()) {
      for (const line of step.solution) await typeLine(page, line);
      await expect(steps.nth(i), `${id} step ${i + 1}`).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    }
    await expect(page.getByTestId('lesson-finished')).toBeVisible();
  });
}
