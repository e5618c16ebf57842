// Export in the app: a trained X-vs-O exports to ONNX (the file passes ONNX's own checker and
// onnxruntime matches Netloom: the dialog says "ok"), and to a PyTorch package (a zip with model.py,
// train.py, data.py, weights.npz); the PyTorch view follows the graph; a checkpoint saved by the
// CLI loads for the graph and Train goes on from it, and one from another graph is refused.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { openExample, shownStep } from './pages.ts';

const root = join(import.meta.dirname, '../..');
const SHOTS = '/tmp/export-shots';

async function saved(download: Download, folder: string): Promise<string> {
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function trainBriefly(page: Page): Promise<void> {
  await page.getByTestId('setting-epochs').fill('2');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/finished|done/i, { timeout: 45_000 });
}

async function openExport(page: Page): Promise<void> {
  await page.getByTestId('model-menu').click();
  await page.getByTestId('export-model').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

async function replaceJson(page: Page, text: string): Promise<void> {
  await page.getByTestId('json-view').locator('.view-lines').click();
  await page.keyboard.press('Control+a');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.use({ viewport: { width: 1440, height: 900 } });

test('a trained X vs O exports to ONNX that passes the ONNX checker, with parity ok, and to a PyTorch zip', async ({ page }) => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'netloom-export-'));
  mkdirSync(SHOTS, { recursive: true });
  const errors = await openExample(page, 'xo-cnn');
  await trainBriefly(page);
  await openExport(page);
  await expect(page.getByTestId('export-weights-run')).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
  expect(download.suggestedFilename()).toBe('x-vs-o-cnn.onnx');
  const table = page.getByTestId('parity-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('td.verdict')).toHaveText(['ok', 'ok']);
  await expect(page.getByTestId('export-result')).toContainText("the latest run's weights (step");
  await page.screenshot({ path: join(SHOTS, 'export-dialog.png') });
  const onnxPath = await saved(download, folder);
  const check = 'import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m); print(m.opset_import[0].version, [o.name for o in m.graph.output])';
  expect(execFileSync('/usr/bin/python3', ['-c', check, onnxPath], { encoding: 'utf8' }).trim()).toBe("17 ['logits', 'probabilities']");

  await page.getByTestId('export-format-pytorch').check();
  const [zip] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-start').click()]);
  expect(zip.suggestedFilename()).toBe('x-vs-o-cnn-pytorch.zip');
  const entries = unzipSync(readFileSync(await saved(zip, folder)));
  expect(Object.keys(entries).map((name) => name.replace('x-vs-o-cnn-pytorch/', '')).sort()).toEqual(['README.md', 'data.npz', 'data.py', 'model.py', 'train.py', 'weights.npz']);
  expect(new TextDecoder().decode(entries['x-vs-o-cnn-pytorch/model.py'])).toContain('self.conv2d1 = nn.Conv2d(1, 4');
  await page.getByTestId('export-close').click();

  const [weights] = await Promise.all([page.waitForEvent('download'), page.getByTestId('model-menu').click().then(() => page.getByTestId('save-weights').click())]);
  expect(weights.suggestedFilename()).toBe('x-vs-o-cnn.ckpt');
  expect(readFileSync(await saved(weights, folder)).subarray(0, 4).toString('latin1')).toBe('NLC2');
  expect(errors).toEqual([]);
});

test("an autoencoder with no run exports its seeded weights, the whole model and the encoder, each checked", async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await openExample(page, 'dense-autoencoder');
  await openExport(page);
  await expect(page.getByTestId('export-weights-initial')).toBeChecked();
  await expect(page.getByTestId('export-weights-run')).toHaveCount(0);
  await expect(page.getByTestId('export-dialog')).toContainText('This graph has no run in this session: the export holds its seeded initial weights.');
  const names: string[] = [];
  page.on('download', (download) => names.push(download.suggestedFilename()));
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('parity-table')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => names.length).toBe(2);
  expect(names).toEqual(['dense-autoencoder.onnx', 'dense-autoencoder.encoder.onnx']);
  const parts = await page.getByTestId('parity-table').locator('tbody tr td:first-child').allInnerTexts();
  expect(new Set(parts)).toEqual(new Set(['model', 'encoder']));
  await expect(page.getByTestId('parity-table').locator('td.verdict.failed')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the PyTorch view shows model.py beside the graph and follows a renamed node', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = await openExample(page, 'xo-cnn');
  await page.getByTestId('pytorch-toggle').click();
  const lines = page.getByTestId('pytorch-view').locator('.view-lines');
  await expect(lines).toContainText('class Model(nn.Module):', { timeout: 30_000 });
  await expect(lines).toContainText('self.conv2d1 = nn.Conv2d(1, 4');
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'pytorch-view.png') });
  const text = readFileSync(join(root, 'assets/examples/xo-cnn.json'), 'utf8');
  await page.getByTestId('json-toggle').click();
  await expect(page.getByTestId('json-view').locator('.view-lines')).toContainText('netloom.graph', { timeout: 20_000 });
  await replaceJson(page, text.replaceAll('"conv2d1"', '"features"'));
  await expect(page.getByTestId('status-health')).toHaveText('Shapes check out');
  await page.getByTestId('pytorch-toggle').click();
  await expect(lines).toContainText('self.features = nn.Conv2d(1, 4', { timeout: 30_000 });
  await expect(lines).not.toContainText('conv2d1');
  // A graph that stops code generation says why, over the last code.
  const unlinked = JSON.parse(text) as { edges: unknown[] };
  unlinked.edges = [];
  await page.getByTestId('json-toggle').click();
  await replaceJson(page, JSON.stringify(unlinked, null, 2));
  await expect(page.getByTestId('status-health')).not.toHaveText('Shapes check out');
  await page.getByTestId('pytorch-toggle').click();
  await expect(page.getByTestId('pytorch-problem')).toContainText(/^No PyTorch code for this graph: The graph has a problem \(node \w+/, { timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, 'pytorch-problem.png') });
  expect(errors).toEqual([]);
});

test('a checkpoint saved by the CLI loads for its graph and Train goes on from it; another graph refuses it', async ({ page }) => {
  test.setTimeout(120_000);
  const checkpoint = join(mkdtempSync(join(tmpdir(), 'netloom-ckpt-')), 'x.ckpt');
  execFileSync(process.execPath, ['engine/cli/bin.mjs', 'train', 'assets/examples/xo-cnn.json', '--steps', '30', '--save', checkpoint], { cwd: root, stdio: 'ignore' });
  const errors = await openExample(page, 'xo-cnn');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('model-menu').click().then(() => page.getByTestId('load-weights').click())]);
  await chooser.setFiles(checkpoint);
  await expect(page.getByTestId('weights-note')).toHaveText('Weights loaded from x.ckpt (saved at step 30): Train continues from them.');
  await page.getByTestId('setting-epochs').fill('2');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/finished|done/i, { timeout: 45_000 });
  await expect(page.getByTestId('weights-note')).toHaveText('This run started from the weights in x.ckpt (saved at step 30).');
  expect(await shownStep(page)).toBeGreaterThan(30);

  await page.goto('/?example=mnist-mlp');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const [refused] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('model-menu').click().then(() => page.getByTestId('load-weights').click())]);
  await refused.setFiles(checkpoint);
  await expect(page.locator('.status-notice.notice-error')).toContainText(/^x\.ckpt: .+ The graph keeps its own weights\./);
  await expect(page.getByTestId('weights-note')).toHaveCount(0);
  expect(errors).toEqual([]);
});
