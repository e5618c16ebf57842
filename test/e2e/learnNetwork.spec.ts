// The Learn panel on the user's own network: the X-vs-O tour before and after training (the votes
// favour X for the X), the convolution lab "in my network" (a window's products and bias add up to
// the engine's output cell), and the activation lab's histogram of a ReLU's inputs with its dead units.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openExample } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function openLearn(page: Page, tab: string): Promise<Locator> {
  await page.getByTestId('learn-button').click();
  const panel = page.getByTestId('learn-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: tab }).click();
  return panel;
}

function percentOf(text: string): number {
  return Number(text.replace('%', ''));
}

test('the X versus O tour walks an X and an O through the untrained and then the trained network', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  const panel = await openLearn(page, 'X versus O');
  await expect(panel.getByTestId('tour-weights')).toContainText('Untrained: these are the network\'s random initial weights.');
  await expect(panel.getByTestId('tour-weights')).toContainText('X #0 and O #1');
  await expect(panel.getByTestId('tour-title')).toHaveText('One X and one O');
  await expect(panel.getByTestId('tour-step-examples').locator('figure')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/learn-xo-examples.png' });
  await panel.getByTestId('tour-next').click();
  await expect(panel.getByTestId('tour-sentence')).toContainText('These 4 filters are untrained');
  await page.screenshot({ path: 'test-results/screenshots/learn-xo-untrained.png' });

  await panel.getByTestId('tour-train').click();
  await expect(panel.getByTestId('tour-weights')).toContainText(/Learned weights after \d+ training steps/, { timeout: 60_000 });
  await expect(panel.getByTestId('tour-weights')).not.toContainText('training:', { timeout: 60_000 });
  await expect(panel.getByTestId('tour-weights')).toContainText('Learned weights after 125 training steps');
  await expect(panel.getByTestId('tour-sentence')).toContainText('After 125 training steps these 4 3×3 filters');
  await expect(panel.getByTestId('tour-step-filters').locator('figure')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screenshots/learn-xo-filters.png' });

  await panel.getByTestId('tour-next').click();
  await expect(panel.getByTestId('tour-title')).toHaveText('Feature maps after the convolution');
  await expect(panel.getByTestId('tour-step-convolution').locator('figure')).toHaveCount(10);
  await page.screenshot({ path: 'test-results/screenshots/learn-xo-convolution.png' });
  await panel.getByTestId('tour-next').click();
  await expect(panel.getByTestId('tour-sentence')).toContainText(/it zeroed \d+ of 196 values for the X and \d+ of 196 for the O/);
  // After ReLU no value is negative: no red cell's title starts with a minus.
  await expect(panel.getByTestId('tour-step-activation').locator('[title^="-"]')).toHaveCount(0);
  await panel.getByTestId('tour-next').click();
  await expect(panel.getByTestId('tour-sentence')).toContainText('the 7×7 maps shrink to 3×3');
  await expect(panel.getByTestId('tour-step-pooling').locator('figure').nth(1).locator('span')).toHaveCount(9);
  await page.screenshot({ path: 'test-results/screenshots/learn-xo-pooling.png' });
  await panel.getByTestId('tour-next').click();
  await expect(panel.getByTestId('tour-title')).toHaveText('The votes');
  const xForX = percentOf(await panel.getByTestId('tour-probability-0-0').innerText());
  const oForO = percentOf(await panel.getByTestId('tour-probability-1-1').innerText());
  expect(xForX).toBeGreaterThan(50);
  expect(oForO).toBeGreaterThan(50);
  await expect(panel.getByTestId('tour-sentence')).toContainText(`the X gets ${Math.round(xForX)}% X`);
  // The X's votes for X (four filters and the bias) add up to the engine's score, to the table's rounding.
  const column = await panel.getByTestId('tour-votes-0').locator('tbody tr td:nth-child(2)').allInnerTexts();
  const [filter1, filter2, filter3, filter4, bias, score] = column.map(Number);
  expect(Math.abs(filter1 + filter2 + filter3 + filter4 + bias - score)).toBeLessThan(0.03);
  await page.screenshot({ path: 'test-results/screenshots/learn-xo-votes.png' });
  expect(errors).toEqual([]);
});

test('the convolution lab in my network adds a real window up to the engine\'s output; the ReLU\'s inputs show as a histogram', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/finished|done/i, { timeout: 60_000 });
  const panel = await openLearn(page, 'Convolution');
  await panel.getByTestId('conv-mode-network').click();
  await expect(panel.getByTestId('netconv-weights')).toContainText('Learned weights after 125 training steps · dataset example 0 (class X), as it reaches this layer from input1');
  await panel.getByRole('combobox', { name: 'Filter', exact: true }).selectOption('2');
  for (let step = 0; step < 10; step++) await panel.getByTestId('netconv-next').click();
  await expect(panel.getByTestId('netconv-equation')).toContainText('Output row 2, column 4:');
  const products = (await panel.getByTestId('netconv-products').innerText()).split('=')[0].split('+').map((term) => term.split('×').map(Number));
  expect(products).toHaveLength(9);
  const bias = Number(/bias (-?[\d.]+)/.exec(await panel.getByTestId('netconv-total').innerText())?.[1]);
  const sum = products.reduce((total, [value, weight]) => total + value * weight, bias);
  const output = Number(await panel.getByTestId('netconv-output').locator('[data-cell="1,3"]').getAttribute('title'));
  expect(Math.abs(sum - output)).toBeLessThan(1e-3);
  await expect(panel.getByTestId('netconv-check')).toContainText('✓ the same');
  await page.screenshot({ path: 'test-results/screenshots/learn-conv-network.png' });

  await panel.getByRole('tab', { name: 'Activation functions' }).click();
  await panel.getByLabel('Layer of my network').selectOption('relu1');
  await expect(panel.getByRole('radio', { name: 'ReLU', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(panel.getByTestId('activation-histogram').locator('rect')).toHaveCount(48);
  await expect(panel.getByTestId('activation-overlay')).toContainText('The grey bars: where the inputs of relu1 (the outputs of conv2d1) fell for the 32 examples of the batch at step 125');
  await expect(panel.getByTestId('activation-share').first()).toContainText(/Dead units: \d+ of 196 \((under )?[\d.]+%\)/);
  await expect(panel.getByTestId('activation-share').nth(1)).toContainText(/Inputs where the gradient is zero: [\d.]+%/);
  await page.screenshot({ path: 'test-results/screenshots/learn-activation-network.png' });
  expect(errors).toEqual([]);
});

test('the convolution lab in an untrained LeNet-5 says its weights are initial and still adds up over six channels', async ({ page }) => {
  const errors = await openExample(page, 'lenet5');
  const panel = await openLearn(page, 'Convolution');
  await panel.getByTestId('conv-mode-network').click();
  await panel.getByRole('combobox', { name: 'Layer' }).selectOption('conv2d2');
  await expect(panel.getByTestId('netconv-weights')).toContainText('Initial weights: this graph has not trained yet, so the filter is random.', { timeout: 30_000 });
  await expect(panel.getByTestId('netconv-weights')).toContainText('as it reaches this layer from avgpool2d1');
  await panel.getByRole('combobox', { name: 'Input channel' }).selectOption({ label: '4' });
  await panel.getByTestId('netconv-scrub').fill('27');
  // 14×14 in, 5×5 valid: a 10×10 output; step 28 is row 3, column 8.
  await expect(panel.getByTestId('netconv-equation')).toContainText('Output row 3, column 8:');
  await expect(panel.getByTestId('netconv-products')).toContainText('channel 4: ');
  await expect(panel.getByTestId('netconv-equation')).toContainText('sum over the 6 channels');
  await expect(panel.getByTestId('netconv-check')).toContainText('✓ the same');
  await page.screenshot({ path: 'test-results/screenshots/learn-conv-lenet.png' });
  expect(errors).toEqual([]);
});

test('a ReLU\'s inspector opens the activation lab on that layer, whose histogram follows the run as it trains', async ({ page }) => {
  const errors = await openExample(page, 'lenet5');
  await page.locator('[data-testid="layer-node"][data-node-id="relu1"] .layer-node-header').click();
  await page.getByTestId('inspector-learn').click();
  const panel = page.getByTestId('learn-panel');
  await expect(panel.getByRole('combobox', { name: 'Layer of my network' })).toHaveValue('relu1');
  await expect(panel.getByTestId('activation-network')).toContainText('Nothing has trained yet: press Train, and the histogram follows the run.');
  await panel.getByTestId('activation-train').click();
  const overlay = panel.getByTestId('activation-overlay');
  await expect(overlay).toContainText('updating as it trains', { timeout: 60_000 });
  const stepOf = async () => Number(/at step (\d+)/.exec(await overlay.innerText())?.[1]);
  const first = await stepOf();
  await expect.poll(stepOf, { timeout: 30_000 }).toBeGreaterThan(first);
  await expect(panel.getByTestId('activation-share').first()).toContainText(/Dead units: \d+ of 4704/);
  await page.screenshot({ path: 'test-results/screenshots/learn-activation-training.png' });
  await page.keyboard.press('Escape');
  // The lab's Train is the dock's run: the dock follows it to its end.
  await expect(page.getByTestId('run-state')).toContainText(/finished/i, { timeout: 60_000 });
  expect(errors).toEqual([]);
});
