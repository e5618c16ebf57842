// A graph that validates but cannot fit: the status bar shows the memory it needs beside its
// parameter count, and Train is refused with the engine's message naming the node, before anything
// is allocated; the page stays usable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collectErrors, withoutFilePickers } from './pages.ts';

interface GraphNode {
  id: string;
  type: string;
  params: Record<string, unknown>;
  position: { x: number; y: number };
}

/** The MNIST MLP with a second Dense of 1,000,000 units after the first, also made 1,000,000 wide. */
function denseMillion(): string {
  const document = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/examples/mnist-mlp.json'), 'utf8')) as { nodes: GraphNode[]; edges: { id: string; source: string; target: string }[]; metadata: { name: string } };
  document.metadata.name = 'Dense million';
  const dense1 = document.nodes.find((node) => node.id === 'dense1') as GraphNode;
  dense1.params.units = 1_000_000;
  document.nodes.push({ id: 'wide', type: 'Dense', params: { units: 1_000_000 }, position: { x: 770, y: 160 } });
  const out = document.edges.find((edge) => edge.source === 'relu1') as { source: string };
  out.source = 'wide';
  document.edges.push({ id: 'into-wide', source: 'relu1', target: 'wide' });
  return JSON.stringify(document);
}

test('a graph too big to train shows its memory and Train refuses it with the node to change', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = collectErrors(page);
  await withoutFilePickers(page);
  await page.goto('/?example=mnist-mlp');
  // The example's own memory: 101,770 parameters with Adam, 64 images a batch.
  await expect(page.getByTestId('status-memory')).toHaveText(/^≈ [0-9.]+ MiB to train$/);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…', exact: true }).click()]);
  await chooser.setFiles({ name: 'dense-million.netloom.json', mimeType: 'application/json', buffer: Buffer.from(denseMillion()) });
  await expect(page.getByTestId('document-name')).toHaveText('Dense million');
  await expect(page.getByTestId('status-bar')).toContainText(/parameters · ≈ 14.6 TiB to train/);
  await expect(page.getByTestId('status-memory')).toHaveText('≈ 14.6 TiB to train');

  await page.getByTestId('run-train').click();
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText(/The run needs 14\.6 TiB, more than the [0-9.]+ GiB memory limit: the largest parts are node wide's optimizer state \(7\.28 TiB\)/);
  await expect(banner).toContainText('make wide smaller');
  await expect(page.getByTestId('run-state')).toContainText(/failed/i);
  await page.screenshot({ path: 'test-results/screenshots/memory-refused.png' });
  await expect(page.getByTestId('layer-node')).toHaveCount(7);
  expect(errors).toEqual([]);
});
