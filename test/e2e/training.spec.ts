// Training in the browser: the engine runs in a Web Worker; the dashboard shows the loss falling,
// the progress moving, pause/step/resume/stop, and a clicked Conv2D's feature maps: read back
// pixel by pixel, they show shapes, and they change.
import { expect, test, type Page } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';
import { drawnShare, mean, neighbourCorrelation, readPixels, standardDeviation, tileBrightness, tileRegions } from './pixels.ts';

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

test('a Conv2D clicked mid-run shows one map per filter, each showing a digit in strokes, and the maps change as it learns', async ({ page }) => {
  const errors = await openExample(page, 'lenet5');
  await page.getByTestId('setting-epochs').fill('5');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(3);
  await page.locator('[data-testid="layer-node"][data-node-id="conv2d1"]').click();
  const maps = page.getByTestId('feature-maps');
  await expect(maps).toContainText('28×28×6 (6 channels)', { timeout: 15_000 });
  const canvas = maps.getByTestId('feature-canvas');
  await expect(canvas).toBeVisible();
  const first = await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
  // Six 28×28 maps, three across, 1 px apart.
  const pixels = await readPixels(canvas);
  expect([pixels.width, pixels.height]).toEqual([3 * 28 + 2, 2 * 28 + 1]);
  expect(drawnShare(pixels)).toBeCloseTo((6 * 28 * 28) / (86 * 57), 6);
  // Each filter's map of a digit has contrast and shapes: neighbouring pixels alike, as along a
  // stroke (measured: 0.37 to 0.93, mean 0.7 in the first steps), where noise would give about 0.
  const channels = tileBrightness(pixels, tileRegions(6, 28, 28, 1));
  const smoothness = channels.map((channel) => (neighbourCorrelation(channel, 28, 28, 'across') + neighbourCorrelation(channel, 28, 28, 'down')) / 2);
  for (const channel of channels) expect(standardDeviation(channel)).toBeGreaterThan(15);
  expect(Math.min(...smoothness)).toBeGreaterThan(0.3);
  expect(mean(smoothness)).toBeGreaterThan(0.5);
  await expect.poll(async () => (await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL())) !== first, { timeout: 15_000 }).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/feature-maps.png' });
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
