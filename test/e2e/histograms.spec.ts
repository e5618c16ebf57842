// The weights & gradients panel: a selected Conv2D's histograms appear while X vs O trains and
// change from one epoch to the next; a layer without parameters says so.
import { expect, test, type Locator } from '@playwright/test';
import { openExample } from './pages.ts';

/** The epoch the panel's note shows ("epoch 3 · step 120" -> 3), 0 before any. */
async function shownEpoch(panel: Locator): Promise<number> {
  const note = panel.getByTestId('histograms-note');
  if ((await note.count()) === 0) return 0;
  const match = /epoch\s+(\d+)/.exec(await note.innerText());
  return match === null ? 0 : Number(match[1]);
}

async function barsOf(panel: Locator): Promise<string[]> {
  return panel.getByTestId('histogram-bars').evaluateAll((elements) => elements.map((element) => element.innerHTML));
}

test('a selected Conv2D shows its weight and gradient histograms, changing between epochs', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  const panel = page.getByTestId('histograms');
  await page.locator('[data-testid="layer-node"][data-node-id="relu1"]').click();
  await expect(panel.getByTestId('histograms-empty')).toContainText('has no weights or biases');
  await page.locator('[data-testid="layer-node"][data-node-id="conv2d1"]').click();
  await expect(panel.getByTestId('histograms-empty')).toContainText('appear here once training runs');

  await page.getByTestId('setting-epochs').fill('400');
  await page.getByTestId('run-train').click();
  await expect(panel.getByTestId('histogram-row')).toHaveCount(2, { timeout: 30_000 });
  await expect(panel.getByTestId('histogram-row').first()).toContainText('weights');
  await expect(panel.getByTestId('histogram-row').nth(1)).toContainText('bias');
  await expect(panel.getByTestId('histogram-bars')).toHaveCount(4);
  await expect(panel.getByTestId('histogram-ridge')).toHaveCount(4);

  await expect.poll(() => shownEpoch(panel), { timeout: 30_000 }).toBeGreaterThan(1);
  const epoch = await shownEpoch(panel);
  const before = await barsOf(panel);
  await expect.poll(() => shownEpoch(panel), { timeout: 30_000 }).toBeGreaterThan(epoch);
  await expect.poll(async () => (await barsOf(panel)).some((bars, index) => bars !== before[index]), { timeout: 15_000 }).toBe(true);

  await page.getByTestId('run-pause').click();
  await expect(page.getByTestId('run-state')).toContainText(/paused/i);
  await page.waitForTimeout(500);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/screenshots/histograms.png' });
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
