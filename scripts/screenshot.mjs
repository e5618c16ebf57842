// Writes docs/screenshot.png (the README's picture): builds the web app, serves it with
// `vite preview`, and photographs it in Debian's Chromium.
// Usage: node scripts/screenshot.mjs [--example xo-cnn] [--select conv2d1] [--train SECONDS] [--out docs/screenshot.png] [--no-build]
// (--select '' selects nothing, so the inspector shows the graph's overview.)
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const { values } = parseArgs({
  options: {
    example: { type: 'string', default: 'xo-cnn' },
    out: { type: 'string', default: 'docs/screenshot.png' },
    select: { type: 'string', default: 'conv2d1' },
    width: { type: 'string', default: '1920' },
    height: { type: 'string', default: '1080' },
    'no-build': { type: 'boolean', default: false },
    train: { type: 'string', default: '0' },
  },
});

// The same flags as playwright.config.ts.
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu'];
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

if (!values['no-build'] || !existsSync('build/web/index.html')) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({ configFile: 'vite.config.ts', logLevel: 'warn', preview: { host: '127.0.0.1', port: 5184, strictPort: false } });
const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) }, deviceScaleFactor: 1 });
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5184/';
  await page.goto(`${base}?example=${encodeURIComponent(values.example)}`);
  await page.locator('[data-testid="layer-node"]').first().waitFor();
  if (Number(values.train) > 0) {
    await page.getByTestId('run-train').click();
    await page.waitForTimeout(Number(values.train) * 1000);
  }
  if (values.select !== '') await page.locator(`[data-testid="layer-node"][data-node-id="${values.select}"]`).click();
  await page.mouse.move(0, Number(values.height) - 1);
  await page.waitForTimeout(400);
  mkdirSync(dirname(values.out), { recursive: true });
  await page.screenshot({ path: values.out });
  console.log(`wrote ${values.out}`);
} finally {
  await browser.close();
  await server.close();
}
