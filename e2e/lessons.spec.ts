import { expect, test, type Page } from '@playwright/test';
import { failOnPageErrors, termText, typeLine as typeInTerminal } from './terminal';

const steps = (page: Page) => page.getByTestId('lesson-step');

failOnPageErrors();

test('basics/hello-world completed by typing, with a hint and "show solution"', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/lesson/basics/hello-world');
  await expect(page.getByTestId('lesson-title')).toHaveText('你好，Docker', { timeout: 20_000 });
  await expect(steps(page)).toHaveCount(4);
  await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'current');
  await expect.poll(() => termText(page), { timeout: 15_000 }).toMatch(/\$ ?$/);
  const cond = page.getByTestId('lesson-condition').first();
  await expect(cond).toHaveAttribute('data-met', 'false');

  await typeInTerminal(page, 'docker version');
  await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'current');

  // A wrong try leaves the step open; its condition says what is missing.
  await typeInTerminal(page, 'docker pull hello-world');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toContain('Status: Downloaded newer image for hello-world:latest');
  await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'current');
  await expect(page.getByTestId('lesson-condition').first()).toHaveAttribute('data-met', 'false');

  // Hints come one at a time.
  await page.getByTestId('lesson-hint').click();
  await expect(page.getByTestId('lesson-hint-text')).toHaveCount(1);
  await page.getByTestId('lesson-hint').click();
  await expect(page.getByTestId('lesson-hint-text')).toHaveCount(2);

  // "Show solution" types the solution into the terminal, visibly.
  await page.getByTestId('lesson-solve').click();
  await expect.poll(() => termText(page), { timeout: 15_000 }).toContain('Hello from Docker!');
  await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  // What happened inside, computed from the engine: the container's ID and exit.
  await expect(page.getByTestId('lesson-fact').first()).toContainText('hello-world');

  await typeInTerminal(page, 'docker image ls');
  await expect(steps(page).nth(2)).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  await typeInTerminal(page, 'docker container ls --all');
  await expect(steps(page).nth(3)).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  await expect(page.getByTestId('lesson-finished')).toBeVisible();
});

test('a lesson opens from its address in English at a given step', async ({ page }) => {
  await page.goto('/?lang=en#/lesson/basics/hello-world/3');
  await expect(page.getByTestId('lesson-title')).toHaveText('Hello, Docker', { timeout: 20_000 });
  await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'done');
  await expect(steps(page).nth(2)).toHaveAttribute('data-state', 'current');
  await expect(page.getByTestId('lesson-condition').first()).toHaveText(/docker images.*not run yet/);
  // The machine is step 3's: the hello-world container from step 2 is there.
  await expect.poll(() => termText(page), { timeout: 15_000 }).toMatch(/\$ ?$/);
  await typeInTerminal(page, 'docker ps -a');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/hello-world\s+"\/hello"/);
});

test('a first visit offers the first lesson; the sandbox is one click away', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('lesson-start')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('sandbox').click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await page.getByTestId('lessons-open').click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
});

test('layers/commit completed by typing: a container changed, committed, run', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?lang=en#/lesson/layers/commit');
  await expect(page.getByTestId('lesson-title')).toBeVisible({ timeout: 30_000 });
  await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'current', { timeout: 30_000 });
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/\$ ?$/);
  // A wrong try first: a tag copies ubuntu, it installs nothing.
  await typeInTerminal(page, 'docker tag ubuntu cowsay:v1');
  await expect.poll(() => termText(page), { timeout: 10_000 }).toMatch(/cowsay:v1\s*\n.*\$ ?$/);
  await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'current');
  await typeInTerminal(page, 'docker rmi cowsay:v1');

  await typeInTerminal(page, 'docker run -it --name cowsay --hostname cowsay ubuntu bash');
  await expect.poll(() => termText(page), { timeout: 20_000 }).toMatch(/root@cowsay:\/# ?$/);
  await typeInTerminal(page, 'apt-get update');
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/Reading package lists\.\.\. Done\s*\n.*root@cowsay:\/# ?$/);
  await typeInTerminal(page, 'apt-get install -y cowsay');
  await expect.poll(() => termText(page), { timeout: 30_000 }).toMatch(/root@cowsay:\/# ?$/);
  await typeInTerminal(page, 'exit');
  await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });

  await typeInTerminal(page, 'docker diff cowsay');
  await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  // The rest by "show solution", one step at a time.
  for (const i of [2, 3, 4]) {
    await page.getByTestId('lesson-solve').click();
    await expect(steps(page).nth(i)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  }
  await expect(page.getByTestId('lesson-finished')).toBeVisible();
  await expect.poll(() => termText(page)).toContain('Hello from my image');
});
