// The examples without a learning test of their own in learning.test.ts learn beyond chance in a
// short run on a slice of their data: classifiers well above 1/classes, the convolutional
// autoencoder well below the error of always drawing the mean image. Measured on 2 cores (2026-12):
// gru-waveforms 0.98 after 100 steps (3 s), mnist-mlp 0.885 after 100 steps (3.5 s), fashion-cnn
// 0.835 after 60 steps (12 s with loading), conv-autoencoder 0.19 of the mean-image MSE after 120
// steps (8.5 s). The thresholds leave room for seeds and kernels to change. Every backend under
// test (../backends/underTest.ts) runs them.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../engine/graph/index.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';
import { example, firstExamples, loadExampleData, meanImageError, root, trainSteps } from './learningHarness.ts';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

/** The graph reading only `limit` of the bundled MNIST digits, evenly spread over the ten. */
function withMnistLimit(document: GraphDocument, limit: number): GraphDocument {
  const dataset = document.dataset;
  if (dataset?.source !== 'builtin') throw new Error(`${document.metadata.name} does not read built-in data`);
  return { ...document, dataset: { ...dataset, options: { ...dataset.options, limit } } };
}

describe.each(backendsFor('learning'))('the examples learn beyond chance on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('gru-waveforms tells sine, square and sawtooth apart: over 85% after 100 steps (chance 33%)', async () => {
    const document = example('gru-waveforms.json');
    const run = await trainSteps(backend(), document, await loadExampleData(document), 100);
    expect(run.before.accuracy).toBeLessThan(0.5);
    expect(run.after.accuracy).toBeGreaterThan(0.85);
  }, 30_000);

  test('mnist-mlp reads 2,000 digits: over 75% after 100 steps (chance 10%)', async () => {
    const document = withMnistLimit(example('mnist-mlp.json'), 2000);
    const run = await trainSteps(backend(), document, await loadExampleData(document), 100);
    expect(run.before.accuracy).toBeLessThan(0.3);
    expect(run.after.accuracy).toBeGreaterThan(0.75);
  }, 30_000);

  test('fashion-cnn on the first 2,000 Fashion-MNIST images: over 65% after 60 steps of 32 (chance 10%)', async () => {
    const document = example('fashion-cnn.json');
    const dataset = firstExamples(await loadExampleData(document), 2000);
    const run = await trainSteps(backend(), document, dataset, 60, { batchSize: 32 });
    expect(run.before.accuracy).toBeLessThan(0.3);
    expect(run.after.accuracy).toBeGreaterThan(0.65);
  }, 45_000);

  test('conv-autoencoder on 2,000 digits: validation MSE below 0.35 of the mean image after 120 steps of 16', async () => {
    const document = withMnistLimit(example('conv-autoencoder.json'), 2000);
    const dataset = await loadExampleData(document);
    const baseline = meanImageError(dataset, document.training.validationSplit, document.training.seed);
    expect(baseline).toBeGreaterThan(0.05);
    const run = await trainSteps(backend(), document, dataset, 120, { batchSize: 16 });
    expect(run.before.loss).toBeGreaterThan(baseline);
    expect(run.after.loss).toBeLessThan(0.35 * baseline);
  }, 45_000);
});
