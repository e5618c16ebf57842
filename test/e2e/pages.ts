// What the browser tests share: opening the app with its errors collected, and finding layers and
// edge labels on the canvas.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app (e.g. `?example=xo-cnn`); the returned list collects page errors. */
export async function openApp(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`/${query}`);
  await expect(page.getByTestId('layer-node').first()).toBeVisible();
  return errors;
}

export function layerNode(page: Page, id: string): Locator {
  return page.locator(`[data-testid="layer-node"][data-node-id="${id}"]`);
}

export function edgeLabel(page: Page, id: string): Locator {
  return page.locator(`[data-testid="edge-label"][data-edge-id="${id}"]`);
}
