// What the browser tests share: opening the app with its errors collected, finding layers and edge
// labels on the canvas, and reading the progress panel.
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export { panePoint, shownStep } from '../../browser/appPage.ts';

/** Collects uncaught exceptions and console errors from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Opens the app (e.g. `?example=xo-cnn`); the returned list collects page errors. */
export async function openApp(page: Page, query = ''): Promise<string[]> {
  const errors = collectErrors(page);
  await page.goto(`/${query}`);
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
  return errors;
}

/** Opens an example with its training dock. */
export async function openExample(page: Page, example: string): Promise<string[]> {
  const errors = await openApp(page, `?example=${example}`);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  return errors;
}

export function layerNode(page: Page, id: string): Locator {
  return page.locator(`[data-testid="layer-node"][data-node-id="${id}"]`);
}

/** Layers in the document, from the status bar: zoomed in, the canvas renders only those in view. */
export async function layerCount(page: Page): Promise<number> {
  const text = await page.getByTestId('status-bar').innerText();
  return Number(/(\d+) layers/.exec(text)?.[1] ?? Number.NaN);
}

export function edgeLabel(page: Page, id: string): Locator {
  return page.locator(`[data-testid="edge-label"][data-edge-id="${id}"]`);
}

/** Without the File System Access pickers the app opens through <input type=file> and saves by download, both of which Playwright drives. Call before the first `goto`. */
export async function withoutFilePickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const name of ['showOpenFilePicker', 'showSaveFilePicker']) {
      delete (window as unknown as Record<string, unknown>)[name];
      delete (Window.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}

/** The name and text of a download, once it finishes. */
export async function downloadedText(download: Promise<Download>): Promise<{ name: string; text: string }> {
  const done = await download;
  const path = await done.path();
  return { name: done.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Clicks `button` and returns what it downloads. */
export function downloadBy(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  return downloadedText(Promise.all([page.waitForEvent('download'), button.click()]).then(([download]) => download));
}
