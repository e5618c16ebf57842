// The fit between the graph and its data, checked on every edit: an Input or a last Dense that does
// not fit MNIST is marked, with its one-click fix; a new graph says it has no data to train on.
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, layerNode, openApp } from './pages.ts';

async function setNumber(page: Page, nodeId: string, name: string, value: string) {
  await layerNode(page, nodeId).locator('.layer-node-header').click();
  await page.locator(`[data-testid="param-field"][data-param="${name}"] input`).first().fill(value);
}

test('on MNIST, an Input of 32×32×1 and a last Dense of 8 units are fixed in one click each', async ({ page }) => {
  const errors = await openApp(page, '?example=mnist-mlp');
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');

  await setNumber(page, 'input1', 'height', '32');
  await setNumber(page, 'input1', 'width', '32');
  const input = layerNode(page, 'input1');
  await expect(input).toHaveClass(/has-error/);
  await expect(page.getByTestId('status-health')).toHaveText('1 error, 0 warnings');
  await input.hover();
  await expect(input.getByTestId('fix-button')).toHaveText('Set Input to 28×28×1');
  await page.screenshot({ path: 'test-results/screenshots/fix-input-shape.png' });
  await input.getByTestId('fix-button').click();
  await expect(edgeLabel(page, 'e1')).toHaveText('28×28×1');
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');

  await setNumber(page, 'dense2', 'units', '8');
  const dense = layerNode(page, 'dense2');
  await expect(dense).toHaveClass(/has-error/);
  await dense.hover();
  await expect(dense.getByTestId('fix-button')).toHaveText('Set units to 10');
  await dense.getByTestId('fix-button').click();
  await expect(edgeLabel(page, 'e5')).toHaveText('10');
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  expect(errors).toEqual([]);
});

test('a new graph names no dataset: the inspector says "Choose a dataset" and the problem says it cannot train yet', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByTestId('layer-node')).toHaveCount(1);
  await expect(page.getByTestId('inspector-dataset')).toHaveText('Choose a dataset');
  await expect(page.getByTestId('inspector-overview')).toContainText('The graph names no dataset, so it cannot train yet.');
  await page.screenshot({ path: 'test-results/screenshots/no-dataset.png' });
  await page.getByTestId('inspector-dataset').getByRole('button', { name: 'Choose a dataset' }).click();
  await expect(page.getByTestId('dataset-panel')).toBeVisible();
  expect(errors).toEqual([]);
});
