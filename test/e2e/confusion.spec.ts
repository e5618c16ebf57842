// A classifier's confusion cells open their examples: X vs O trains two epochs, a nonzero cell
// lists exactly its count of examples with the right labels, Escape closes it, and the most-wrong
// list fills in. Text models offer a sampling temperature; other models do not.
import { expect, test } from '@playwright/test';
import { openExample } from './pages.ts';

const NAMES = ['X', 'O'];

test('X vs O: a confusion cell shows its examples with their labels, and the most wrong are listed', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  await expect(page.getByTestId('setting-temperature')).toHaveCount(0);
  await page.getByTestId('setting-epochs').fill('2');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/finished/i, { timeout: 60_000 });
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toContainText('epoch 2');

  const mostWrong = page.getByTestId('most-wrong');
  await expect(mostWrong.getByTestId('example-card')).toHaveCount(12, { timeout: 15_000 });
  await expect(mostWrong).toContainText('among 200');
  await expect(matrix.locator('.confusion-head').first()).toHaveText('X');

  const cells = await matrix.getByTestId('confusion-cell').evaluateAll((buttons) =>
    buttons.map((button) => ({ truth: Number(button.dataset.truth), predicted: Number(button.dataset.predicted), count: Number(button.textContent) })),
  );
  expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(200);
  const nonzero = cells.filter((cell) => cell.count > 0);
  const chosen = nonzero.find((cell) => cell.truth !== cell.predicted) ?? nonzero[0];
  const cell = matrix.locator(`[data-testid="confusion-cell"][data-truth="${chosen.truth}"][data-predicted="${chosen.predicted}"]`);
  await cell.click();

  const panel = page.getByTestId('confusion-examples');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading')).toHaveText(`True ${NAMES[chosen.truth]}, predicted ${NAMES[chosen.predicted]}`);
  const shown = Math.min(32, chosen.count);
  await expect(panel.getByTestId('example-card')).toHaveCount(shown);
  await expect(panel.getByTestId('confusion-examples-caption')).toHaveText(new RegExp(`^${chosen.count} examples?`));
  await expect(panel.getByTestId('confusion-examples-caption')).not.toContainText('matrix counted');
  expect(new Set(await panel.getByTestId('example-truth').allInnerTexts())).toEqual(new Set([NAMES[chosen.truth]]));
  expect(new Set(await panel.getByTestId('example-predicted').allInnerTexts())).toEqual(new Set([NAMES[chosen.predicted]]));
  const confidences = (await panel.getByTestId('example-confidence').allInnerTexts()).map((text) => Number.parseFloat(text));
  expect(confidences.every((value) => value >= 50 && value <= 100)).toBe(true);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  await expect(panel.locator('canvas').first()).toBeVisible();
  await expect(panel.getByTestId('confusion-examples-close')).toBeFocused();

  await page.getByTestId('task-views').screenshot({ path: 'test-results/screenshots/confusion-views.png' });
  await panel.screenshot({ path: 'test-results/screenshots/confusion-examples.png' });
  await mostWrong.screenshot({ path: 'test-results/screenshots/most-wrong.png' });

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(cell).toBeFocused();
  // Keyboard: move to another cell with the arrows, open it with Enter.
  await page.keyboard.press(chosen.predicted === 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('confusion-examples')).toBeVisible();
  await expect(page.getByTestId('confusion-examples').getByRole('heading')).toHaveText(`True ${NAMES[chosen.truth]}, predicted ${NAMES[1 - chosen.predicted]}`);
  await page.getByTestId('confusion-examples-close').click();
  await expect(page.getByTestId('confusion-examples')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a text model offers a range-checked temperature that its generated text uses', async ({ page }) => {
  const errors = await openExample(page, 'char-lstm');
  const temperature = page.getByTestId('setting-temperature');
  await expect(temperature).toHaveValue('0.8');
  await temperature.fill('0');
  await expect(temperature).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('run-train')).toBeDisabled();
  await temperature.fill('0.3');
  await expect(temperature).toHaveAttribute('aria-invalid', 'false');
  await page.getByTestId('setting-epochs').fill('1');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('text-samples')).toContainText('temperature 0.3', { timeout: 60_000 });
  await page.getByTestId('run-controls').screenshot({ path: 'test-results/screenshots/temperature-setting.png' });
  expect(errors).toEqual([]);
});
