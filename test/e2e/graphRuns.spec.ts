// Results belong to their graph, and long runs show something within seconds: after X vs O
// trains, LeNet opens to an empty dock with its own parameter count; switching examples during a
// run asks first (Cancel keeps the run going; Stop and open gives a clean dock that stays clean);
// the DCGAN's first samples appear within 15 s of Train. Screenshots at 1440×900.
import { expect, test, type Page } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function stat(page: Page, label: string): Promise<string> {
  const item = page.getByTestId('progress-panel').locator('.stat', { has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) });
  return item.locator('.stat-value').innerText();
}

/** The dock as a graph never trained shows it. */
async function expectCleanDock(page: Page, parameters: string): Promise<void> {
  await expect(page.getByTestId('run-state')).toHaveText('Ready to train');
  expect(await stat(page, 'Step')).toBe('—');
  expect(await stat(page, 'Epoch')).toBe('—');
  expect(await stat(page, 'Parameters')).toBe(parameters);
  await expect(page.locator('.chart-empty')).toBeVisible();
  await expect(page.locator('.chart-legend li')).toHaveCount(0);
  await expect(page.getByTestId('task-views')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toHaveCount(0);
}

test('after X vs O trains, LeNet opens to an empty dock showing its own parameter count', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  await page.locator('[data-testid="layer-node"][data-node-id="conv2d1"]').click();
  await page.getByTestId('setting-epochs').fill('20');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/Finished: \d+ steps/, { timeout: 30_000 });
  expect(await stat(page, 'Parameters')).toBe('114');
  await expect(page.getByTestId('feature-maps')).toBeVisible();
  await page.getByLabel('Open an example').selectOption('lenet5');
  await expect(page.locator('[data-testid="layer-node"][data-node-id="conv2d2"]')).toBeVisible();
  await expectCleanDock(page, '61.7k');
  // Nothing selected, nothing inspected: the selection stayed with X vs O.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await expect(page.getByTestId('feature-maps')).not.toContainText('conv2d1');
  await page.screenshot({ path: 'test-results/screenshots/graph-runs-lenet-after-xo.png' });
  // Back on X vs O, its run is there, faint, as the one previous run.
  await page.getByLabel('Open an example').selectOption('xo-cnn');
  await expect(page.locator('.chart-legend li.legend-previous')).toHaveText(['Run 1 loss']);
  expect(errors).toEqual([]);
});

test('switching examples during a run asks first; Stop and open gives a clean dock that stays clean', async ({ page }) => {
  const errors = await openExample(page, 'mnist-mlp');
  await page.getByTestId('setting-epochs').fill('50');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBeGreaterThan(5);
  const dialog = page.getByTestId('stop-run-dialog');
  // Cancel: the graph and its run stay.
  await page.getByLabel('Open an example').selectOption('sine-lstm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“MNIST MLP” is training');
  await page.getByTestId('stop-run-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveTitle(/^MNIST MLP/);
  const before = await shownStep(page);
  await expect.poll(() => shownStep(page), { timeout: 20_000 }).toBeGreaterThan(before);
  // Stop and open: Sine LSTM, with a dock of its own.
  await page.getByLabel('Open an example').selectOption('sine-lstm');
  await page.getByTestId('stop-run-confirm').click();
  await expect(page).toHaveTitle(/^Sine LSTM/);
  await expectCleanDock(page, '4.4k');
  await expect(page.getByTestId('setting-epochs')).toHaveValue('10');
  await page.waitForTimeout(1500);
  await expectCleanDock(page, '4.4k');
  await expect(page.getByTestId('run-train')).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/graph-runs-switched-during-run.png' });
  expect(errors).toEqual([]);
});

test('the DCGAN\u2019s first samples appear within 15 s of Train, and refresh mid-epoch', async ({ page }) => {
  const errors = await openExample(page, 'dcgan-mnist');
  const pressed = Date.now();
  await page.getByTestId('run-train').click();
  const samples = page.getByTestId('sample-grid');
  await expect(samples).toBeVisible({ timeout: 15_000 });
  const seconds = (Date.now() - pressed) / 1000;
  console.log(`DCGAN: first samples ${seconds.toFixed(1)} s after Train`);
  await expect(samples).toContainText(/epoch 1 · step \d+/);
  const canvas = samples.locator('canvas');
  const first = await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
  await samples.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/graph-runs-dcgan-early.png' });
  // A new draw within a few seconds more, still in the first epoch.
  await expect.poll(async () => (await canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL())) !== first, { timeout: 15_000 }).toBe(true);
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
