// The web build is served cross-origin isolated, as Electron's app:// scheme is: the page and
// the workers it starts get SharedArrayBuffer (the engine's threaded kernels need it), and the
// app still loads everything it uses (Monaco, the bundled digits) under those headers.
import { expect, test } from '@playwright/test';
import { openApp } from './pages.ts';

test('the app is cross-origin isolated and still loads its editor and data', async ({ page }) => {
  const errors = await openApp(page, '?example=xo-cnn');
  const response = await page.request.get('/');
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  const workerShared = await page.evaluate(async () => {
    const source = 'postMessage(typeof SharedArrayBuffer === "function" && crossOriginIsolated)';
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    return new Promise<unknown>((resolve) => (worker.onmessage = (event) => resolve(event.data)));
  });
  expect(workerShared).toBe(true);
  const digits = await page.request.get('/data/mnist.bin');
  expect(digits.status()).toBe(200);
  expect(errors).toEqual([]);
});
