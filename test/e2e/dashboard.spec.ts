// The dashboard's task views: an autoencoder's reconstructions (read pixel by pixel: each one the
// digit it was given) and falling validation loss, a GAN's samples changing as it learns (points
// spreading from a clump over the data, images darkening towards the digits' background), and a
// divergence reported on the node that blew up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';
import { correlation, drawnShare, mean, readPixels, scatter, standardDeviation, tileBrightness, tileRegions, type Pixels } from './pixels.ts';

interface ExampleDocument {
  nodes: { id: string; type: string; params: Record<string, unknown>; position: { x: number; y: number }; group?: string }[];
  edges: { id: string; source: string; sourcePort: string; target: string; targetPort: string }[];
  training: Record<string, unknown> & { optimizer: Record<string, unknown> };
  dataset: Record<string, unknown>;
  [key: string]: unknown;
}

function example(name: string): ExampleDocument {
  return JSON.parse(readFileSync(join(import.meta.dirname, `../../assets/examples/${name}.json`), 'utf8')) as ExampleDocument;
}

/** Replaces the JSON view's text as a paste would, then goes back to the graph. */
async function replaceJson(page: Page, graph: ExampleDocument) {
  await page.getByTestId('json-toggle').click();
  const view = page.getByTestId('json-view');
  await expect(view.locator('.view-lines')).toContainText('netloom.graph', { timeout: 20_000 });
  await view.locator('.view-lines').click();
  await page.keyboard.press('Control+a');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(graph, null, 2));
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
}

/** The per-epoch values of a validation line, read from its legend item. */
async function validationValues(page: Page, name: string): Promise<number[]> {
  const item = page.locator('.chart-legend li[data-values]', { hasText: `validation ${name}` }).first();
  if ((await item.count()) === 0) return [];
  const text = (await item.getAttribute('data-values')) ?? '';
  return text === '' ? [] : text.split(',').map(Number);
}

function dataUrl(canvas: Locator): Promise<string> {
  return canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
}

/** Shows a past epoch (0-based) on the dashboard's timeline. */
async function showEpoch(page: Page, epoch: number) {
  await page.getByRole('slider', { name: 'Epoch shown' }).fill(String(epoch));
}

const DIGITS = tileRegions(8, 28, 28, 2, 8);

/** The reconstructions panel read back: each output's correlation with its own input and, on average, with the other inputs. */
async function reconstructionMatch(panel: Locator) {
  const inputs = await readPixels(panel.getByRole('img', { name: 'Input images' }));
  const outputs = await readPixels(panel.getByRole('img', { name: 'Reconstructed images' }));
  expect([inputs.width, inputs.height, outputs.width, outputs.height]).toEqual([8 * 28 + 7 * 2, 28, 8 * 28 + 7 * 2, 28]);
  const shown = tileBrightness(inputs, DIGITS);
  const made = tileBrightness(outputs, DIGITS);
  return {
    inputContrast: Math.min(...shown.map(standardDeviation)),
    outputContrast: Math.min(...made.map(standardDeviation)),
    own: made.map((tile, index) => correlation(tile, shown[index])),
    others: mean(made.flatMap((tile, index) => shown.filter((_, other) => other !== index).map((other) => correlation(tile, other)))),
  };
}

test('an autoencoder shows inputs over reconstructions, and its validation loss falls from epoch 1 to 2', async ({ page }) => {
  const errors = await openExample(page, 'dense-autoencoder');
  await page.getByTestId('setting-epochs').fill('2');
  await page.getByTestId('setting-batchSize').fill('128');
  await page.getByTestId('run-train').click();
  const panel = page.getByTestId('reconstructions');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('img', { name: 'Input images' })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'Reconstructed images' })).toBeVisible();
  await expect.poll(async () => (await validationValues(page, 'loss')).length, { timeout: 30_000 }).toBe(2);
  const [first, second] = await validationValues(page, 'loss');
  expect(second).toBeLessThan(first);
  await expect(panel).toContainText('epoch 2');
  await expect(page.getByTestId('run-state')).toContainText(/finished|done|stopped/i, { timeout: 10_000 });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/screenshots/reconstructions.png' });
  // Eight digits in a row, 2 px apart: every input and every reconstruction has ink on black, and
  // each reconstruction is its own digit (measured: 0.53 to 0.90, mean 0.79) far more than the others (0.35).
  const late = await reconstructionMatch(panel);
  expect(late.inputContrast).toBeGreaterThan(40);
  expect(late.outputContrast).toBeGreaterThan(25);
  expect(Math.min(...late.own)).toBeGreaterThan(0.4);
  expect(mean(late.own)).toBeGreaterThan(0.65);
  expect(mean(late.own)).toBeGreaterThan(late.others + 0.25);
  // An epoch earlier they resembled their inputs less (measured: mean 0.65).
  await showEpoch(page, 0);
  await expect(panel).toContainText('epoch 1');
  const early = await reconstructionMatch(panel);
  expect(mean(early.own)).toBeLessThan(mean(late.own) - 0.05);
  expect(errors).toEqual([]);
});

/** A small 2-D GAN on the ring of 8 Gaussians. */
function ringGan(): ExampleDocument {
  const base = example('dcgan-mnist');
  const node = (id: string, type: string, params: Record<string, unknown>, x: number, y: number, group: string) => ({ id, type, params, position: { x, y }, group });
  const generator = [
    node('noise', 'Input', { kind: 'noise', features: 8 }, 0, 0, 'generator'),
    node('gdense1', 'Dense', { units: 64 }, 220, 0, 'generator'),
    node('grelu1', 'ReLU', {}, 440, 0, 'generator'),
    node('gdense2', 'Dense', { units: 64 }, 660, 0, 'generator'),
    node('grelu2', 'ReLU', {}, 880, 0, 'generator'),
    node('gout', 'Dense', { units: 2 }, 1100, 0, 'generator'),
  ];
  const discriminator = [
    node('points', 'Input', { kind: 'vector', features: 2 }, 0, 300, 'discriminator'),
    node('ddense1', 'Dense', { units: 64 }, 220, 300, 'discriminator'),
    node('dleaky1', 'LeakyReLU', { alpha: 0.2 }, 440, 300, 'discriminator'),
    node('ddense2', 'Dense', { units: 64 }, 660, 300, 'discriminator'),
    node('dleaky2', 'LeakyReLU', { alpha: 0.2 }, 880, 300, 'discriminator'),
    node('dout', 'Dense', { units: 1 }, 1100, 300, 'discriminator'),
    node('bce', 'BCE', {}, 1320, 300, 'discriminator'),
  ];
  const chain = (nodes: { id: string }[]) =>
    nodes.slice(1).map((target, index) => ({ id: `e-${nodes[index].id}-${target.id}`, source: nodes[index].id, sourcePort: 'out', target: target.id, targetPort: 'in' }));
  return {
    ...base,
    metadata: { name: 'Ring GAN', description: 'A GAN on a ring of 8 Gaussians.', tags: [] },
    nodes: [...generator, ...discriminator],
    edges: [...chain(generator), ...chain(discriminator)],
    training: { ...base.training, batchSize: 64, epochs: 50 },
    dataset: { source: 'builtin', name: 'gaussian-ring' },
  };
}

test('a GAN on 2-D points shows its samples, and they move as it trains', async ({ page }) => {
  const errors = await openExample(page, 'dcgan-mnist');
  await replaceJson(page, ringGan());
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  await page.getByTestId('setting-epochs').fill('200');
  await page.getByTestId('run-train').click();
  const view = page.getByTestId('points-view');
  await expect(view).toBeVisible({ timeout: 20_000 });
  const canvas = view.locator('canvas').first();
  // The generated points spread from the untrained generator's clump over the ring (measured: a
  // fifth of the real points' spread after epoch 1, 0.65 by epoch 10, 0.9 by epoch 25).
  await expect.poll(async () => scatter(await readPixels(canvas)).spread, { timeout: 30_000 }).toBeGreaterThan(0.75);
  await page.getByTestId('run-stop').click();
  await view.scrollIntoViewIfNeeded();
  await view.screenshot({ path: 'test-results/screenshots/gan-points.png' });
  const late = scatter(await readPixels(canvas));
  await showEpoch(page, 0);
  await expect(view).toContainText('epoch 1 ');
  const early = scatter(await readPixels(canvas));
  // 512 points of each kind, drawn as 3×3 dots: hundreds of pixels each, whatever the overlap.
  for (const points of [early, late]) expect(Math.min(points.generated, points.real)).toBeGreaterThan(400);
  expect(early.spread).toBeLessThan(0.45);
  expect(late.spread).toBeGreaterThan(early.spread + 0.3);
  expect(errors).toEqual([]);
});

/** A 4×4 sheet of 28×28 samples, 2 px apart: its layout, mean brightness, contrast within a sample, and how alike the samples are. */
function samplePixels(pixels: Pixels) {
  expect([pixels.width, pixels.height]).toEqual([4 * 28 + 3 * 2, 4 * 28 + 3 * 2]);
  expect(drawnShare(pixels)).toBeCloseTo((16 * 28 * 28) / (118 * 118), 6);
  const samples = tileBrightness(pixels, tileRegions(16, 28, 28, 2));
  const pairs = samples.flatMap((sample, index) => samples.slice(index + 1).map((other) => correlation(sample, other)));
  return { brightness: mean(samples.flat()), contrast: mean(samples.map(standardDeviation)), likeness: Math.max(...pairs) };
}

test('the DCGAN example shows its sample grid after an epoch, a new one after the next, and the slider goes back', async ({ page }) => {
  const errors = await openExample(page, 'dcgan-mnist');
  const document = example('dcgan-mnist');
  // 640 of the bundled digits keep an epoch to ten steps.
  await replaceJson(page, { ...document, dataset: { ...document.dataset, options: { range: [-1, 1], limit: 640 } } });
  await page.getByTestId('setting-epochs').fill('2');
  await page.getByTestId('run-train').click();
  const grid = page.getByTestId('sample-grid');
  await expect(grid).toBeVisible({ timeout: 40_000 });
  // The first samples come mid-epoch (after step 1); each epoch's end replaces its epoch's.
  await expect(grid).toContainText('epoch 1');
  await expect(page.getByTestId('run-state')).toContainText('Finished', { timeout: 60_000 });
  await expect(grid).toContainText('epoch 2 · step 20');
  const second = await dataUrl(grid.locator('canvas'));
  const secondSamples = samplePixels(await readPixels(grid.locator('canvas')));
  await grid.scrollIntoViewIfNeeded();
  await grid.screenshot({ path: 'test-results/screenshots/gan-samples.png' });
  await grid.getByRole('slider', { name: 'Sample epoch' }).fill('0');
  await expect(grid).toContainText('epoch 1 · step 10');
  expect(await dataUrl(grid.locator('canvas'))).not.toBe(second);
  // Ten steps in, the samples are near-uniform grey (the tanh output near 0, mid-range); ten more
  // and they darken towards the digits' black background and gain contrast (measured: brightness
  // 124 to 119, contrast 4.4 to 6.2). Each sample has its own noise, so no two are the same picture.
  const firstSamples = samplePixels(await readPixels(grid.locator('canvas')));
  expect(secondSamples.brightness).toBeLessThan(firstSamples.brightness - 2);
  expect(secondSamples.contrast).toBeGreaterThan(firstSamples.contrast);
  for (const samples of [firstSamples, secondSamples]) expect(samples.likeness).toBeLessThan(0.95);
  expect(errors).toEqual([]);
});

test('a diverging run names the node, fails, keeps the graph, and trains again with a sane learning rate', async ({ page }) => {
  // Heavy momentum at the largest learning rate the schema allows blows the sine LSTM up within a few dozen steps.
  const errors = await openExample(page, 'sine-lstm');
  const document = example('sine-lstm');
  const ids = document.nodes.map((item) => item.id);
  await replaceJson(page, { ...document, training: { ...document.training, optimizer: { type: 'sgd', learningRate: 10, momentum: 0.9 } } });
  await expect(page.getByTestId('setting-learningRate')).toHaveValue('10');
  await page.getByTestId('setting-epochs').fill('3');
  await page.getByTestId('run-train').click();
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText(/diverged/i);
  const text = await banner.innerText();
  expect(ids.some((id) => text.includes(id))).toBe(true);
  await expect(page.getByTestId('run-state')).toContainText(/failed|stopped|diverged/i);
  await expect(page.getByTestId('layer-node')).toHaveCount(ids.length);
  await page.screenshot({ path: 'test-results/screenshots/divergence.png' });
  await page.getByTestId('setting-learningRate').fill('0.01');
  // Enough epochs that the run is still going when it is stopped (three end within a second on wasm).
  await page.getByTestId('setting-epochs').fill('500');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 20_000 }).toBeGreaterThan(20);
  await page.getByTestId('run-stop').click();
  expect(errors).toEqual([]);
});
