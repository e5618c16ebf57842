// An LSTM's gates in the browser: clicked mid-run, the feature-map panel shows its input, forget,
// candidate and output gates for the watched sample as labelled heat maps that change as it learns,
// each, read pixel by pixel, smooth along time and different from unit to unit.
import { expect, test } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';
import { drawnShare, mean, neighbourCorrelation, readPixels, regionBrightness, standardDeviation } from './pixels.ts';

// Tall enough for the training pane to show all four maps without scrolling in the screenshot.
test.use({ viewport: { width: 1920, height: 1400 } });

test('an LSTM clicked mid-run shows its four gates as heat maps, and they change as it learns', async ({ page }) => {
  const errors = await openExample(page, 'sine-lstm');
  await page.getByTestId('setting-epochs').fill('200');
  await page.locator('[data-testid="layer-node"][data-node-id="lstm1"]').click();
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(3);
  const gates = page.getByTestId('gate-maps');
  await expect(gates).toBeVisible({ timeout: 15_000 });
  const maps = gates.getByTestId('gate-map');
  await expect(maps).toHaveCount(4);
  for (const [index, title] of ['Input gate i', 'Forget gate f', 'Cell candidate C̃', 'Output gate o'].entries()) {
    await expect(maps.nth(index)).toContainText(title);
  }
  await expect(gates).toContainText('20 steps × 32 units');
  await expect(maps.nth(1)).toContainText('previous cell state is kept');
  const pictures = () => gates.getByTestId('gate-canvas').evaluateAll((canvases) => canvases.map((canvas) => (canvas as HTMLCanvasElement).toDataURL()));
  const first = await pictures();
  expect(first).toHaveLength(4);
  await expect.poll(async () => (await pictures()).filter((picture, index) => picture !== first[index]).length, { timeout: 15_000 }).toBe(4);
  // Each map is 20 steps wide and 32 units tall, every pixel drawn. A gate follows the sine it
  // reads: smooth along time (measured 0.94 to 0.98 between neighbouring steps), while units differ
  // from each other (their rows' means spread by 8.5 to 13 of 255); noise would be near 0 and a
  // flat map would have no spread.
  for (let index = 0; index < 4; index++) {
    const pixels = await readPixels(gates.getByTestId('gate-canvas').nth(index));
    expect([pixels.width, pixels.height, drawnShare(pixels)]).toEqual([20, 32, 1]);
    const values = regionBrightness(pixels, { left: 0, top: 0, width: 20, height: 32 });
    const rows = Array.from({ length: 32 }, (_, unit) => values.slice(unit * 20, (unit + 1) * 20));
    expect(standardDeviation(values)).toBeGreaterThan(5);
    expect(neighbourCorrelation(values, 20, 32, 'across')).toBeGreaterThan(0.7);
    expect(standardDeviation(rows.map(mean))).toBeGreaterThan(3);
  }
  await gates.screenshot({ path: 'test-results/screenshots/gate-maps.png' });
  await page.screenshot({ path: 'test-results/screenshots/gate-maps-page.png' });
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
