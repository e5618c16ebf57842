// Editing: params in the inspector update the shapes on the canvas, every edit undoes and redoes,
// and a layer's error offers its fix as one click.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, layerCount, layerNode, openApp } from './pages.ts';

/** Replaces the JSON view's text as a paste would (typing would auto-close brackets and quotes). */
async function replaceJson(page: Page, text: string) {
  await page.getByTestId('json-view').locator('.view-lines').click();
  await page.keyboard.press('Control+a');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

function paramInputs(page: Page, name: string) {
  return page.locator(`[data-testid="param-field"][data-param="${name}"] input`);
}

test('editing a param in the inspector reshapes the edges, and undo/redo step through the edits', async ({ page }) => {
  const errors = await openApp(page);
  await layerNode(page, 'conv2d1').click();
  await expect(paramInputs(page, 'kernelSize')).toHaveCount(2);
  await paramInputs(page, 'kernelSize').nth(0).fill('5');
  await paramInputs(page, 'kernelSize').nth(1).fill('5');
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×4');
  await expect(layerNode(page, 'conv2d1').getByTestId('node-shape')).toHaveText('5×5×4');
  // Out of range: the field says so, the document keeps its value.
  await paramInputs(page, 'filters').fill('0');
  await expect(page.locator('[data-param="filters"] .param-problem')).toContainText('between 1 and');
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×4');
  await paramInputs(page, 'filters').fill('6');
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×6');
  await expect(page.getByTestId('inspector-parameters')).toContainText('156 of');
  await page.getByTestId('inspector-label').fill('Edges');
  await page.getByTestId('inspector-label').press('Enter');
  await expect(layerNode(page, 'conv2d1').locator('.layer-node-title')).toHaveText('Edges');
  await page.screenshot({ path: 'test-results/screenshots/inspector-editing.png' });
  // Undo with the keyboard, outside a text field: label, filters, kernel height, kernel width.
  await page.getByTestId('inspector-type').click();
  await page.keyboard.press('Control+z');
  await expect(layerNode(page, 'conv2d1').locator('.layer-node-title')).toHaveText('conv2d1');
  await page.keyboard.press('Control+z');
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×4');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(edgeLabel(page, 'e2')).toHaveText('7×7×4');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×4');
  await page.keyboard.press('Control+Shift+z');
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×6');
  await page.keyboard.press('Control+y');
  await expect(layerNode(page, 'conv2d1').locator('.layer-node-title')).toHaveText('Edges');
  await expect(page.getByTestId('redo')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('Conv2D wired straight into Dense offers "Insert Flatten", which fixes the graph in one undoable click', async ({ page }) => {
  const errors = await openApp(page);
  for (const id of ['relu1', 'maxpool2d1', 'flatten1']) {
    await layerNode(page, id).click();
    await page.keyboard.press('Delete');
    await expect(layerNode(page, id)).toHaveCount(0);
  }
  // The port refuses an image into Dense, so wire it while the Input gives a vector (the Conv2D then has no
  // shape to check), and switch the Input back to an image.
  const kind = page.locator('[data-testid="param-field"][data-param="kind"] select');
  await layerNode(page, 'input1').locator('.layer-node-header').click();
  await kind.selectOption('vector');
  await layerNode(page, 'conv2d1').locator('.react-flow__handle.source').dragTo(layerNode(page, 'dense1').locator('.react-flow__handle.target'));
  await layerNode(page, 'input1').locator('.layer-node-header').click();
  await kind.selectOption('image');
  const dense = layerNode(page, 'dense1');
  await expect(dense).toHaveClass(/has-error/);
  await dense.hover();
  const fix = dense.getByTestId('fix-button');
  await expect(fix).toHaveText('Insert Flatten');
  await page.screenshot({ path: 'test-results/screenshots/fix-popover.png' });
  await fix.click();
  await expect(page.locator('.layer-node-type', { hasText: /^Flatten$/ })).toHaveCount(1);
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  await expect(page.locator('[data-testid="layer-node"].has-error')).toHaveCount(0);
  await expect(dense.getByTestId('node-shape')).toHaveText('2');
  await page.mouse.click(5, 300);
  await page.screenshot({ path: 'test-results/screenshots/fix-applied.png' });
  await page.getByTestId('undo').click();
  await expect(page.locator('.layer-node-type', { hasText: /^Flatten$/ })).toHaveCount(0);
  await expect(dense).toHaveClass(/has-error/);
  // The inspector offers the same fix.
  await dense.click();
  await page.getByTestId('inspector').getByTestId('fix-button').click();
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  expect(errors).toEqual([]);
});

test('the JSON view edits the graph: a kernel size changes the shapes; invalid JSON shows where and changes nothing', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByTestId('json-toggle').click();
  const view = page.getByTestId('json-view');
  await expect(view.locator('.view-lines')).toContainText('netloom.graph', { timeout: 20_000 });
  const example = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/examples/xo-cnn.json'), 'utf8')) as { nodes: { id: string; params: Record<string, unknown> }[] };
  const conv = example.nodes.find((item) => item.id === 'conv2d1');
  if (conv === undefined) throw new Error('xo-cnn has no conv2d1');
  conv.params.kernelSize = [5, 5];
  await replaceJson(page, JSON.stringify(example, null, 2));
  // A 5×5 kernel over one channel with 4 filters: 104 parameters, not 40; 138 in all, not 114.
  await expect(page.getByTestId('status-bar')).toContainText('138 parameters');
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  await expect(page.getByTestId('json-error')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×4');
  await expect(layerNode(page, 'conv2d1').getByTestId('node-shape')).toHaveText('5×5×4');
  // Canvas edits show in the JSON.
  await layerNode(page, 'input1').click();
  await page.getByTestId('inspector-label').fill('Classifier');
  await page.getByTestId('inspector-label').press('Enter');
  await page.getByTestId('json-toggle').click();
  await expect(view.locator('.view-lines')).toContainText('"Classifier"', { timeout: 20_000 });
  // Broken JSON: the error names line and column; the graph stays as it was.
  await replaceJson(page, '{\n  "format": "netloom.graph",\n  oops\n}');
  await expect(page.getByTestId('json-error')).toContainText(/Line 3, column \d+: Not valid JSON/);
  await page.screenshot({ path: 'test-results/screenshots/json-error.png' });
  // Leaving asks whether to discard the broken text; discarding shows the graph as it was.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByTestId('layer-node')).toHaveCount(7);
  await expect(edgeLabel(page, 'e2')).toHaveText('5×5×4');
  await expect(layerNode(page, 'input1').locator('.layer-node-title')).toHaveText('Classifier');
  expect(errors).toEqual([]);
});

test('duplicate, copy and paste add layers; auto layout arranges the graph left to right; each undoes', async ({ page }) => {
  const errors = await openApp(page, '?example=conv-autoencoder');
  // Counted from the status bar: a copy placed in free space may land outside the view, where the canvas does not render it.
  const count = await layerCount(page);
  await layerNode(page, 'input1').click();
  await page.keyboard.press('Control+d');
  await expect.poll(() => layerCount(page)).toBe(count + 1);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(() => layerCount(page)).toBe(count + 2);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(() => layerCount(page)).toBe(count);
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Auto layout/);
  const boxes = await Promise.all(['input1', 'conv2d1'].map((id) => layerNode(page, id).boundingBox()));
  expect(boxes[1]?.x ?? 0).toBeGreaterThan(boxes[0]?.x ?? 0);
  await page.screenshot({ path: 'test-results/screenshots/auto-layout.png' });
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('redo')).toHaveAttribute('title', /Auto layout/);
  expect(errors).toEqual([]);
});
