// The Learn panel's labs on training dynamics: the gradient lab trains five networks in the engine
// worker and draws their gradient norms as they arrive (the SimpleRNN's reaching step 1 far below
// the LSTM's); the LSTM cell lab says to train first, then steps through a trained Sine LSTM's
// gates, cell and hidden state with the equations filled in.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, openExample, shownStep } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function openLab(page: Page, tab: string): Promise<Locator> {
  await page.getByTestId('learn-button').click();
  const panel = page.getByTestId('learn-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: tab }).click();
  return panel;
}

/** The relative norm at step 1 of a network's curve, as drawn. */
function reachOf(panel: Locator, name: string): Promise<number> {
  return panel.locator(`[data-curve="${name}"]`).evaluate((path) => Number(path.getAttribute('data-first')));
}

function stepOf(status: string): number {
  return Number(/step (\d+)/.exec(status)?.[1] ?? 0);
}

test('the gradient lab draws the norms of five networks training in the engine, the SimpleRNN\'s vanishing first', async ({ page }) => {
  const errors = await openApp(page, '?example=sine-lstm');
  const panel = await openLab(page, 'Vanishing gradients');
  const status = panel.getByTestId('gradient-status');
  await expect(status).toContainText('Training in the engine: step', { timeout: 30_000 });
  for (const name of ['SimpleRNN', 'LSTM', 'GRU', 'Sigmoid MLP', 'ReLU MLP']) await expect(panel.locator(`[data-curve="${name}"]`)).toHaveAttribute('d', /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){9,}$/);
  const firstStep = stepOf(await status.innerText());
  // The curves are redrawn as the study goes on.
  await expect.poll(async () => stepOf(await status.innerText()), { timeout: 30_000 }).toBeGreaterThan(firstStep + 20);
  const [rnn, lstm] = [await reachOf(panel, 'SimpleRNN'), await reachOf(panel, 'LSTM')];
  expect(rnn).toBeGreaterThan(0);
  expect(rnn).toBeLessThan(lstm / 100);
  const [sigmoid, relu] = [await reachOf(panel, 'Sigmoid MLP'), await reachOf(panel, 'ReLU MLP')];
  expect(sigmoid).toBeLessThan(relu / 100);
  await expect(panel.getByTestId('gradient-time-reach')).toContainText(/‖∂L\/∂x1‖ ÷ ‖∂L\/∂x30‖ now: .+ in the SimpleRNN/);
  await page.screenshot({ path: 'test-results/screenshots/learn-gradients.png' });
  await panel.getByTestId('gradient-toggle').click();
  await expect(status).toContainText(/Stopped at step \d+/);
  await expect(panel.getByTestId('gradient-toggle')).toHaveText('Train again');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the LSTM cell lab asks for training, then steps through a trained Sine LSTM with the equations filled in', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  let panel = await openLab(page, 'LSTM cell');
  await expect(panel.getByTestId('cell-problem')).toContainText('Nothing has trained yet');
  await page.screenshot({ path: 'test-results/screenshots/learn-lstm-cell-untrained.png' });
  // The lab offers the Sine LSTM example, and closes so it can be trained.
  await panel.getByRole('button', { name: 'Open the Sine LSTM example' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('document-name')).toHaveText('Sine LSTM');

  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(40);
  await page.getByTestId('run-stop').click();
  panel = await openLab(page, 'LSTM cell');
  await expect(panel.getByTestId('cell-source')).toContainText(/Sine LSTM · lstm1 · after \d+ training steps/);
  const forget = panel.getByTestId('cell-equation-forget');
  // The formula with its subscripts set, then the same with the numbers filled in.
  await expect(forget.locator('sub')).toHaveText(['t', 'f', 't', 'f', 't−1', 'f']);
  await expect(forget.locator('.learn-cell-numbers')).toHaveText(/^= σ\(−?\d\.\d{3} \+ \(?−?\d\.\d{3}\)? \+ \(?−?\d\.\d{3}\)?\) = σ\(−?\d\.\d{3}\) = 0\.\d{3}$/);
  await expect(panel.getByTestId('cell-equation-cell').locator('.learn-cell-numbers')).toHaveText(/^= 0\.\d{3} × \(?−?\d\.\d{3}\)? \+ 0\.\d{3} × \(?−?\d\.\d{3}\)? = −?\d\.\d{3}$/);
  await expect(panel.getByTestId('cell-sentence')).toContainText('At t = 1, unit 1 keeps');
  const atFirst = await forget.innerText();
  await panel.getByTestId('cell-next').click();
  await panel.getByTestId('cell-next').click();
  await expect(panel.getByTestId('cell-sentence')).toContainText('At t = 3, unit 1');
  await expect(forget).not.toHaveText(atFirst);
  const cellAtThree = await panel.getByTestId('cell-equation-cell').innerText();
  await panel.getByLabel('Unit').selectOption('4');
  await expect(panel.getByTestId('cell-sentence')).toContainText('At t = 3, unit 5');
  await expect(panel.getByTestId('cell-equation-cell')).not.toHaveText(cellAtThree);
  const unitFive = await panel.getByTestId('cell-equation-cell').innerText();
  await panel.getByLabel('Example').fill('12');
  await expect(panel.getByTestId('cell-equation-cell')).not.toHaveText(unitFive);
  await page.screenshot({ path: 'test-results/screenshots/learn-lstm-cell.png' });
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('the LSTM cell lab on a character LSTM names the token read at each step', async ({ page }) => {
  const errors = await openExample(page, 'char-lstm');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBeGreaterThan(5);
  await page.getByTestId('run-stop').click();
  const panel = await openLab(page, 'LSTM cell');
  await expect(panel.getByTestId('cell-source')).toContainText(/Character LSTM · lstm1 · after \d+ training steps/);
  await expect(panel.getByTestId('cell-diagram')).toContainText(/xt = embedding of “.”/);
  await expect(panel.getByTestId('cell-sequence').locator('.learn-symbol, .learn-symbol-now')).toHaveCount(32);
  await panel.getByTestId('cell-next').click();
  await expect(panel.getByTestId('cell-sentence')).toContainText('At t = 2, unit 1');
  await page.screenshot({ path: 'test-results/screenshots/learn-lstm-cell-tokens.png' });
  expect(errors).toEqual([]);
});
