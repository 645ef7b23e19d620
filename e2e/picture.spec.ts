import { expect, test } from '@playwright/test';
import type { E2EImage, E2ELayer, LabWindow } from './hooks';

const layer = (hex: string, size: number, createdBy: string): E2ELayer => ({
  diffId: `sha256:${hex.repeat(64).slice(0, 64)}`,
  size,
  createdBy,
});
const base = layer('a1', 7_800_000, '/bin/sh -c #(nop) ADD file:5a3b… in / ');
const mid = layer('b2', 13_300, 'RUN apk add --no-cache curl');
const appA = layer('c3', 1_200, 'COPY app.py /app/ # buildkit');
const appB = layer('d4', 45_000_000, 'RUN pip install flask');
const images: E2EImage[] = [
  { id: 'sha256:' + '1'.repeat(64), tags: ['web:1.0'], layers: [base, mid, appA], size: 7_814_500 },
  { id: 'sha256:' + '2'.repeat(64), tags: ['web:2.0', 'web:latest'], layers: [base, mid, appB], size: 52_813_300 },
  { id: 'sha256:' + '3'.repeat(64), tags: ['alpine:3.19'], layers: [base], size: 7_800_000 },
];

test('the layer picture draws shared layers once and updates', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('layers-empty')).toBeVisible();
  await page.evaluate((list) => (globalThis as unknown as LabWindow).__lab!.showImages(list), images);

  await expect(page.locator('[data-layer]')).toHaveCount(4);
  await expect(page.locator(`[data-layer="${base.diffId}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-layer="${base.diffId}"]`)).toContainText('a1a1a1a1a1a1');
  await expect(page.locator(`[data-layer="${base.diffId}"]`)).toContainText('7.8MB');
  await expect(page.locator(`[data-layer="${mid.diffId}"]`)).toContainText('13.3kB');
  await expect(page.locator('[data-image]')).toHaveCount(3);
  await expect(page.locator(`[data-image="${images[1].id}"]`)).toContainText('web:2.0, web:latest');
  await expect(page.getByTestId('layers-empty')).toHaveCount(0);

  // Bottom layer at the bottom: the base box is below the layer above it.
  const baseBox = (await page.locator(`[data-layer="${base.diffId}"]`).boundingBox())!;
  const midBox = (await page.locator(`[data-layer="${mid.diffId}"]`).boundingBox())!;
  expect(baseBox.y).toBeGreaterThan(midBox.y);
  expect(baseBox.width).toBeGreaterThan(midBox.width);

  await page.screenshot({ path: 'test-results/layers.png' });

  // Removing an image redraws without it.
  await page.evaluate((list) => (globalThis as unknown as LabWindow).__lab!.showImages(list), images.slice(0, 1));
  await expect(page.locator('[data-layer]')).toHaveCount(3);
  await expect(page.locator('[data-image]')).toHaveCount(1);
});

test('narrow screens stack the picture under the terminal', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('layers-empty')).toBeVisible();
  await page.evaluate((list) => (globalThis as unknown as LabWindow).__lab!.showImages(list), images);
  await expect(page.locator('[data-layer]')).toHaveCount(4);
  const term = (await page.getByTestId('terminal').boundingBox())!;
  const pic = (await page.getByTestId('layer-picture').boundingBox())!;
  expect(pic.y).toBeGreaterThan(term.y + term.height - 1);
  await page.screenshot({ path: 'test-results/narrow.png', fullPage: true });
});
