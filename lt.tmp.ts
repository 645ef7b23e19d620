import { chromium } from '@playwright/test';
import { lessonsOnDisk } from './src/tools/lesson-files';
const lesson = lessonsOnDisk().find((l) => l.id === 'dockerfile/cache-and-layers')!;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const lang of ['zh', 'en']) {
  const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
  await p.goto(`http://localhost:4199/?lang=${lang}#/lesson/${lesson.id}`);
  const steps = p.getByTestId('lesson-step');
  await steps.first().waitFor({ timeout: 60000 });
  await p.waitForFunction(() => /\$ ?$/.test((globalThis as any).__term?.text() ?? ''), null, { timeout: 60000 });
  await p.locator('.xterm-helper-textarea').focus();
  for (const [i, step] of lesson.steps.entries()) {
    for (const line of step.solution) {
      if (line.startsWith('@wait')) { await p.waitForTimeout(1000); continue; }
      await p.waitForFunction(() => /([$#>] ?)$/.test((globalThis as any).__term?.text() ?? ''), null, { timeout: 60000 }).catch(() => {});
      await p.keyboard.type(line.startsWith('@@') ? line.slice(1) : line);
      await p.keyboard.press('Enter');
    }
    await p.waitForFunction((n) => document.querySelectorAll('[data-testid=lesson-step]')[n]?.getAttribute('data-state') === 'done', i, { timeout: 90000 });
    console.log(lang, 'step', i + 1, 'done');
  }
  await p.screenshot({ path: `/tmp/cache-lesson-${lang}.png` });
  await p.close();
}
await b.close();
