// The dataset panel: a graph built from the palette trains on MNIST picked there; a CSV made here
// and dropped onto the app previews and trains; a folder of generated PNGs in two classes trains;
// Fashion-MNIST in the web build says which files to add, and trains a step once they are given.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { encode } from 'fast-png';
import { collectErrors, downloadBy, layerNode, openApp, shownStep, withoutFilePickers } from './pages.ts';

const SCREENSHOTS = 'test-results/screenshots';

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

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function connect(page: Page, source: string, target: string) {
  const from = await centre(layerNode(page, source).locator('.react-flow__handle.source'));
  const to = await centre(layerNode(page, target).locator('.react-flow__handle.target').first());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

async function setParam(page: Page, nodeId: string, name: string, values: readonly string[]) {
  await layerNode(page, nodeId).locator('.layer-node-header').click();
  const field = page.locator(`[data-testid="param-field"][data-param="${name}"]`);
  const select = field.locator('select');
  if ((await select.count()) > 0) return select.selectOption(values[0]);
  const inputs = field.locator('input');
  for (const [index, value] of values.entries()) {
    await inputs.nth(index).fill(value);
    await inputs.nth(index).press('Enter');
  }
}

/**
 * Drops palette layers three to a row below input1 and chains them after it. The training dock is
 * folded away (train() unfolds it), so the canvas is tall enough for two rows at 1440×900.
 */
async function buildChain(page: Page, layers: readonly (readonly [string, string])[]) {
  const dock = page.locator('.dock-toggle');
  await dock.click();
  await expect(dock).toHaveAttribute('aria-expanded', 'false');
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (canvas === null) throw new Error('no canvas');
  for (const [index, [type, id]] of layers.entries()) {
    const position = { x: 40 + (index % 3) * 260, y: canvas.height * 0.42 + Math.floor(index / 3) * 220 };
    await paletteEntry(page, type).dragTo(page.getByTestId('canvas'), { targetPosition: position });
    await expect(layerNode(page, id)).toBeVisible();
  }
  const chain = ['input1', ...layers.map(([, id]) => id)];
  for (let index = 1; index < chain.length; index++) {
    await connect(page, chain[index - 1], chain[index]);
    await expect(page.locator('.react-flow__edge')).toHaveCount(index);
  }
}

async function legendValue(page: Page, label: string): Promise<number> {
  const item = page.locator('.chart-legend li', { hasText: new RegExp(`^${label}(?![a-z (])`) }).first();
  return Number(await item.locator('.legend-value').innerText());
}

/** A validation series' values, one per epoch so far. */
async function validationValues(page: Page, name: string): Promise<number[]> {
  const item = page.locator('.chart-legend li[data-values]', { hasText: `validation ${name}` }).first();
  const text = (await item.count()) === 0 ? '' : ((await item.getAttribute('data-values')) ?? '');
  return text === '' ? [] : text.split(',').map(Number);
}

async function train(page: Page, epochs: string, batch?: string) {
  const dock = page.locator('.dock-toggle');
  if ((await dock.getAttribute('aria-expanded')) === 'false') await dock.click();
  await page.getByTestId('setting-epochs').fill(epochs);
  if (batch !== undefined) await page.getByTestId('setting-batchSize').fill(batch);
  await page.getByTestId('run-train').click();
}

async function trainedToEnd(page: Page, timeout: number) {
  await expect(page.getByTestId('run-state')).toContainText(/finished|done/i, { timeout });
}

function dropFiles(page: Page, files: readonly { name: string; text: string }[]) {
  return page.evaluate((given) => {
    const transfer = new DataTransfer();
    for (const file of given) transfer.items.add(new File([file.text], file.name, { type: 'text/csv' }));
    const target = document.querySelector('.react-flow__pane') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

test('a CNN built from the palette trains on MNIST picked in the dataset panel: validation accuracy over 90%', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await openEmpty(page);
  await buildChain(page, [['Conv2D', 'conv2d1'], ['ReLU', 'relu1'], ['MaxPool2D', 'maxpool2d1'], ['Flatten', 'flatten1'], ['Dense', 'dense1'], ['SoftmaxCrossEntropy', 'softmaxcrossentropy1']]);
  await setParam(page, 'dense1', 'units', ['10']);
  await expect(page.getByTestId('dataset-button')).toHaveText('Choose a dataset…');
  await page.getByTestId('dataset-button').click();
  const panel = page.getByTestId('dataset-panel');
  await expect(panel.getByRole('button', { name: /^X vs O/ })).toBeVisible();
  // A classify graph is offered classification sets only: no sine wave, no ring of Gaussians.
  await expect(panel.getByTestId('dataset-builtin-sine')).toHaveCount(0);
  await expect(panel.getByTestId('dataset-builtin-gaussian-ring')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/dataset-panel.png` });
  await panel.getByTestId('dataset-builtin-mnist').click();
  await expect(panel.getByTestId('dataset-count')).toHaveText('10,000', { timeout: 30_000 });
  await expect(panel.getByTestId('dataset-shape')).toHaveText('28×28×1');
  await expect(panel.getByTestId('dataset-classes')).toHaveText('10');
  await expect(panel.getByTestId('dataset-samples').locator('figure')).toHaveCount(24);
  await expect(panel.getByTestId('dataset-samples').locator('figcaption').first()).toHaveText('0');
  await expect(panel.getByTestId('dataset-imbalance')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/dataset-preview-mnist.png` });
  await panel.getByTestId('dataset-close').click();
  await expect(page.getByTestId('dataset-button')).toHaveText('Data: MNIST digits');
  // Choosing the set is one edit: undo takes it back, redo restores it.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('dataset-button')).toHaveText('Choose a dataset…');
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('dataset-button')).toHaveText('Data: MNIST digits');
  const started = Date.now();
  await train(page, '1');
  await trainedToEnd(page, 200_000);
  const accuracy = await legendValue(page, 'validation accuracy');
  console.log(`MNIST, one epoch of 9,000 digits: validation accuracy ${accuracy} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(accuracy).toBeGreaterThan(0.9);
  expect(errors).toEqual([]);
});

/** 200 rows, 3 features in [-1, 1], class "right" when x + y - z > 0 (about half): a Dense layer separates them. */
function pointsCsv(): string {
  const lines = ['x,y,z,side'];
  for (let row = 0; row < 200; row++) {
    const [x, y, z] = [0, 1, 2].map((column) => Math.sin(row * (column + 1.7) + column) * 0.999);
    lines.push(`${x.toFixed(3)},${y.toFixed(3)},${z.toFixed(3)},${x + y - z > 0 ? 'right' : 'left'}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a CSV made here, dropped onto the app, previews its rows and column types, and a Dense model trains on it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await openEmpty(page);
  await setParam(page, 'input1', 'kind', ['vector']);
  await setParam(page, 'input1', 'features', ['3']);
  await buildChain(page, [['Dense', 'dense1'], ['SoftmaxCrossEntropy', 'softmaxcrossentropy1']]);
  await setParam(page, 'dense1', 'units', ['2']);
  const csv = pointsCsv();
  const rights = csv.split('\n').filter((line) => line.endsWith(',right')).length;
  await dropFiles(page, [{ name: 'points.csv', text: csv }]);
  const panel = page.getByTestId('dataset-panel');
  await expect(panel.getByTestId('dataset-current-name')).toHaveText('points.csv');
  await expect(panel.getByTestId('dataset-count')).toHaveText('200', { timeout: 20_000 });
  await expect(panel.getByTestId('dataset-shape')).toHaveText('3');
  await expect(panel.getByTestId('dataset-classes')).toHaveText('2');
  await expect(panel.getByTestId('dataset-label-column')).toHaveValue('side');
  const table = panel.getByTestId('dataset-table');
  await expect(table.locator('th')).toHaveText(['xnumber', 'ynumber', 'znumber', 'sidetext · label']);
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(table.locator('tbody tr').first().locator('td')).toHaveText(csv.split('\n')[1].split(','));
  await expect(panel.getByTestId('dataset-counts').locator('.dataset-count-name')).toHaveText(['left', 'right']);
  await expect(panel.getByTestId('dataset-counts').locator('.dataset-count-value')).toHaveText([String(200 - rights), String(rights)]);
  await panel.getByTestId('dataset-validation-split').fill('20%');
  await panel.getByTestId('dataset-validation-split').press('Enter');
  await expect(panel.getByText('20% held out to validate')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/dataset-preview-csv.png` });
  await panel.getByTestId('dataset-close').click();
  await train(page, '60', '8');
  await trainedToEnd(page, 90_000);
  // 200 rows less 20% held out: 160, in batches of 8: 20 steps an epoch.
  await expect(page.getByTestId('run-state')).toHaveText('Finished: 1200 steps, 60 epochs');
  expect(await legendValue(page, 'validation accuracy')).toBeGreaterThan(0.85);
  expect(errors).toEqual([]);
});

/** 2 classes of 8×8 gray PNGs: a bright square on the left half or on the right. */
function pngFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'netloom-shapes-'));
  for (const side of ['left', 'right']) {
    mkdirSync(join(root, 'halves', side), { recursive: true });
    for (let index = 0; index < 30; index++) {
      const data = new Uint8Array(64);
      for (let pixel = 0; pixel < 64; pixel++) {
        const column = pixel % 8;
        const lit = side === 'left' ? column < 4 : column >= 4;
        data[pixel] = (lit ? 180 : 30) + ((pixel * 7 + index * 13) % 40);
      }
      writeFileSync(join(root, 'halves', side, `${index}.png`), encode({ width: 8, height: 8, data, channels: 1, depth: 8 }));
    }
  }
  return join(root, 'halves');
}

test('a folder of generated PNGs in two classes, picked with the folder picker, previews as images and trains: the validation loss falls', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openEmpty(page);
  await setParam(page, 'input1', 'height', ['8']);
  await setParam(page, 'input1', 'width', ['8']);
  await buildChain(page, [['Flatten', 'flatten1'], ['Dense', 'dense1'], ['SoftmaxCrossEntropy', 'softmaxcrossentropy1']]);
  await setParam(page, 'dense1', 'units', ['2']);
  // Opened the way a "Choose a dataset" fix opens it: requestDatasetPanel() (renderer/document) dispatches this event.
  await page.evaluate(() => window.dispatchEvent(new Event('netloom:choose-dataset')));
  const panel = page.getByTestId('dataset-panel');
  await panel.getByTestId('dataset-folder-input').setInputFiles(pngFolder());
  await expect(panel.getByTestId('dataset-current-name')).toHaveText('halves');
  await expect(panel.getByTestId('dataset-count')).toHaveText('60', { timeout: 20_000 });
  await expect(panel.getByTestId('dataset-shape')).toHaveText('8×8×1');
  await expect(panel.getByTestId('dataset-samples').locator('figcaption')).toHaveText(Array.from({ length: 24 }, (_, index) => (index % 2 === 0 ? 'left' : 'right')));
  await panel.getByTestId('dataset-close').click();
  await train(page, '20', '8');
  await trainedToEnd(page, 90_000);
  // 60 images less 10% held out: 54, in batches of 8 with the partial one dropped: 6 steps an epoch.
  await expect(page.getByTestId('run-state')).toHaveText('Finished: 120 steps, 20 epochs');
  const losses = await validationValues(page, 'loss');
  console.log(`PNG folder, 20 epochs: validation loss ${losses[0]} -> ${losses.at(-1)}, accuracy ${await legendValue(page, 'validation accuracy')}`);
  expect(losses.length).toBeGreaterThan(1);
  expect(losses.at(-1)).toBeLessThan(losses[0] * 0.8);
  expect(errors).toEqual([]);
});

const FASHION = '/usr/share/datasets/fashion-mnist';

test('Fashion-MNIST in the web build: without its files the panel says which to add, with them it trains a step', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = collectErrors(page);
  await page.goto('/?example=fashion-cnn');
  await expect(page.getByTestId('dataset-button')).toHaveText('Data: Fashion-MNIST');
  await page.getByTestId('dataset-button').click();
  const panel = page.getByTestId('dataset-panel');
  const problem = panel.getByTestId('dataset-preview-error');
  await expect(problem).toContainText('Fashion-MNIST: its files are not in this page; add its four IDX files (train-images-idx3-ubyte.gz');
  await expect(problem).not.toContainText('/usr/share');
  await expect(problem).not.toContainText('magic');
  await page.screenshot({ path: `${SCREENSHOTS}/dataset-fashion-missing.png` });
  const names = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: "Add Fashion-MNIST's files…" }).click()]);
  await chooser.setFiles(names.map((name) => join(FASHION, name)));
  await expect(panel.getByTestId('dataset-count')).toHaveText('60,000', { timeout: 60_000 });
  await expect(panel.getByTestId('dataset-samples').locator('figcaption').first()).toHaveText('T-shirt/top');
  await page.screenshot({ path: `${SCREENSHOTS}/dataset-preview-fashion.png` });
  await panel.getByTestId('dataset-close').click();
  await train(page, '1');
  await expect.poll(() => shownStep(page), { timeout: 90_000 }).toBeGreaterThan(0);
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});

/** Every example but Fashion-MNIST reads its data in the web build: built in, generated or bundled. */
const EXAMPLES = [
  ['char-lstm', '32', 'Toy language'],
  ['conv-autoencoder', '28×28×1', 'MNIST digits'],
  ['dcgan-mnist', '28×28×1', 'MNIST digits'],
  ['dense-autoencoder', '28×28×1', 'MNIST digits'],
  ['gru-waveforms', '20×1', 'Waveforms'],
  ['lenet5', '28×28×1', 'MNIST digits'],
  ['mnist-mlp', '28×28×1', 'MNIST digits'],
  ['sine-lstm', '', 'Sine'],
  ['xo-cnn', '9×9×1', 'X vs O'],
] as const;

test('every example but Fashion-MNIST previews its data in the web build', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  for (const [example, shape, name] of EXAMPLES) {
    await page.goto(`/?example=${example}`);
    await expect(page.getByTestId('dataset-button')).toHaveText(new RegExp(`^Data: ${name}`));
    await page.getByTestId('dataset-button').click();
    const panel = page.getByTestId('dataset-panel');
    await expect(panel.getByTestId('dataset-count').or(panel.getByTestId('dataset-preview-error'))).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('dataset-preview-error'), example).toHaveCount(0);
    if (shape !== '') await expect(panel.getByTestId('dataset-shape'), example).toHaveText(shape);
    await panel.getByTestId('dataset-close').click();
  }
  expect(errors).toEqual([]);
});

test('the normalization chosen in the panel is stored in the graph as one undoable edit; token data offers none', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await withoutFilePickers(page);
  const errors = await openApp(page);
  await page.getByTestId('dataset-button').click();
  const panel = page.getByTestId('dataset-panel');
  const normalization = panel.getByTestId('dataset-normalization');
  await expect(normalization).toHaveValue('none');
  await expect(normalization.locator('option')).toHaveText(['None', 'Scale to 0–1', 'Standardize (mean 0, sd 1)']);
  await normalization.selectOption({ label: 'Standardize (mean 0, sd 1)' });
  await expect(normalization).toHaveValue('standardize');
  await page.screenshot({ path: `${SCREENSHOTS}/dataset-normalization.png` });
  await panel.getByTestId('dataset-close').click();
  // Wide enough that Export… stays on the bar rather than in the ⋯ menu.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const stored = async () => (JSON.parse((await downloadBy(page, page.getByTestId('export-json'))).text) as { dataset: { normalization?: string } }).dataset.normalization ?? 'none';
  expect(await stored()).toBe('standardize');
  await page.getByTestId('undo').click();
  expect(await stored()).toBe('none');
  await page.getByTestId('redo').click();
  expect(await stored()).toBe('standardize');
  // The toy language is token ids: symbols, not numbers to scale.
  await page.goto('/?example=char-lstm');
  await page.getByTestId('dataset-button').click();
  await expect(panel.getByTestId('dataset-validation-split')).toBeVisible();
  await expect(panel.getByTestId('dataset-normalization')).toHaveCount(0);
  expect(errors).toEqual([]);
});
