// The document's normalization choice fitted to a dataset: one map per position of the last axis
// (an image's channels), from the training indices only; "none" is no map; token ids refused.
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../engine/data/dataError.ts';
import type { Dataset } from '../../../engine/data/dataset.ts';
import { documentNormalization, fitChosenNormalization } from '../../../engine/data/index.ts';
import { GraphDocumentSchema } from '../../../engine/graph/index.ts';

/** Three 1×2 images of two channels, channels last: channel 0 then channel 1 of each pixel. */
const images: Dataset = {
  name: 'tiny images',
  count: 3,
  inputDims: [1, 2, 2],
  // example 0: c0 = 1, 3; c1 = 10, 30. example 1: c0 = 5, 7; c1 = 50, 70. example 2: c0 = 100, 100; c1 = -100, -100.
  inputs: { kind: 'float', values: Float32Array.from([1, 10, 3, 30, 5, 50, 7, 70, 100, -100, 100, -100]) },
  targetDims: [],
  targets: { kind: 'class', values: Int32Array.from([0, 1, 0]), classNames: ['a', 'b'] },
};

describe('the chosen normalization', () => {
  it('standardizes each channel over the training examples only', () => {
    const fitted = fitChosenNormalization('standardize', images, Int32Array.from([0, 1]));
    // Channel 0 over examples 0 and 1: 1, 3, 5, 7 → mean 4, variance (9 + 1 + 1 + 9) / 4 = 5. Channel 1: ten times that.
    expect(fitted?.period).toBe(2);
    expect(Array.from(fitted!.shift)).toEqual([4, 40]);
    expect(fitted!.factor[0]).toBeCloseTo(1 / Math.sqrt(5), 6);
    expect(fitted!.factor[1]).toBeCloseTo(1 / Math.sqrt(500), 6);
  });

  it('scales each channel to the training minimum and maximum', () => {
    const fitted = fitChosenNormalization('scale01', images, Int32Array.from([0, 1]));
    expect(Array.from(fitted!.shift)).toEqual([1, 10]);
    expect(fitted!.factor[0]).toBeCloseTo(1 / 6, 6);
    expect(fitted!.factor[1]).toBeCloseTo(1 / 60, 6);
  });

  it('"none" is no map at all', () => {
    expect(fitChosenNormalization('none', images, Int32Array.from([0, 1, 2]))).toBeUndefined();
  });

  it('refuses to scale token ids, naming the dataset and what to do', () => {
    const tokens: Dataset = { name: 'story.txt', count: 2, inputDims: [3], inputs: { kind: 'token', values: Int32Array.from([1, 2, 3, 4, 5, 6]) }, targetDims: [3], targets: { kind: 'token', values: Int32Array.from([2, 3, 4, 5, 6, 7]) }, vocabulary: [] };
    expect(() => fitChosenNormalization('standardize', tokens, Int32Array.from([0]))).toThrow(DataError);
    expect(() => fitChosenNormalization('scale01', tokens, Int32Array.from([0]))).toThrow(/story\.txt.*token ids.*set the dataset's normalization to "none"/);
    expect(fitChosenNormalization('none', tokens, Int32Array.from([0]))).toBeUndefined();
  });

  it('fits a document on the training part of its own split', () => {
    const base = {
      format: 'netloom.graph',
      version: 2,
      nodes: [{ id: 'x', type: 'Input', params: { kind: 'image', height: 1, width: 2, channels: 2 }, position: { x: 0, y: 0 } }],
      edges: [],
      dataset: { source: 'builtin', name: 'unused', normalization: 'scale01' },
    };
    // Seed 1 with a third held out holds example 0 out: the minimums of examples 1 and 2 are 5 and −100 (all three: 1 and −100).
    const document = GraphDocumentSchema.parse({ ...base, training: { task: 'classify', validationSplit: 1 / 3, seed: 1 } });
    const fitted = documentNormalization(document, images)!;
    expect(Array.from(fitted.shift)).toEqual([5, -100]);
    expect(fitted.factor[0]).toBeCloseTo(1 / 95, 6);
    expect(fitted.factor[1]).toBeCloseTo(1 / 170, 6);
    const none = GraphDocumentSchema.parse({ ...base, dataset: { source: 'builtin', name: 'unused' }, training: { task: 'classify' } });
    expect(documentNormalization(none, images)).toBeUndefined();
  });
});
