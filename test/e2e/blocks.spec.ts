// Blocks: select layers and group them into a named block, collapse it to one node (name, shapes,
// parameters) and expand it, save the graph and open it again with the block collapsed, and reuse
// a block from My blocks in the palette.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { layerCount, layerNode, openApp } from './pages.ts';

function frame(page: Page, groupId: string) {
  return page.locator(`[data-testid="block-frame"][data-group-id="${groupId}"]`);
}

function collapsed(page: Page, groupId: string) {
  return page.locator(`[data-testid="collapsed-block"][data-group-id="${groupId}"]`);
}

interface SavedGraph {
  nodes: { id: string; group?: string }[];
  groups: { id: string; name: string; kind: string; collapsed: boolean }[];
}

test.beforeEach(async ({ page }) => {
  // Without the File System Access pickers, Save downloads and Open asks through a file input,
  // both of which the test can hold.
  await page.addInitScript(() => {
    const scope = window as unknown as Record<string, unknown>;
    delete scope.showSaveFilePicker;
    delete scope.showOpenFilePicker;
  });
});

test('group layers into an Encoder, collapse and expand it, save and open it again collapsed, reuse it from My blocks', async ({ page }) => {
  const errors = await openApp(page, '?example=dense-autoencoder');
  const encoderLayers = ['flatten1', 'dense1', 'relu1'];
  // The example's own Encoder: ungroup it with the keyboard, then group the same layers again.
  await layerNode(page, 'flatten1').click();
  await layerNode(page, 'dense1').click({ modifiers: ['Control'] });
  await layerNode(page, 'relu1').click({ modifiers: ['Control'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  await expect(page.getByTestId('group')).toHaveAttribute('title', /Ctrl\+G/);
  await page.keyboard.press('Control+Shift+g');
  await expect(frame(page, 'encoder')).toHaveCount(0);
  await expect(frame(page, 'bottleneck')).toHaveCount(1);
  // The edit leaves the three selected, ready to group again.
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  await page.keyboard.press('Control+g');
  const prompt = page.getByTestId('group-prompt');
  await expect(prompt).toContainText('Group 3 layers as');
  await page.screenshot({ path: 'test-results/screenshots/blocks-group-prompt.png' });
  await prompt.getByTestId('group-kind-Encoder').click();
  await expect(prompt).toHaveCount(0);
  await expect(frame(page, 'encoder1')).toHaveCount(1);
  await expect(frame(page, 'encoder1').locator('.block-frame-name')).toHaveText('Encoder');
  // Grouping is one command: undo drops the new block, redo brings it back.
  await page.getByTestId('undo').click();
  await expect(frame(page, 'encoder1')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(frame(page, 'encoder1')).toHaveCount(1);
  await page.mouse.click(900, 520);
  await page.screenshot({ path: 'test-results/screenshots/blocks-grouped.png' });

  // Collapse: one node in place of three, with the shapes going in and out and the parameters.
  await frame(page, 'encoder1').getByTestId('block-collapse').click();
  const block = collapsed(page, 'encoder1');
  await expect(block).toBeVisible();
  for (const id of encoderLayers) await expect(layerNode(page, id)).toHaveCount(0);
  await expect(block.getByTestId('collapsed-name')).toHaveText('Encoder');
  await expect(block.getByTestId('collapsed-inputs')).toHaveText('28×28×1');
  await expect(block.getByTestId('collapsed-outputs')).toHaveText('128');
  await expect(block.getByTestId('collapsed-parameters')).toHaveAttribute('title', '100,480 trainable parameters');
  await expect(block).toContainText('3 layers');
  // The edges into and out of the block end on its node.
  await expect(page.locator('.react-flow__edge[data-id="e1"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="e2"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="edge-label"][data-edge-id="e4"]')).toHaveText('128');
  await page.screenshot({ path: 'test-results/screenshots/blocks-collapsed.png' });
  // A closer look, then back to the whole graph.
  await block.hover();
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(400);
  await page.getByTestId('canvas').screenshot({ path: 'test-results/screenshots/blocks-collapsed-zoomed.png' });
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
  await expect(block).toHaveCount(0);
  await expect(layerNode(page, 'dense1')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(block).toBeVisible();
  await block.getByTestId('block-expand').click();
  await expect(block).toHaveCount(0);
  for (const id of encoderLayers) await expect(layerNode(page, id)).toBeVisible();
  await frame(page, 'encoder1').getByTestId('block-collapse').click();
  await expect(block).toBeVisible();

  // Save to My blocks.
  await block.getByTestId('block-save').click();
  const mine = page.getByTestId('library-entry');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Encoder');

  // Save the graph (a download here: a graph never saved asks for its name), then reload the page and open the file.
  page.once('dialog', (dialog) => void dialog.accept(dialog.defaultValue()));
  const downloading = page.waitForEvent('download');
  await page.getByRole('navigation', { name: 'File' }).getByRole('button', { name: 'Save', exact: true }).click();
  const download = await downloading;
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedGraph;
  expect(saved.groups.find((group) => group.id === 'encoder1')).toEqual({ id: 'encoder1', name: 'Encoder', kind: 'Encoder', collapsed: true });
  expect(saved.nodes.filter((item) => item.group === 'encoder1').map((item) => item.id)).toEqual(encoderLayers);
  await page.reload();
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
  await expect(frame(page, 'encoder')).toHaveCount(1);
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('navigation', { name: 'File' }).getByRole('button', { name: 'Open…' }).click();
  await (await choosing).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(path) });
  await expect(block).toBeVisible();
  await expect(block.getByTestId('collapsed-inputs')).toHaveText('28×28×1');
  await expect(block.getByTestId('collapsed-outputs')).toHaveText('128');
  for (const id of encoderLayers) await expect(layerNode(page, id)).toHaveCount(0);
  await block.getByTestId('block-expand').click();
  for (const id of encoderLayers) await expect(layerNode(page, id)).toBeVisible();

  // My blocks outlived the reload: a click inserts a copy with fresh ids, in its own Encoder frame.
  await expect(mine).toContainText('Encoder');
  const layersBefore = await layerCount(page);
  await mine.locator('.palette-entry').click();
  await expect.poll(() => layerCount(page)).toBe(layersBefore + 3);
  await expect(frame(page, 'encoder2')).toHaveCount(1);
  await expect(layerNode(page, 'flatten2')).toBeVisible();
  await expect(layerNode(page, 'dense5')).toBeVisible();
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screenshots/blocks-library-insert.png' });
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Add Encoder/);
  await page.getByTestId('undo').click();
  await expect(frame(page, 'encoder2')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a custom name makes a Custom block; grouping with nothing selected says what to do', async ({ page }) => {
  const errors = await openApp(page, '?example=mnist-mlp');
  await page.getByTestId('group').click();
  await expect(page.getByTestId('group-prompt')).toHaveCount(0);
  await expect(page.getByText('Nothing to group')).toBeVisible();
  await layerNode(page, 'dense1').click();
  await page.getByTestId('group').click();
  await page.getByTestId('group-name').fill('Feature extractor');
  await page.getByTestId('group-name').press('Enter');
  await expect(frame(page, 'featureextractor1').locator('.block-frame-name')).toHaveText('Feature extractor');
  await frame(page, 'featureextractor1').getByTestId('block-collapse').click();
  await expect(collapsed(page, 'featureextractor1')).toContainText('block · 1 layer');
  await page.screenshot({ path: 'test-results/screenshots/blocks-custom.png' });
  // Deleting the collapsed block deletes its layer; undo brings both back.
  await collapsed(page, 'featureextractor1').click();
  await page.keyboard.press('Delete');
  await expect(collapsed(page, 'featureextractor1')).toHaveCount(0);
  await expect(page.getByTestId('status-bar')).toContainText('5 layers');
  await page.keyboard.press('Control+z');
  await expect(collapsed(page, 'featureextractor1')).toBeVisible();
  await expect(page.getByTestId('status-bar')).toContainText('6 layers');
  expect(errors).toEqual([]);
});

test('a block is renamed by double-clicking its name; Escape keeps the name; undo restores it', async ({ page }) => {
  const errors = await openApp(page, '?example=dense-autoencoder');
  const decoder = frame(page, 'decoder');
  const name = decoder.locator('.block-frame-name');
  const field = decoder.getByTestId('block-rename-field');
  await name.dblclick();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Decoder');
  // Typing in the field is not a canvas shortcut: Backspace edits the name, deletes no layer.
  await field.press('Backspace');
  await field.pressSequentially('Upsampler');
  await page.getByTestId('canvas').screenshot({ path: 'test-results/screenshots/blocks-rename.png' });
  await field.press('Enter');
  await expect(name).toHaveText('Upsampler');
  await expect(page.getByTestId('status-bar')).toContainText('11 layers');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Rename Decoder/);
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();

  // Escape leaves the name as it was.
  await expect(name).toHaveAttribute('title', /double-click to rename/);
  await name.dblclick();
  await field.fill('Something else');
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(name).toHaveText('Upsampler');

  // A name of one of the five kinds makes the block that kind; undo steps back through both.
  await name.dblclick();
  await field.fill('Generator');
  await field.blur();
  await expect(name).toHaveText('Generator');
  await expect(decoder).toHaveClass(/frame-generator/);
  await page.keyboard.press('Control+z');
  await expect(name).toHaveText('Upsampler');
  await page.keyboard.press('Control+z');
  await expect(name).toHaveText('Decoder');
  expect(errors).toEqual([]);
});
