// WebGPU in the app. Playwright's Chromium runs with --enable-unsafe-webgpu, which on the build
// machines gives SwiftShader: a software (fallback) adapter. The Backend setting lists WebGPU with
// the adapter named; Automatic passes it over for WebAssembly and the dashboard says why; chosen
// by hand, WebGPU compiles the graph and the dashboard names the adapter and the choice.
import { expect, test, type Page } from '@playwright/test';
import { openExample, shownStep } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const SOFTWARE = 'Google SwiftShader is a software renderer, slower than WebAssembly on this CPU';

async function lossValue(page: Page): Promise<number> {
  const item = page.locator('.chart-legend li', { hasText: /^loss(?![a-z (])/ }).first();
  return Number(await item.locator('.legend-value').innerText());
}

test('the Backend setting lists WebGPU on SwiftShader; Automatic trains on WebAssembly and says why WebGPU was passed over; WebGPU chosen compiles on SwiftShader', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  const choice = page.getByTestId('setting-backend');
  await expect(choice.locator('option')).toHaveText(['Automatic', 'WebAssembly', 'CPU', 'WebGPU (Google SwiftShader)']);
  const webgpu = choice.locator('option[value="webgpu"]');
  await expect(webgpu).toBeEnabled();
  await expect(webgpu).toHaveAttribute('title', `Automatic passes it over: ${SOFTWARE}`);
  await expect(page.locator('label.setting-backend')).toHaveAttribute('title', new RegExp(`^Automatic trains on WebAssembly here \\(WebGPU passed over: ${SOFTWARE}\\)`));
  await expect(choice).toHaveValue('auto');

  await page.getByTestId('setting-epochs').fill('400');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(5);
  const backend = page.getByTestId('run-backend');
  await expect(backend.locator('.backend-name')).toHaveText(/^WebAssembly SIMD/);
  await expect(backend.locator('.backend-reason')).toHaveText('WebGPU passed over: Google SwiftShader (software)');
  await expect(backend).toHaveAttribute('title', new RegExp(`Automatic passed WebGPU over: ${SOFTWARE}\\.$`));
  await page.getByTestId('run-pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('Paused');
  await page.screenshot({ path: 'test-results/screenshots/webgpu-automatic.png' });
  await page.getByTestId('progress-panel').screenshot({ path: 'test-results/screenshots/webgpu-automatic-progress.png' });

  // Chosen while paused: the run ends, and the next Train compiles on WebGPU with the run's weights.
  await choice.selectOption('webgpu');
  await expect(page.getByTestId('run-state')).toContainText(/^Stopped/);
  const stoppedAt = await shownStep(page);
  await page.getByTestId('run-train').click();
  await expect(backend.locator('.backend-name')).toHaveText('WebGPU on Google SwiftShader');
  await expect(backend.locator('.backend-threads')).toHaveCount(0);
  await expect(backend.locator('.backend-reason')).toHaveText(`chosen in the setting · weights from step ${stoppedAt} on WebAssembly`);
  await page.getByTestId('progress-panel').screenshot({ path: 'test-results/screenshots/webgpu-forced-progress.png' });
  await expect(page.getByTestId('run-state')).not.toHaveText(/Compiling/);
  await page.screenshot({ path: 'test-results/screenshots/webgpu-forced.png' });

  // Back on WebAssembly, with no work lost: the weights go on from where the WebGPU run left them.
  const stop = page.getByTestId('run-stop');
  if (await stop.isEnabled()) await stop.click();
  await expect(page.getByTestId('run-state')).toHaveText(/^(Stopped|Failed|Finished)/);
  const lastStep = Math.max(stoppedAt, await shownStep(page));
  await choice.selectOption('wasm');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 30_000 }).toBeGreaterThan(0);
  // The first steps shown count on from the stopped run's (a fresh run shows its first few), at the loss it had come down to.
  expect(await shownStep(page)).toBeGreaterThan(lastStep);
  expect(await lossValue(page)).toBeLessThan(0.05);
  await expect(backend.locator('.backend-reason')).toHaveText(/^chosen in the setting · weights from step \d+ on (WebAssembly|WebGPU)$/);
  await page.getByTestId('run-stop').click();
  await page.getByTestId('setting-backend').selectOption('auto');
  expect(errors).toEqual([]);
});

test('X vs O trains on WebGPU in the app: the loss falls and the dashboard names WebGPU', async ({ page }) => {
  const errors = await openExample(page, 'xo-cnn');
  await page.getByTestId('setting-backend').selectOption('webgpu');
  await page.getByTestId('setting-epochs').fill('400');
  await page.getByTestId('run-train').click();
  await expect.poll(() => shownStep(page), { timeout: 60_000 }).toBeGreaterThan(5);
  const early = await lossValue(page);
  await expect.poll(() => shownStep(page), { timeout: 120_000 }).toBeGreaterThan(100);
  expect(await lossValue(page)).toBeLessThan(early);
  const backend = page.getByTestId('run-backend');
  await expect(backend.locator('.backend-name')).toHaveText('WebGPU on Google SwiftShader');
  await expect(backend.locator('.backend-reason')).toHaveText('chosen in the setting');
  await page.getByTestId('run-stop').click();
  await page.getByTestId('setting-backend').selectOption('auto');
  expect(errors).toEqual([]);
});
