// The generative labs on real runs: the 2-unit autoencoder's codes as a coloured scatter, a press on
// the plane decoding that point (another press, another image), two examples interpolated; the
// ring GAN's heat map, warped grid and D's verdicts changing one step (D, then G) at a time.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openExample } from './pages.ts';

test.use({ viewport: { width: 1440, height: 900 } });

async function openLab(page: Page, tab: string): Promise<Locator> {
  await page.getByTestId('home').click();
  await page.getByTestId('start-learn').click();
  const panel = page.getByTestId('learn-panel');
  await panel.getByRole('tab', { name: tab }).click();
  return panel;
}

/** A canvas's pixels as a data URL: changes when anything drawn changes. */
function pixelsOf(canvas: Locator): Promise<string> {
  return canvas.evaluate((element) => (element as HTMLCanvasElement).toDataURL());
}

/** Opaque pixels and distinct colours (rounded) drawn on a canvas, and the first two opaque pixels far apart. */
function drawn(canvas: Locator): Promise<{ opaque: number; colours: number; far: number[][] }> {
  return canvas.evaluate((element) => {
    const canvasElement = element as HTMLCanvasElement;
    const data = canvasElement.getContext('2d')!.getImageData(0, 0, canvasElement.width, canvasElement.height).data;
    const colours = new Set<string>();
    const found: number[][] = [];
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 200) continue;
      opaque++;
      colours.add(`${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`);
      const x = (i / 4) % canvasElement.width;
      const y = Math.floor(i / 4 / canvasElement.width);
      if (found.every(([fx, fy]) => Math.hypot(fx - x, fy - y) > 120) && found.length < 2) found.push([x + 1, y + 1]);
    }
    return { opaque, colours: colours.size, far: found };
  });
}

test('the latent lab plots the 2-unit autoencoder\'s codes by class and decodes the point pressed', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openExample(page, 'latent-autoencoder');
  await page.getByTestId('setting-epochs').fill('1');
  await page.getByTestId('setting-batchSize').fill('128');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/finished|done/i, { timeout: 60_000 });
  const panel = await openLab(page, 'Latent space');
  await expect(panel.getByTestId('latent-summary')).toContainText('1000 held-out examples at step 70; codes of 2 values.', { timeout: 20_000 });
  await expect(panel.getByTestId('latent-legend').locator('span')).toHaveCount(10);
  const scatter = panel.getByTestId('latent-scatter');
  const dots = await drawn(scatter);
  expect(dots.opaque).toBeGreaterThan(3000);
  expect(dots.colours).toBeGreaterThanOrEqual(8);

  await scatter.click({ position: { x: 120, y: 120 } });
  const decoded = panel.getByTestId('latent-decoded');
  await expect(decoded).toBeVisible();
  const first = await pixelsOf(decoded);
  const firstPoint = await panel.getByTestId('latent-decoded-point').innerText();
  await scatter.click({ position: { x: 330, y: 320 } });
  await expect.poll(() => panel.getByTestId('latent-decoded-point').innerText()).not.toBe(firstPoint);
  await expect.poll(() => pixelsOf(decoded)).not.toBe(first);
  // A drag decodes as it goes: the point follows the pointer.
  const box = (await scatter.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 380);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 240, { steps: 8 });
  const during = await panel.getByTestId('latent-decoded-point').innerText();
  await page.mouse.move(box.x + 380, box.y + 60, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => panel.getByTestId('latent-decoded-point').innerText()).not.toBe(during);
  await page.screenshot({ path: 'test-results/screenshots/learn-latent.png' });

  await panel.getByRole('radio', { name: 'Pick two examples to interpolate' }).click();
  const [from, to] = dots.far;
  await scatter.click({ position: { x: from[0], y: from[1] } });
  await scatter.click({ position: { x: to[0], y: to[1] } });
  await expect(panel.getByTestId('latent-interpolation')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/learn-latent-interpolation.png' });
  expect(errors).toEqual([]);
});

test('a 16-unit bottleneck is drawn on its two principal components, and a press decodes through them', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openExample(page, 'dense-autoencoder');
  await page.getByTestId('setting-epochs').fill('1');
  await page.getByTestId('setting-batchSize').fill('128');
  await page.getByTestId('run-train').click();
  await expect(page.getByTestId('run-state')).toContainText(/finished|done/i, { timeout: 60_000 });
  const panel = await openLab(page, 'Latent space');
  await expect(panel.getByTestId('latent-summary')).toContainText('codes of 16 values', { timeout: 20_000 });
  await expect(panel).toContainText(/first two principal components \(\d+% and \d+% of the codes' variance\)/);
  await panel.getByTestId('latent-scatter').click({ position: { x: 220, y: 220 } });
  await expect(panel.getByTestId('latent-decoded')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/learn-latent-pca.png' });
  expect(errors).toEqual([]);
});

test('the GAN lab steps the ring GAN one discriminator and one generator step at a time', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await openExample(page, 'gan-ring');
  await page.getByTestId('run-train').click();
  const panel = await openLab(page, 'GAN dynamics');
  await expect(panel.getByTestId('gan-scores')).toBeVisible({ timeout: 20_000 });
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByTestId('gan-step')).toContainText('paused');
  const plane = panel.getByTestId('gan-plane');
  const scores = panel.getByTestId('gan-scores');
  for (let step = 0; step < 3; step++) {
    const before = Number(/Step (\d+)/.exec(await panel.getByTestId('gan-step').innerText())?.[1]);
    await expect(scores).toContainText(`Step ${before}:`);
    const picture = await pixelsOf(plane);
    await panel.getByTestId('gan-one-step').click();
    await expect(panel.getByTestId('gan-step')).toContainText(`Step ${before + 1} `);
    await expect(scores).toContainText(`Step ${before + 1}:`);
    await expect.poll(() => pixelsOf(plane)).not.toBe(picture);
  }
  const text = await scores.innerText();
  const real = Number(/D\(real\) = ([\d.]+)/.exec(text)?.[1]);
  const fake = Number(/D\(fake\) = ([\d.]+)/.exec(text)?.[1]);
  expect(real).toBeGreaterThan(0);
  expect(real).toBeLessThan(1);
  expect(fake).toBeGreaterThan(0);
  expect(fake).toBeLessThan(1);
  expect(text).toMatch(/modes covered \d of 8/);
  // The heat map spans both verdicts' colours; the grid is drawn over it.
  const withGrid = await pixelsOf(plane);
  await panel.getByRole('checkbox', { name: 'grid' }).uncheck();
  await expect.poll(() => pixelsOf(plane)).not.toBe(withGrid);
  await panel.getByRole('checkbox', { name: 'grid' }).check();
  await expect(panel.getByTestId('gan-verdicts').locator('polyline')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/learn-gan.png' });
  expect(errors).toEqual([]);
});
