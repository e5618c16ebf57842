// An LSTM's gates in the browser: clicked mid-run, the feature-map panel shows its input, forget,
// candidate and output gates for the watched sample as labelled heat maps that change as it learns.
import { expect, test } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';

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
  await gates.screenshot({ path: 'test-results/screenshots/gate-maps.png' });
  await page.screenshot({ path: 'test-results/screenshots/gate-maps-page.png' });
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
