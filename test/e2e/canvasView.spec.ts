// Panning, zoom levels and selection on the canvas: a pan moves the view by exactly the drag and
// leaves layers clickable and draggable; zoomed far out layers are titled boxes without grid dots;
// zoomed in only the layers in view are in the DOM, and a layer added off screen is brought into
// view; a multi-selection outlives the edits made to it.
import { expect, test, type Page } from '@playwright/test';
import { layerNode, openApp, panePoint } from './pages.ts';

async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([-\d.]+)\)/.exec(style);
  if (match === null) throw new Error(`no viewport transform in "${style}"`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

async function center(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await layerNode(page, id).boundingBox();
  if (box === null) throw new Error(`layer ${id} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a pane drag pans by exactly the drag, and layers stay clickable and draggable after', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const canvas = page.getByTestId('canvas');
  const before = await viewport(page);
  const start = await panePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 60, { steps: 12 });
  // The view keeps a compositor layer while dragged, and briefly after, for the next drag.
  await expect(canvas).toHaveClass(/\bis-panning\b/);
  await page.mouse.move(start.x + 200, start.y + 100, { steps: 8 });
  await page.mouse.up();
  const after = await viewport(page);
  expect(after.x - before.x).toBeCloseTo(200, 3);
  expect(after.y - before.y).toBeCloseTo(100, 3);
  expect(after.zoom).toBe(before.zoom);
  await expect(canvas).not.toHaveClass(/\bis-panning\b/, { timeout: 3000 });

  // The pointer was captured for the drag only: a layer still takes clicks and drags.
  await layerNode(page, 'conv2d1').click();
  await expect(page.getByTestId('inspector')).toContainText('conv2d1');
  const from = await center(page, 'conv2d1');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 80, from.y + 40, { steps: 10 });
  await page.mouse.up();
  const moved = await center(page, 'conv2d1');
  expect(moved.x - from.x).toBeGreaterThan(50);
  expect(moved.y - from.y).toBeGreaterThan(20);
  await expect(page.getByTestId('undo')).toBeEnabled();

  // The wheel zooms without the layer (it would keep text blurred at the old scale).
  await page.mouse.move(start.x, start.y);
  await page.mouse.wheel(0, -240);
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(after.zoom);
  await expect(canvas).not.toHaveClass(/\bis-panning\b/);
  expect(errors).toEqual([]);
});

test('zoomed far out layers are titled boxes on a plain canvas; zoomed in only those in view are rendered', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const canvas = page.getByTestId('canvas');
  const layers = page.getByTestId('layer-node');
  await expect(layers).toHaveCount(7);
  await expect(page.locator('.react-flow__background')).toBeVisible();

  const start = await panePoint(page);
  await page.mouse.move(start.x, start.y);
  for (let notch = 0; notch < 12; notch++) await page.mouse.wheel(0, 240);
  await expect(canvas).toHaveClass(/\bis-far\b/);
  await expect(page.locator('.react-flow__background')).toBeHidden();
  await expect(layers).toHaveCount(7);
  await expect(layerNode(page, 'conv2d1').locator('.layer-node-params')).toBeHidden();
  await expect(layerNode(page, 'conv2d1')).toContainText('Conv2D');
  await canvas.screenshot({ path: 'test-results/screenshots/canvas-far.png' });

  // Zoomed in on one layer: it and its neighbours are there, the rest of the network is not (the
  // max pool ends the first of the two rows, three layers right of the input).
  await page.locator('.react-flow__controls-fitview').click();
  await expect(canvas).not.toHaveClass(/\bis-far\b/);
  const target = await center(page, 'maxpool2d1');
  await page.mouse.move(target.x, target.y);
  for (let notch = 0; notch < 12; notch++) await page.mouse.wheel(0, -240);
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(2);
  await expect(layerNode(page, 'maxpool2d1')).toBeVisible();
  await expect(layerNode(page, 'maxpool2d1').locator('.layer-node-params')).toBeVisible();
  await expect.poll(() => layers.count()).toBeLessThan(7);
  await expect(layerNode(page, 'input1')).toHaveCount(0);
  // A palette click adds a layer right of the network, off screen: the canvas goes to it.
  await page.getByRole('complementary', { name: 'Layers' }).getByText('Dropout', { exact: true }).click();
  await expect(layerNode(page, 'dropout1')).toBeInViewport();
  await expect(page.getByTestId('inspector')).toContainText('dropout1');
  await page.locator('.react-flow__controls-fitview').click();
  await expect(layers).toHaveCount(8);
  expect(errors).toEqual([]);
});

test('a multi-selection survives edits: two layers dragged together twice move together twice', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  await layerNode(page, 'relu1').click();
  await layerNode(page, 'dense1').click({ modifiers: ['Control'] });
  const selected = page.locator('.react-flow__node.selected');
  await expect(selected).toHaveCount(2);
  const start = { relu: await center(page, 'relu1'), dense: await center(page, 'dense1') };
  for (let drag = 1; drag <= 2; drag++) {
    const from = await center(page, 'relu1');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('undo')).toHaveAttribute('title', /Move 2 layers/);
    await expect(selected).toHaveCount(2);
    const relu = await center(page, 'relu1');
    const dense = await center(page, 'dense1');
    // 60 px down snaps to 60 or 80 grid units, ~50 px or more at this zoom.
    expect(relu.y - start.relu.y).toBeGreaterThan(40 * drag);
    expect(dense.y - start.dense.y).toBeCloseTo(relu.y - start.relu.y, 0);
  }
  expect(errors).toEqual([]);
});
