// Editing without loose ends, at 1440×900: arrow-key moves are undoable edits, repeated pastes land
// in free space with everything pasted selected, Ctrl+A, the shortcut sheet, palette chaining,
// collapsing that closes up the space, and leaving the JSON view with text that is not a graph.
import { expect, test, type Page } from '@playwright/test';
import { layerCount, layerNode, openApp } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

/** A layer's position in flow coordinates, from React Flow's transform. */
async function flowPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const transform = await page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((element) => (element as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
  if (match === null) throw new Error(`no position in "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

test('arrow keys move the selection as one undoable edit; undo and redo; the unsaved mark follows', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const start = await flowPosition(page, 'relu1');
  await layerNode(page, 'relu1').click();
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  for (let press = 0; press < 3; press++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => flowPosition(page, 'relu1')).toEqual({ x: start.x + 60, y: start.y + 100 });
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Move layer/);
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(() => flowPosition(page, 'relu1')).toEqual(start);
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => flowPosition(page, 'relu1')).toEqual({ x: start.x + 60, y: start.y + 100 });
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  // The move is in the document: the JSON view and back keep it.
  await page.getByTestId('json-toggle').click();
  await expect(page.getByTestId('json-view')).toBeVisible();
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect.poll(() => flowPosition(page, 'relu1')).toEqual({ x: start.x + 60, y: start.y + 100 });
  expect(errors).toEqual([]);
});

test('two pastes land apart from the original and each other, each selecting all it pasted; Escape clears; Ctrl+A selects all', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  // The dock folded: the pastes land below the graph's two rows, and the canvas renders only the layers in view.
  await page.getByTestId('dock-toggle').click();
  await layerNode(page, 'conv2d1').click();
  await layerNode(page, 'relu1').click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+c');
  const selected = page.locator('.react-flow__node-layer.selected');
  for (let round = 0; round < 2; round++) {
    await page.keyboard.press('Control+v');
    // Counted from the status bar: the canvas renders only the layers in view.
    await expect.poll(() => layerCount(page)).toBe(9 + 2 * round);
    await expect(selected).toHaveCount(2);
  }
  const boxes = await Promise.all(['conv2d1', 'relu1', 'conv2d2', 'relu2', 'conv2d3', 'relu3'].map(async (id) => ({ id, ...(await flowPosition(page, id)) })));
  for (const a of boxes)
    for (const b of boxes) if (a.id !== b.id) expect(Math.abs(a.x - b.x) >= 150 || Math.abs(a.y - b.y) >= 100, `${a.id} overlaps ${b.id}`).toBe(true);
  await expect(page.locator('.react-flow__node-layer.selected[data-id="conv2d3"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/editing-two-pastes.png' });
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await expect(selected).toHaveCount(11);
  expect(errors).toEqual([]);
});

test('the shortcut sheet opens on ? and F1 and lists the table', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  await page.keyboard.press('Shift+?');
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('[data-shortcut="selectAll"]')).toContainText('Ctrl+A');
  await expect(sheet.locator('[data-shortcut="redo"]')).toContainText('Ctrl+Y');
  await expect(sheet.locator('.shortcut-row')).toHaveCount(20);
  await page.screenshot({ path: 'test-results/screenshots/editing-shortcut-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await page.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  expect(errors).toEqual([]);
});

test('palette clicks chain after the selected layer; collapsing closes up the space and the collapsed block renames', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await layerNode(page, 'input1').click();
  for (const name of ['Conv2D', 'ReLU', 'MaxPool2D']) await page.getByRole('button', { name, exact: true }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.locator('.react-flow__node-layer.selected[data-id="maxpool2d1"]')).toHaveCount(1);
  expect((await flowPosition(page, 'maxpool2d1')).y).toBeGreaterThan((await flowPosition(page, 'relu1')).y);
  await page.screenshot({ path: 'test-results/screenshots/editing-palette-chain.png' });

  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByLabel('Open an example').selectOption('conv-autoencoder');
  await expect(page.getByTestId('document-name')).toHaveText('Convolutional autoencoder');
  // The decoder's row: four layers 220 apart (810 px wide, 640 more than its collapsed node), then the loss.
  const before = await flowPosition(page, 'mse1');
  await page.locator('[data-testid="block-frame"][data-group-id="decoder"]').getByTestId('block-collapse').click();
  await expect.poll(async () => (await flowPosition(page, 'mse1')).x).toBe(before.x - 640);
  await page.screenshot({ path: 'test-results/screenshots/editing-collapsed.png' });
  const collapsed = page.locator('[data-testid="collapsed-block"][data-group-id="decoder"]');
  await collapsed.getByTestId('collapsed-name').dblclick();
  const field = collapsed.getByTestId('block-rename-field');
  await field.fill('Squeezer');
  await field.press('Enter');
  await expect(collapsed.getByTestId('collapsed-name')).toHaveText('Squeezer');
  await collapsed.getByTestId('block-expand').click();
  await expect.poll(async () => (await flowPosition(page, 'mse1')).x).toBe(before.x);
  expect(errors).toEqual([]);
});

test('leaving the JSON view with text that is not a graph asks: keep editing, then discard', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  await page.getByTestId('json-toggle').click();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',,');
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByTestId('json-view')).toBeVisible();
  await expect(page.getByTestId('json-error')).toContainText('Not valid JSON');
  expect(questions[0]).toContain('Cancel keeps editing');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('layer-node')).toHaveCount(7);
  expect(errors.filter((error) => !error.includes('Monaco'))).toEqual([]);
});
