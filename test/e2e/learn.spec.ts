// The Learn panel: the convolution lab's worked example (429 at the top-left, 139 with padding 1,
// a stride that does not fit refused with its reason), pooling forward and backward, activation
// functions with their regions; opened from the start page and from a layer's inspector.
import { expect, test, type Page } from '@playwright/test';
import { layerNode, openApp } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function openLearnFromStart(page: Page) {
  await page.getByTestId('home').click();
  await page.getByTestId('start-learn').click();
  const panel = page.getByTestId('learn-panel');
  await expect(panel).toBeVisible();
  return panel;
}

test('the convolution lab steps through the worked example and evaluates the output size', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const panel = await openLearnFromStart(page);
  await expect(panel.getByTestId('conv-formula')).toHaveText('Output size: (6 − 3 + 2·0) / 1 + 1 = 4');
  await expect(panel.getByTestId('conv-equation')).toContainText('18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429');
  await expect(panel.getByTestId('grid-Output').locator('span').first()).toHaveText('429');
  await panel.getByTestId('conv-next').click();
  await expect(panel.getByTestId('conv-equation')).toContainText(`= ${54 + 239 + 75 + 24 + 113}`);
  await page.screenshot({ path: 'test-results/screenshots/learn-convolution.png' });

  await panel.getByLabel('Padding').selectOption('1');
  await expect(panel.getByTestId('conv-formula')).toHaveText('Output size: (6 − 3 + 2·1) / 1 + 1 = 6');
  await panel.getByTestId('conv-scrub').fill('0');
  await expect(panel.getByTestId('conv-equation')).toContainText('= 139');

  await panel.getByLabel('Padding').selectOption('0');
  await panel.getByLabel('Stride').selectOption('2');
  await expect(panel.getByTestId('conv-formula')).toContainText('3 / 2 is not a whole number');
  await expect(panel.getByTestId('conv-equation')).toHaveCount(0);

  await panel.getByLabel('Stride').selectOption('1');
  await panel.getByLabel('Input channels').selectOption('3');
  await panel.getByLabel('Filters').selectOption('2');
  await expect(panel.getByTestId('conv-equation')).toContainText('channel 3:');
  await expect(panel.getByTestId('conv-equation')).toContainText('sum over the channels =');
  await expect(panel.getByTestId('grid-Output of filter 2')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/learn-convolution-stack.png' });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the pooling lab max-pools the worked map and sends gradients only to the winners', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const panel = await openLearnFromStart(page);
  await panel.getByRole('tab', { name: 'Pooling' }).click();
  await expect(panel.getByTestId('pool-equation')).toHaveText('max(429, 505, 261, 792) = 792');
  await panel.getByTestId('pool-scrub').fill('3');
  await expect(panel.getByTestId('grid-Pooled (2×2)').locator('span')).toHaveText(['792', '856', '913', '851']);
  await page.screenshot({ path: 'test-results/screenshots/learn-pooling.png' });
  await panel.getByRole('radio', { name: 'Backward (gradients)' }).click();
  await expect(panel.getByTestId('grid-Gradient reaching the feature map').locator('span')).toHaveText(['0', '0', '0', '2', '0', '1', '0', '0', '0', '0', '4', '0', '0', '3', '0', '0']);
  await panel.getByRole('radio', { name: 'Average pooling' }).click();
  await expect(panel.getByTestId('pool-backward-note')).toContainText('shares each gradient equally');
  expect(errors).toEqual([]);
});

test('the activation lab marks where sigmoid vanishes and ReLU is zero; a layer opens its lab', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const panel = await openLearnFromStart(page);
  await panel.getByRole('tab', { name: 'Activation functions' }).click();
  await expect(panel.getByTestId('activation-regions')).toHaveText('Gradient: vanishing (below 0.05) on [-6, -2.89]; vanishing (below 0.05) on [2.89, 6]');
  await expect(panel.locator('[data-region="vanishing"]')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/learn-activations.png' });
  await panel.getByRole('radio', { name: 'ReLU', exact: true }).click();
  await expect(panel.getByTestId('activation-regions')).toHaveText('Gradient: zero on [-6, 0]');
  await panel.getByRole('button', { name: 'Done' }).click();
  await page.getByTitle('Back to the graph (Esc)').click();
  await layerNode(page, 'maxpool2d1').locator('.layer-node-header').click();
  await page.getByTestId('inspector-learn').click();
  await expect(page.getByTestId('learn-panel').getByRole('tab', { name: 'Pooling' })).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});
