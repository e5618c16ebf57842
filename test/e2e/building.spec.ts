// Building from scratch with the mouse: palette drags, port-to-port connections the ports check,
// the quick-add search on a double-click, and drops onto an edge.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, downloadBy, layerNode, withoutFilePickers } from './pages.ts';

async function openEmpty(page: Page): Promise<string[]> {
  const errors = collectErrors(page);
  await withoutFilePickers(page);
  await page.goto('/');
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByTestId('layer-node')).toHaveCount(1);
  return errors;
}

function paletteEntry(page: Page, name: string): Locator {
  return page.locator('.palette-entry').filter({ has: page.locator('.palette-name', { hasText: new RegExp(`^${name}$`) }) });
}

/** Drags a palette entry onto the canvas at a point relative to the canvas's top left. */
async function dropLayer(page: Page, name: string, x: number, y: number) {
  await paletteEntry(page, name).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on the source's output handle and moves onto the target's input handle; `release` ends the drag. */
async function dragConnection(page: Page, source: string, target: string, release = true) {
  const from = await centre(layerNode(page, source).locator('.react-flow__handle.source'));
  const to = await centre(layerNode(page, target).locator('.react-flow__handle.target').first());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  if (release) await page.mouse.up();
}

async function setParam(page: Page, nodeId: string, name: string, values: readonly string[]) {
  await layerNode(page, nodeId).locator('.layer-node-header').click();
  const field = page.locator(`[data-testid="param-field"][data-param="${name}"]`);
  const select = field.locator('select');
  if ((await select.count()) > 0) {
    await select.selectOption(values[0]);
    return;
  }
  const inputs = field.locator('input');
  for (const [index, value] of values.entries()) await inputs.nth(index).fill(value);
}

test('LeNet-5 from an empty graph, with palette drags, port drags and the inspector', async ({ page }) => {
  const errors = await openEmpty(page);
  const layers: readonly [string, string][] = [
    ['Conv2D', 'conv2d1'], ['AvgPool2D', 'avgpool2d1'], ['Conv2D', 'conv2d2'], ['AvgPool2D', 'avgpool2d2'], ['Flatten', 'flatten1'],
    ['Dense', 'dense1'], ['Dense', 'dense2'], ['Dense', 'dense3'], ['SoftmaxCrossEntropy', 'softmaxcrossentropy1'],
  ];
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (canvas === null) throw new Error('no canvas');
  for (const [index, [type, id]] of layers.entries()) {
    const row = index < 5 ? 0 : 1;
    const column = row === 0 ? index : index - 5;
    await dropLayer(page, type, 60 + column * 230, canvas.height * 0.55 + row * 200);
    await expect(layerNode(page, id)).toBeVisible();
  }
  await expect(page.getByTestId('layer-node')).toHaveCount(10);

  // A port refuses what cannot work, and says why at the pointer and in the status bar.
  await dragConnection(page, 'input1', 'dense1', false);
  await expect(page.getByTestId('connection-hint')).toContainText('Dense expects a vector');
  await expect(page.getByTestId('connection-hint')).toContainText('Insert a Flatten');
  await page.screenshot({ path: 'test-results/screenshots/connection-refused.png' });
  await page.mouse.up();
  await expect(page.getByTestId('status-bar')).toContainText('Not connected: Dense expects a vector');
  await expect(page.getByTestId('edge-label')).toHaveCount(0);

  const chain = ['input1', ...layers.map(([, id]) => id)];
  for (let index = 1; index < chain.length; index++) {
    await dragConnection(page, chain[index - 1], chain[index]);
    await expect(page.locator('.react-flow__edge')).toHaveCount(index);
  }
  // A second edge into a taken port is refused.
  await dragConnection(page, 'input1', 'avgpool2d1', false);
  await expect(page.getByTestId('connection-hint')).toContainText('already fed by conv2d1');
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(9);

  await setParam(page, 'conv2d1', 'filters', ['6']);
  await setParam(page, 'conv2d1', 'kernelSize', ['5', '5']);
  await setParam(page, 'conv2d1', 'padding', ['same']);
  await setParam(page, 'conv2d2', 'filters', ['16']);
  await setParam(page, 'conv2d2', 'kernelSize', ['5', '5']);
  await setParam(page, 'dense1', 'units', ['120']);
  await setParam(page, 'dense2', 'units', ['84']);
  await setParam(page, 'dense3', 'units', ['10']);

  const expected = ['28×28×1', '28×28×6', '14×14×6', '10×10×16', '5×5×16', '400', '120', '84', '10'];
  for (let index = 1; index < chain.length; index++) {
    const edge = page.locator(`.react-flow__edge[aria-label="Edge from ${chain[index - 1]} to ${chain[index]}"]`);
    const id = await edge.getAttribute('data-id');
    await expect(page.locator(`[data-testid="edge-label"][data-edge-id="${id}"]`)).toHaveText(expected[index - 1]);
  }
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out · choose a dataset to train');
  await page.getByTestId('status-bar').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await layerNode(page, 'conv2d1').locator('.layer-node-header').click();
  await page.screenshot({ path: 'test-results/screenshots/built.png' });

  // Save, open a different graph, reopen the saved file: the same document, byte for byte.
  // A graph never saved asks for the download's name, offering one made from the graph's.
  page.once('dialog', (dialog) => void dialog.accept(dialog.defaultValue()));
  const saved = await downloadBy(page, page.getByRole('button', { name: 'Save', exact: true }));
  expect(JSON.parse(saved.text)).toMatchObject({ format: 'netloom.graph', nodes: expect.arrayContaining([expect.objectContaining({ id: 'conv2d1', type: 'Conv2D' })]) });
  await page.getByLabel('Open an example').selectOption('mnist-mlp');
  await expect(page.getByTestId('document-name')).toHaveText('MNIST MLP');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…', exact: true }).click()]);
  await chooser.setFiles({ name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) });
  await expect(page.getByTestId('layer-node')).toHaveCount(chain.length);
  const reopened = await downloadBy(page, page.getByTestId('export-json'));
  expect(reopened.text).toBe(saved.text);
  expect(errors).toEqual([]);
});

test('a double-click on the empty canvas opens a quick-add search; Enter adds the layer there, undoably', async ({ page }) => {
  const errors = await openEmpty(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (canvas === null) throw new Error('no canvas');
  await page.mouse.dblclick(canvas.x + 200, canvas.y + canvas.height - 260);
  const search = page.getByTestId('quick-add').locator('input');
  await expect(search).toBeFocused();
  await search.fill('maxp');
  await expect(page.getByTestId('quick-add').getByRole('option')).toHaveText(['MaxPool2D']);
  await search.press('Enter');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
  await expect(layerNode(page, 'maxpool2d1')).toBeVisible();
  const placed = await layerNode(page, 'maxpool2d1').boundingBox();
  expect(Math.abs((placed?.x ?? 0) - (canvas.x + 200))).toBeLessThan(40);
  // Escape closes without adding; undo removes the added layer in one step.
  await page.mouse.dblclick(canvas.x + 200, canvas.y + 100);
  await page.getByTestId('quick-add').locator('input').fill('dense');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
  await expect(page.getByTestId('layer-node')).toHaveCount(2);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('layer-node')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('dropping a layer from the palette onto an edge inserts it there', async ({ page }) => {
  const errors = await openEmpty(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (canvas === null) throw new Error('no canvas');
  await dropLayer(page, 'Flatten', 100, canvas.height * 0.62);
  await dragConnection(page, 'input1', 'flatten1');
  const label = page.getByTestId('edge-label');
  await expect(label).toHaveText('28×28×1');
  const at = await centre(label);
  await paletteEntry(page, 'Dropout').dragTo(page.getByTestId('canvas'), { targetPosition: { x: at.x - canvas.x, y: at.y - canvas.y } });
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge[aria-label="Edge from input1 to dropout1"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[aria-label="Edge from dropout1 to flatten1"]')).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(page.locator('.react-flow__edge[aria-label="Edge from input1 to flatten1"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
