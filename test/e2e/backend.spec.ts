// The backend a run trains on: in Chromium the page is cross-origin isolated, so Automatic trains
// on WebAssembly with a thread per core (two on the build machines) and the dashboard says so;
// the Backend setting forces the CPU reference from the next Train, no reload, and stays chosen
// across a reload. The loss falls on WebAssembly, and the CPU run goes on from the weights the
// stopped run reached (no work lost in the switch).
import { expect, test, type Page } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function lossValue(page: Page): Promise<number> {
  const item = page.locator('.chart-legend li', { hasText: /^loss(?![a-z (])/ }).first();
  return Number(await item.locator('.legend-value').innerText());
}

/** Trains until well past the first steps; returns the loss early on and then. */
async function trainAndReadLoss(page: Page): Promise<{ early: number; later: number }> {
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(5);
  const early = await lossValue(page);
  await expect.poll(() => shownStep(page), { timeout: 45_000 }).toBeGreaterThan(150);
  return { early, later: await lossValue(page) };
}

async function stop(page: Page): Promise<void> {
  await page.getByTestId('run-stop').click();
  await expect(page.getByTestId('run-state')).toContainText(/stopped|finished/i, { timeout: 10_000 });
}

test('X vs O trains on WebAssembly with a thread per core, then on the CPU reference once chosen, from the weights it reached', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  const threads = await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));
  expect(threads).toBeGreaterThan(1);
  const choice = page.getByTestId('setting-backend');
  // WebGPU is listed too (--enable-unsafe-webgpu; its choice is webgpu.spec.ts's).
  await expect(choice.locator('option')).toHaveText(['Automatic', 'WebAssembly', 'CPU', 'WebGPU (Google SwiftShader)']);
  await expect(choice).toHaveValue('auto');
  await page.getByTestId('setting-epochs').fill('400');

  const onWasm = await trainAndReadLoss(page);
  const backend = page.getByTestId('run-backend');
  await expect(backend.locator('.backend-name')).toHaveText('WebAssembly SIMD with relaxed FMA');
  await expect(backend.locator('.backend-threads')).toHaveText(`${threads} threads`);
  await expect(backend).toHaveAttribute('title', `WebAssembly SIMD with relaxed fused multiply-add, ${threads} threads: the fastest engine on this machine, splitting large layers across ${threads} threads over shared memory. Automatic passed WebGPU over: Google SwiftShader is a software renderer, slower than WebAssembly on this CPU.`);
  expect(onWasm.later).toBeLessThan(onWasm.early);
  await page.screenshot({ path: 'test-results/screenshots/backend-wasm.png' });
  await page.getByTestId('progress-panel').screenshot({ path: 'test-results/screenshots/backend-wasm-progress.png' });
  await expect(choice).toBeDisabled();
  await stop(page);
  const stoppedAt = await shownStep(page);

  await choice.selectOption('cpu');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await shownStep(page)).toBeGreaterThan(stoppedAt);
  // Steps count on from the stopped run's, and the loss stays where it had come down to (a fresh start is back near ln 2).
  expect(await lossValue(page)).toBeLessThan(onWasm.early / 10);
  await expect(backend.locator('.backend-name')).toHaveText('TypeScript reference kernels');
  await expect(backend.locator('.backend-threads')).toHaveText('1 thread');
  await expect(backend.locator('.backend-reason')).toHaveText(`chosen in the setting · weights from step ${stoppedAt} on WebAssembly`);
  await expect(backend).toHaveAttribute('title', /^TypeScript reference kernels, 1 thread: the plain reference kernels, slower/);
  await page.screenshot({ path: 'test-results/screenshots/backend-cpu.png' });
  await stop(page);

  await page.reload();
  await expect(page.getByTestId('setting-backend')).toHaveValue('cpu');
  await page.getByTestId('setting-backend').selectOption('auto');
  expect(errors).toEqual([]);
});
