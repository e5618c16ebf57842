// Files end to end in the web build: open an example, edit, save (a download), reopen the saved
// file through Open, and get the same document back; the unsaved mark, Import/Export, the recent
// files and the start page with its examples.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { collectErrors, downloadedText, layerCount, withoutFilePickers } from './pages.ts';

const SAVED_NAME = 'x-vs-o-cnn.netloom.json';

test('save, reopen through Open: the same document; the unsaved mark follows edits and saves; recent files list it', async ({ page }) => {
  const errors = collectErrors(page);
  await withoutFilePickers(page);
  await page.goto('/?example=xo-cnn');
  expect(await page.evaluate(() => 'showOpenFilePicker' in window || 'showSaveFilePicker' in window)).toBe(false);
  await expect(page.getByTestId('document-name')).toHaveText('X vs O CNN');
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  await expect(page).toHaveTitle('X vs O CNN — Netloom');

  // An edit: the unsaved mark appears, in the bar and the title.
  await page.getByRole('button', { name: 'Dropout', exact: true }).click();
  await expect(page.getByTestId('layer-node')).toHaveCount(8);
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  await expect(page).toHaveTitle('• X vs O CNN — Netloom');

  // Save: a new document has no file yet, so it asks for a name, offering one made from the graph's.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.defaultValue()}`);
    void dialog.accept(dialog.defaultValue());
  });
  const saved = await downloadedText(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]).then(([download]) => download));
  expect(saved.name).toBe(SAVED_NAME);
  expect(asked).toEqual([`prompt: ${SAVED_NAME}`]);
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  await expect(page).toHaveTitle('X vs O CNN — Netloom');
  await expect(page.locator('.document-file')).toHaveText(SAVED_NAME);
  // Save again downloads under the same name without asking; Save As asks, and downloads under the new name.
  const again = await downloadedText(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]).then(([download]) => download));
  expect(again.name).toBe(SAVED_NAME);
  page.once('dialog', (dialog) => void dialog.accept('xo wider'));
  const savedAs = await downloadedText(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save As…', exact: true }).click()]).then(([download]) => download));
  expect(savedAs.name).toBe('xo wider.netloom.json');
  await expect(page.locator('.document-file')).toHaveText('xo wider.netloom.json');

  // A file that is not a graph does not open, and does not go on the recent list.
  const [badChooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…', exact: true }).click()]);
  await badChooser.setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByTestId('status-bar')).toContainText('notes.json is not a Netloom graph');
  await expect(page.locator('.document-file')).toHaveText('xo wider.netloom.json');
  const savedDocument: unknown = JSON.parse(saved.text);
  expect(savedDocument).toMatchObject({ format: 'netloom.graph', metadata: { name: 'X vs O CNN' } });
  expect((savedDocument as { nodes: { id: string }[] }).nodes.map((node) => node.id)).toContain('dropout1');

  // Open a different example, then the saved file through Open (the file chooser).
  await page.getByLabel('Open an example').selectOption('mnist-mlp');
  await expect(page.getByTestId('document-name')).toHaveText('MNIST MLP');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…', exact: true }).click()]);
  await chooser.setFiles({ name: SAVED_NAME, mimeType: 'application/json', buffer: Buffer.from(saved.text) });
  await expect(page.getByTestId('document-name')).toHaveText('X vs O CNN');
  await expect(page.getByTestId('layer-node')).toHaveCount(8);
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  await expect(page.getByTestId('status-bar')).toContainText(`Opened ${SAVED_NAME}.`);

  // The reopened document, exported, is the saved one exactly.
  const exported = await downloadedText(Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]).then(([download]) => download));
  expect(JSON.parse(exported.text)).toEqual(savedDocument);
  expect(exported.text).toBe(saved.text);

  // Home: the start page lists the file under Recent; opening it from there gives the same graph.
  await page.getByTestId('home').click();
  await expect(page.getByTestId('start-page')).toBeVisible();
  await expect(page.getByTestId('start-recent-item').first()).toContainText(SAVED_NAME);
  await expect(page.getByTestId('start-recent-item').filter({ hasText: 'xo wider.netloom.json' })).toHaveCount(1);
  await expect(page.getByTestId('start-recent-item').filter({ hasText: 'notes.json' })).toHaveCount(0);
  await expect(page.getByLabel('Open an example')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/start-recent.png' });
  await page.getByTestId('start-recent-item').first().click();
  await expect(page.getByTestId('start-page')).toHaveCount(0);
  await expect(page.getByTestId('layer-node')).toHaveCount(8);
  const reopened = await downloadedText(Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]).then(([download]) => download));
  expect(JSON.parse(reopened.text)).toEqual(savedDocument);
  expect(errors).toEqual([]);
});

test('Import opens a file as a new unsaved graph; Undo and Redo from the keyboard', async ({ page }) => {
  await withoutFilePickers(page);
  await page.goto('/?example=lenet5');
  await expect(page.getByTestId('document-name')).toHaveText('LeNet-5');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-json').click()]);
  const source = await readFile('assets/examples/sine-lstm.json', 'utf8');
  await chooser.setFiles({ name: 'sine.json', mimeType: 'application/json', buffer: Buffer.from(source) });
  await expect(page.getByTestId('document-name')).toHaveText('Sine LSTM');
  await expect(page.locator('.document-file')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dropout', exact: true }).click();
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  const before = await layerCount(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => layerCount(page)).toBe(before - 1);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => layerCount(page)).toBe(before);
});

test('the start page: first launch opens an example, the next one the start page; examples with pictures, by keyboard', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByTestId('document-name')).toHaveText('X vs O CNN');
  await page.goto('/');
  const start = page.getByTestId('start-page');
  await expect(start).toBeVisible();
  await expect(page.getByTestId('template-card')).toHaveCount(12);
  const xo = page.locator('[data-testid="template-card"][data-example="xo-cnn"]');
  await expect(xo).toContainText('X vs O CNN');
  await expect(xo).toContainText('It teaches what a filter, a feature map and pooling do.');
  await expect(xo.locator('svg rect')).toHaveCount(7);
  await expect(xo.locator('svg path')).toHaveCount(6);
  for (const card of await page.getByTestId('template-card').all()) expect(await card.locator('svg rect').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('start-recent-item')).toHaveCount(0);
  await expect(start).toContainText('Graphs you open or save appear here.');
  await page.screenshot({ path: 'test-results/screenshots/start.png' });
  // The desktop window's default size.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/start-1440.png' });

  // Keyboard: New has focus; Tab goes to Open…, then on to the examples; Enter opens one.
  await expect(page.getByTestId('start-new')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('start-open')).toBeFocused();
  await page.locator('[data-testid="template-card"][data-example="lenet5"]').focus();
  await page.keyboard.press('Enter');
  await expect(start).toHaveCount(0);
  await expect(page.getByTestId('document-name')).toHaveText('LeNet-5');

  // Home and back with Escape; New empty graph from the start page.
  await page.getByTestId('home').click();
  await expect(start).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-name')).toHaveText('LeNet-5');
  await page.getByTestId('home').click();
  await page.getByTestId('start-new').click();
  await expect(page.getByTestId('document-name')).toHaveText('Untitled');
  await expect(page.getByTestId('layer-node')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('after a restart the autosave comes back bound to its file and marked unsaved; Save offers that file', async ({ page }) => {
  const errors = collectErrors(page);
  await withoutFilePickers(page);
  await page.goto('/?example=lenet5');
  await expect(page.getByTestId('document-name')).toHaveText('LeNet-5');
  // Open a file, then edit it: the autosave (after its pause) remembers the file and that the edit is unsaved.
  const source = await readFile('assets/examples/xo-cnn.json', 'utf8');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…', exact: true }).click()]);
  await chooser.setFiles({ name: 'mine.netloom.json', mimeType: 'application/json', buffer: Buffer.from(source) });
  await expect(page.locator('.document-file')).toHaveText('mine.netloom.json');
  await page.getByRole('button', { name: 'Dropout', exact: true }).click();
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  await page.waitForTimeout(2500);

  // A restart (no example asked for) opens the autosave: the file's name, the unsaved mark, the edit.
  await page.goto('/');
  await expect(page.getByTestId('document-name')).toHaveText('X vs O CNN');
  await expect(page.locator('.document-file')).toHaveText('mine.netloom.json');
  await expect(page.getByTestId('unsaved-mark')).toBeVisible();
  await expect(page.getByTestId('status-bar')).toContainText('Restored “X vs O CNN” from your last session, with its unsaved changes.');
  expect(await layerCount(page)).toBe(8);

  // Save: no file handle outlives a page, so the browser saves under the same name; then all is saved,
  // and the next start says so.
  const saved = await downloadedText(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]).then(([download]) => download));
  expect(saved.name).toBe('mine.netloom.json');
  expect((JSON.parse(saved.text) as { nodes: { id: string }[] }).nodes.map((node) => node.id)).toContain('dropout1');
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  await page.waitForTimeout(500);
  await page.goto('/');
  await expect(page.locator('.document-file')).toHaveText('mine.netloom.json');
  await expect(page.getByTestId('status-bar')).toContainText('Restored “X vs O CNN” from your last session.');
  await expect(page.getByTestId('unsaved-mark')).toHaveCount(0);
  expect(errors).toEqual([]);
});
