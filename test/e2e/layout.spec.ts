// The window at every size from 800×600 up: top-bar commands reachable (on the bar or in the ⋯ menu)
// and a canvas of at least half the window at 800×600; the dock and side panels resize, collapse and
// remember their sizes; at 1440×900 the loss chart and the reconstructions share the viewport after
// Train; Fit View keeps LeNet's titles readable. Screenshots of every example at 1440×900 and of the
// app at 800×600 go to $LAYOUT_SHOTS (test-results/screenshots by default) as layout-*.png.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, openExample } from './pages.ts';

const SHOTS = process.env.LAYOUT_SHOTS ?? 'test-results/screenshots';

const EXAMPLES = ['char-lstm', 'conv-autoencoder', 'dcgan-mnist', 'dense-autoencoder', 'fashion-cnn', 'gan-ring', 'gru-waveforms', 'latent-autoencoder', 'lenet5', 'mnist-mlp', 'sine-lstm', 'xo-cnn'];

/** Every top-bar command: its bar item id and how it is found on the bar or in the menu. */
const COMMANDS: readonly [string, (scope: Locator) => Locator][] = [
  ['home', (scope) => scope.getByTestId('home')],
  ['new', (scope) => scope.getByRole('button', { name: 'New', exact: true })],
  ['open', (scope) => scope.getByRole('button', { name: 'Open…' })],
  ['save', (scope) => scope.getByRole('button', { name: 'Save', exact: true })],
  ['saveAs', (scope) => scope.getByRole('button', { name: 'Save As…' })],
  ['import', (scope) => scope.getByTestId('import-json')],
  ['export', (scope) => scope.getByTestId('export-json')],
  ['history', (scope) => scope.getByTestId('undo')],
  ['examples', (scope) => scope.getByLabel('Open an example')],
  ['view', (scope) => scope.getByTestId('json-toggle')],
];

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('element not drawn');
  return found;
}

/**
 * The font size a layer's title is drawn at on screen, in px: its CSS font size times the canvas's
 * zoom (the scale of the React Flow viewport's transform).
 */
async function renderedFontSize(title: Locator): Promise<number> {
  return title.evaluate((element) => {
    const viewport = element.closest('.react-flow__viewport');
    const scale = viewport === null ? 1 : new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return Number.parseFloat(getComputedStyle(element).fontSize) * scale;
  });
}

/** True when `locator` lies wholly inside the window. */
async function inWindow(page: Page, locator: Locator): Promise<boolean> {
  const { x, y, width, height } = await box(locator);
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  return x >= 0 && y >= 0 && x + width <= size.width + 0.5 && y + height <= size.height + 0.5;
}

test.describe('at 800×600', () => {
  test.use({ viewport: { width: 800, height: 600 } });

  test('every top-bar command is reachable and the canvas is at least half the window', async ({ page }) => {
    const errors = await openExample(page, 'lenet5');
    const bar = page.locator('.top-bar');
    // One line: the bar keeps its height and nothing in it is cut off at the window's edge.
    expect((await box(bar)).height).toBe(48);
    const overflow = page.getByTestId('overflow-button');
    await expect(overflow).toBeVisible();
    expect(await inWindow(page, overflow)).toBe(true);
    const inMenu: string[] = [];
    for (const [id, find] of COMMANDS) {
      const onBar = bar.locator(`.bar-item[data-bar-item="${id}"]`);
      if ((await onBar.count()) === 1) {
        await expect(find(onBar)).toBeVisible();
        expect(await inWindow(page, find(onBar)), `${id} inside the window`).toBe(true);
        continue;
      }
      inMenu.push(id);
      await overflow.click();
      const item = find(page.getByTestId('overflow-menu'));
      await expect(item).toBeVisible();
      expect(await inWindow(page, item), `${id} inside the window`).toBe(true);
      await page.keyboard.press('Escape');
    }
    // The 800 px bar cannot hold all ten: some went to the menu, and the most needed stayed.
    expect(inMenu.length).toBeGreaterThan(0);
    expect(inMenu).not.toContain('save');
    // Commands run from the menu: the JSON view, then an example.
    await overflow.click();
    if (inMenu.includes('view')) {
      await page.getByTestId('overflow-menu').getByTestId('json-toggle').click();
      await expect(page.locator('.json-view, .json-loading')).toBeVisible();
      await expect(page.getByTestId('overflow-menu')).toHaveCount(0);
      await overflow.click();
      await page.getByTestId('overflow-menu').getByRole('tab', { name: 'Graph' }).click();
      await overflow.click();
    }
    await page.getByTestId('overflow-menu').getByLabel('Open an example').selectOption('xo-cnn');
    await expect(page.getByTestId('document-name')).toHaveText('X vs O CNN');
    await expect(page.getByTestId('overflow-menu')).toHaveCount(0);
    // The canvas: at least half the window's width, and at least half the height between the bars
    // (600 − 48 − 28 = 524 px) above the dock.
    const canvas = await box(page.getByTestId('canvas'));
    expect(canvas.width).toBeGreaterThanOrEqual(400);
    expect(canvas.height).toBeGreaterThanOrEqual(262);
    // The canvas's own commands are whole inside it; the minimap is not drawn on so small a canvas.
    for (const id of ['group', 'ungroup', 'auto-layout', 'duplicate']) {
      const button = await box(page.getByTestId(id));
      expect(button.x).toBeGreaterThanOrEqual(canvas.x);
      expect(button.x + button.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    }
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/layout-800x600.png` });
    expect(errors).toEqual([]);
  });
});

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the dock resizes by drag and keys, collapses, resets, and its size survives a reload', async ({ page }) => {
    const errors = await openExample(page, 'mnist-mlp');
    const dock = page.getByTestId('training-dock');
    const splitter = page.getByTestId('dock-splitter');
    const start = (await box(dock)).height;
    const handle = await box(splitter);
    const grab = handle.y + handle.height / 2;
    await page.mouse.move(handle.x + 200, grab);
    await page.mouse.down();
    await page.mouse.move(handle.x + 200, grab - 100, { steps: 5 });
    await page.mouse.up();
    expect(Math.round((await box(dock)).height)).toBe(Math.round(start + 100));
    await splitter.focus();
    await page.keyboard.press('ArrowUp');
    expect(Math.round((await box(dock)).height)).toBe(Math.round(start + 116));
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(start + 116)));
    await page.reload();
    await expect(page.getByTestId('dashboard')).toBeVisible();
    expect(Math.round((await box(dock)).height)).toBe(Math.round(start + 116));
    // Collapsed, the dock is its header and the canvas takes the room; it stays collapsed after a reload.
    const canvasBefore = (await box(page.getByTestId('canvas'))).height;
    await page.getByTestId('dock-toggle').click();
    await expect(page.getByTestId('dashboard')).toHaveCount(0);
    expect((await box(dock)).height).toBeLessThanOrEqual(32);
    expect((await box(page.getByTestId('canvas'))).height).toBeGreaterThan(canvasBefore + 250);
    await page.reload();
    await expect(page.getByTestId('layer-node').first()).toBeVisible();
    await expect(page.getByTestId('dock-toggle')).toHaveAttribute('aria-expanded', 'false');
    await page.getByTestId('dock-toggle').click();
    expect(Math.round((await box(dock)).height)).toBe(Math.round(start + 116));
    // Double-click: back to the default height.
    await page.getByTestId('dock-splitter').dblclick();
    expect(Math.round((await box(dock)).height)).toBe(Math.round(start));
    expect(errors).toEqual([]);
  });

  test('the side panels collapse to rails and resize, remembered', async ({ page }) => {
    const errors = await openExample(page, 'mnist-mlp');
    const palette = page.getByTestId('palette-panel');
    expect(Math.round((await box(palette)).width)).toBe(220);
    await page.getByTestId('palette-splitter').focus();
    await page.keyboard.press('Shift+ArrowRight');
    expect(Math.round((await box(palette)).width)).toBe(284);
    await page.getByRole('button', { name: 'Hide the inspector panel' }).click();
    await expect(page.getByTestId('inspector-rail')).toBeVisible();
    const canvas = await box(page.getByTestId('canvas'));
    expect(Math.round(canvas.width)).toBe(1440 - 284 - 28);
    await page.reload();
    await expect(page.getByTestId('layer-node').first()).toBeVisible();
    expect(Math.round((await box(page.getByTestId('palette-panel'))).width)).toBe(284);
    await page.getByRole('button', { name: 'Show the inspector panel' }).click();
    await expect(page.getByTestId('inspector-panel')).toBeVisible();
    // 300 px wanted, but the side panels share 40% of the window (576 px): 576 − 284 = 292.
    expect(Math.round((await box(page.getByTestId('inspector-panel'))).width)).toBe(292);
    expect(errors).toEqual([]);
  });

  test('after Train, the loss chart and the reconstructions are both in view without scrolling', async ({ page }) => {
    const errors = await openExample(page, 'conv-autoencoder');
    await page.getByTestId('setting-epochs').fill('1');
    await page.getByTestId('run-train').click();
    const reconstructions = page.getByTestId('reconstructions');
    await expect(reconstructions).toBeVisible({ timeout: 40_000 });
    const dockBody = await box(page.locator('.dock-body'));
    for (const panel of [page.getByTestId('loss-chart'), reconstructions]) {
      const { y, height } = await box(panel);
      expect(y).toBeGreaterThanOrEqual(dockBody.y);
      expect(y + height).toBeLessThanOrEqual(dockBody.y + dockBody.height + 0.5);
      expect(await inWindow(page, panel)).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/layout-conv-autoencoder-trained.png` });
    await page.getByTestId('run-stop').click();
    expect(errors).toEqual([]);
  });

  test('Fit View on LeNet keeps layer titles at least 10 px high, every layer in view', async ({ page }) => {
    const errors = await openExample(page, 'lenet5');
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    const titles = page.locator('[data-testid="layer-node"] .layer-node-type');
    await expect(titles).toHaveCount(14);
    const canvas = await box(page.getByTestId('canvas'));
    for (const title of await titles.all()) {
      const { x, y, width, height } = await box(title);
      expect(await renderedFontSize(title)).toBeGreaterThanOrEqual(9);
      expect(height).toBeGreaterThanOrEqual(10);
      expect(x).toBeGreaterThanOrEqual(canvas.x);
      expect(y).toBeGreaterThanOrEqual(canvas.y);
      expect(x + width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(y + height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    // The dock's loss chart is in the window too.
    expect(await inWindow(page, page.getByTestId('loss-chart'))).toBe(true);
    // Auto layout keeps LeNet in rows that read as well.
    await page.getByTestId('auto-layout').click();
    await page.waitForTimeout(600);
    for (const title of await titles.all()) expect(await renderedFontSize(title)).toBeGreaterThanOrEqual(9);
    expect(errors).toEqual([]);
  });

  for (const example of EXAMPLES) {
    test(`screenshot of ${example}: layer titles readable, no minimap over a layer`, async ({ page }) => {
      // Opened as a user does, from the Examples menu over another graph.
      const errors = await openApp(page, example === 'mnist-mlp' ? '?example=xo-cnn' : '?example=mnist-mlp');
      const before = await page.getByTestId('document-name').innerText();
      await page.getByLabel('Open an example').selectOption(example);
      await expect(page.getByTestId('document-name')).not.toHaveText(before);
      await expect(page.getByTestId('dashboard')).toBeVisible();
      await page.waitForTimeout(400);
      const titles = await page.locator('[data-testid="layer-node"] .layer-node-type').all();
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(await renderedFontSize(title)).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: `${SHOTS}/layout-${example}.png` });
      const minimap = page.locator('.react-flow__minimap');
      if ((await minimap.count()) === 1) {
        const map = await box(minimap);
        for (const node of await page.getByTestId('layer-node').all()) {
          const layer = await box(node);
          const apart = layer.x + layer.width <= map.x || map.x + map.width <= layer.x || layer.y + layer.height <= map.y || map.y + map.height <= layer.y;
          expect(apart, `${example}: the minimap covers a layer`).toBe(true);
        }
      }
      expect(errors).toEqual([]);
    });
  }
});
