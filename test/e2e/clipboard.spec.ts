// Layers travel between two open graphs through the system clipboard: copied with the edges among
// them, pasted with or without those edges, cut and undone.
import { expect, test } from '@playwright/test';
import { layerNode, openApp } from './pages.ts';

test('layers copied in one graph paste into another, with or without their edges; cut undoes', async ({ context }) => {
  const source = await context.newPage();
  const sourceErrors = await openApp(source, '?example=xo-cnn');
  const target = await context.newPage();
  const targetErrors = await openApp(target, '?example=mnist-mlp');
  const layers = target.getByTestId('layer-node');
  const edges = target.locator('.react-flow__edge');
  const [layerCount, edgeCount] = [await layers.count(), await edges.count()];

  await source.bringToFront();
  await layerNode(source, 'conv2d1').click();
  await layerNode(source, 'relu1').click({ modifiers: ['Control'] });
  await source.keyboard.press('Control+c');
  const copied = await source.evaluate(() => navigator.clipboard.readText()).catch(() => null);
  if (copied !== null) expect(copied).toContain('"netloom.layers"');

  await target.bringToFront();
  await target.locator('.react-flow__pane').click({ position: { x: 300, y: 500 } });
  await target.keyboard.press('Control+v');
  await expect(layers).toHaveCount(layerCount + 2);
  await expect(edges).toHaveCount(edgeCount + 1);
  await expect(target.getByText('Conv2D', { exact: true }).first()).toBeVisible();
  await expect(target.getByTestId('undo')).toHaveAttribute('title', /Paste/);
  await target.keyboard.press('Control+z');
  await expect(layers).toHaveCount(layerCount);
  await target.keyboard.press('Control+Shift+v');
  await expect(layers).toHaveCount(layerCount + 2);
  await expect(edges).toHaveCount(edgeCount);
  await target.screenshot({ path: 'test-results/screenshots/pasted-between-graphs.png' });

  await source.bringToFront();
  const sourceLayers = source.getByTestId('layer-node');
  await layerNode(source, 'maxpool2d1').click();
  await source.keyboard.press('Control+x');
  await expect(sourceLayers).toHaveCount(6);
  await expect(layerNode(source, 'maxpool2d1')).toHaveCount(0);
  await source.keyboard.press('Control+z');
  await expect(layerNode(source, 'maxpool2d1')).toHaveCount(1);
  await expect(source.locator('.react-flow__edge')).toHaveCount(6);
  expect([...sourceErrors, ...targetErrors]).toEqual([]);
});
