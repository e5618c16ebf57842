// What the browser tests share: opening the app with its errors collected, finding layers and edge
// labels on the canvas, and reading the progress panel.
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

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

/** A point on the empty pane (not on a node or edge), where a drag pans the canvas. */
export async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.getByTestId('canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    for (let fy = 0.3; fy < 0.9; fy += 0.02) {
      for (let fx = 0.3; fx < 0.9; fx += 0.02) {
        const x = box.left + fx * box.width;
        const y = box.top + fy * box.height;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') === true) return { x, y };
      }
    }
    return null;
  });
  if (point === null) throw new Error('found no empty pane to drag on the canvas');
  return point;
}
/** Layers in the document, from the status bar: zoomed in, the canvas renders only those in view. */
export async function layerCount(page: Page): Promise<number> {
  const text = await page.getByTestId('status-bar').innerText();
  return Number(/(\d+) layers/.exec(text)?.[1] ?? Number.NaN);
}

export function edgeLabel(

page: Page, id: string): Locator {
  return page.locator(`[data-testid="edge-label"][data-edge-id="${id}"]`);
}

/** The step the progress panel shows ("125 / 500" -> 125). */
export async function shownStep(page: Page): Promise<number> {
  const text = await page.getByTestId('progress-panel').innerText();
  const match = /step\s+(\d+)\s*\/\s*\d+/i.exec(text);
  return match === null ? 0 : Number(match[1]);
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
