// The X-vs-O CNN example learns to tell X from O: over 95% on held-out generated images, on every
// backend under test (../backends/underTest.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBatcher, loadDataset, splitIndices } from '../../../engine/data/index.ts';
import { GraphDocumentSchema } from '../../../engine/graph/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { SupervisedLoop } from '../../../engine/train/loops/supervised.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';

const document = GraphDocumentSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../assets/examples/xo-cnn.json'), 'utf8')));

describe.each(backendsFor('small runs'))('X-vs-O CNN on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('exceeds 95% on held-out generated images', async () => {
    const dataset = await loadDataset({ source: 'builtin', name: 'xo' });
    const heldOut = await loadDataset({ source: 'builtin', name: 'xo', options: { seed: 4242, count: 400 } });
    const { batchSize, epochs, seed, validationSplit } = document.training;
    const split = splitIndices(dataset.count, validationSplit, seed);
    const train = createBatcher(dataset, { batchSize, indices: split.train, seed });
    const validation = createBatcher(dataset, { batchSize, indices: split.validation, shuffle: false, remainder: 'pad' });
    const model = Model.compile(document, { batchSize, backend: backend() });
    const loop = new SupervisedLoop(model, new Trainer(model, document.training, epochs * train.batchesPerEpoch), train, validation, 2);
    const losses: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      train.startEpoch(epoch);
      for (let index = 0; index < train.batchesPerEpoch; index++) losses.push((await loop.step(index)).loss);
    }
    const held = await loop.evaluate(createBatcher(heldOut, { batchSize, shuffle: false, remainder: 'pad' }));
    expect(held?.metrics.accuracy).toBeGreaterThan(0.95);
    expect((await loop.evaluate())?.metrics.accuracy).toBeGreaterThan(0.95);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 4);
    const confusion = held?.confusion as number[][];
    expect(confusion.flat().reduce((sum, count) => sum + count, 0)).toBe(400);
  });
});
