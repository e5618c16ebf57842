// The app opens on the X-vs-O CNN, shows its layers and the shapes between them, inspects a
// clicked layer, shows the document as JSON, and marks a broken graph red.
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, layerCount, layerNode } from './pages.ts';

/** Opens the app; the returned list collects uncaught exceptions and console errors from then on. */
async function openApp(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`/${query}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
  expect(errors).toEqual([]);
  return errors;
}

test('opens on the X-vs-O CNN with every layer and the shapes between them', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('document-name')).toHaveText('X vs O CNN');
  await expect(page.getByTestId('layer-node')).toHaveCount(7);
  for (const type of ['Input', 'Conv2D', 'ReLU', 'MaxPool2D', 'Flatten', 'Dense', 'SoftmaxCrossEntropy']) {
    await expect(page.locator('.layer-node-type', { hasText: new RegExp(`^${type}$`) })).toHaveCount(1);
  }
  // 9×9×1 through a 3×3 valid convolution with 4 filters is 7×7×4; pooling 2×2 gives 3×3×4.
  await expect(edgeLabel(page, 'e1')).toHaveText('9×9×1');
  await expect(edgeLabel(page, 'e2')).toHaveText('7×7×4');
  await expect(edgeLabel(page, 'e4')).toHaveText('3×3×4');
  await expect(edgeLabel(page, 'e5')).toHaveText('36');
  await expect(layerNode(page, 'conv2d1').getByTestId('node-shape')).toHaveText('7×7×4');
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  await page.screenshot({ path: 'test-results/screenshots/app.png' });
});

test('clicking a layer shows it in the inspector', async ({ page }) => {
  await openApp(page);
  await layerNode(page, 'conv2d1').click();
  const inspector = page.getByTestId('inspector-node');
  await expect(inspector.getByTestId('inspector-type')).toHaveText('Conv2D');
  await expect(inspector.getByTestId('inspector-output-shape')).toHaveText('7×7×4');
  await expect(inspector.locator('[data-testid="param-field"][data-param="filters"] input')).toHaveValue('4');
  await expect(inspector.locator('.inspector-concept')).toContainText('filter');
  await page.screenshot({ path: 'test-results/screenshots/inspector.png' });
});

test('the JSON view shows the document in Monaco', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('json-toggle').click();
  const lines = page.getByTestId('json-view').locator('.view-lines');
  await expect(lines).toContainText('netloom.graph', { timeout: 20_000 });
  await expect(lines).toContainText('X vs O CNN');
  await page.screenshot({ path: 'test-results/screenshots/json.png' });
  expect(errors).toEqual([]);
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByTestId('layer-node')).toHaveCount(7);
});

test('clicking a palette entry appends that layer and inspects it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Dropout', exact: true }).click();
  await expect(layerNode(page, 'dropout1')).toBeVisible();
  await expect(page.getByTestId('inspector-type')).toHaveText('Dropout');
  await expect(page.getByLabel('Unsaved changes')).toBeVisible();
  await expect.poll(() => layerCount(page)).toBe(8);
});

test('?example= and the Examples menu open other examples, blocks framed', async ({ page }) => {
  await openApp(page, '?example=conv-autoencoder');
  await expect(page.getByTestId('document-name')).toHaveText('Convolutional autoencoder');
  await expect(page.getByTestId('block-frame')).toHaveCount(3);
  await expect(page.locator('.block-frame-name')).toHaveText(['Encoder', 'Bottleneck', 'Decoder']);
  await expect(edgeLabel(page, 'e2')).toHaveText('14×14×16');
  await page.screenshot({ path: 'test-results/screenshots/autoencoder.png' });
  await page.getByLabel('Open an example').selectOption('lenet5');
  await expect(page.getByTestId('document-name')).toHaveText('LeNet-5');
  await expect(page.getByTestId('layer-node')).toHaveCount(14);
  await expect(page.getByTestId('block-frame')).toHaveCount(0);
  await expect(edgeLabel(page, 'e5')).toHaveText('10×10×16');
});

test('a layer whose input does not fit is marked red, with its message', async ({ page }) => {
  await openApp(page, '?example=mnist-mlp');
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  // Delete the Flatten: the Dense after it loses its input.
  await layerNode(page, 'flatten1').click();
  await page.keyboard.press('Delete');
  await expect(layerNode(page, 'flatten1')).toHaveCount(0);
  await expect(layerNode(page, 'dense1')).toHaveClass(/has-error/);
  // The port refuses the image outright, and says why.
  await layerNode(page, 'input1').locator('.react-flow__handle.source').dragTo(layerNode(page, 'dense1').locator('.react-flow__handle.target'));
  await expect(page.getByTestId('status-bar')).toContainText('Not connected: Dense expects a vector');
  // Wired while the Input gives a vector, then switched back to an image: the Dense says it wants a vector, and how to fix it.
  await layerNode(page, 'input1').locator('.layer-node-header').click();
  await page.locator('[data-testid="param-field"][data-param="kind"] select').selectOption('vector');
  await layerNode(page, 'input1').locator('.react-flow__handle.source').dragTo(layerNode(page, 'dense1').locator('.react-flow__handle.target'));
  await expect(page.getByTestId('edge-label')).toContainText(['16']);
  await page.locator('[data-testid="param-field"][data-param="kind"] select').selectOption('image');
  const dense = layerNode(page, 'dense1');
  await expect(dense).toHaveClass(/has-error/);
  await dense.hover();
  await expect(dense.locator('.layer-node-problems')).toContainText('Dense expects a vector, but receives an image (28×28×1).');
  await expect(dense.locator('.layer-node-problems')).toContainText('Insert a Flatten layer before it.');
  await expect(page.locator('[data-testid="edge-label"].has-error')).toHaveText('28×28×1');
  await expect(page.getByTestId('status-health')).toContainText('1 error');
  await page.screenshot({ path: 'test-results/screenshots/error.png' });
  await dense.click();
  await expect(page.getByTestId('inspector-problem')).toContainText('Dense expects a vector');
});
