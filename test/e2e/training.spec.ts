// Training in the browser: the engine runs in a Web Worker; the dashboard shows the loss falling,
// the progress moving, pause/step/resume/stop, and a clicked layer's feature maps changing.
import { expect, test, type Page } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';

async function legendValue(page: Page, label: string): Promise<number> {
  const item = page.locator('.chart-legend li', { hasText: new RegExp(`^${label}(?![a-z (])`) }).first();
  return Number(await item.locator('.legend-value').innerText());
}

test('X vs O trains live: the loss falls, progress moves, pause holds, step steps, resume goes on, stop ends', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  await page.getByTestId('setting-epochs').fill('400');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(5);
  const earlyLoss = await legendValue(page, 'loss');
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(150);
  expect(await legendValue(page, 'loss')).toBeLessThan(earlyLoss);
  await page.getByTestId('run-pause').click();
  await expect(page.getByTestId('run-state')).toContainText(/paused/i);
  await page.waitForTimeout(300);
  const paused = await shownStep(page);
  await page.waitForTimeout(1000);
  expect(await shownStep(page)).toBe(paused);
  await page.getByTestId('run-step').click();
  await expect.poll(() => shownStep(page)).toBe(paused + 1);
  await page.getByTestId('run-resume').click();
  await expect.poll(() => shownStep(page), { timeout: 10_000 }).toBeGreaterThan(paused + 20);
  await page.getByTestId('run-stop').click();
  await expect(page.getByTestId('run-state')).toContainText(/stopped|finished|done/i, { timeout: 10_000 });
  const stopped = await shownStep(page);
  await page.waitForTimeout(800);
  expect(await shownStep(page)).toBe(stopped);
  await page.screenshot({ path: 'test-results/screenshots/training.png' });
  expect(errors).toEqual([]);
});

test('a Conv2D clicked mid-run shows one map per filter, and the maps change as it learns', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  await page.getByTestId('setting-epochs').fill('400');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(3);
  await page.locator('[data-testid="layer-node"][data-node-id="conv2d1"]').click();
  const maps = page.getByTestId('feature-maps');
  await expect(maps).toContainText('7×7×4 (4 channels)', { timeout: 15_000 });
  const canvas = maps.getByTestId('feature-canvas');
  await expect(canvas).toBeVisible();
  const first = await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
  await expect.poll(async () => (await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL())) !== first, { timeout: 15_000 }).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/feature-maps.png' });
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
