// Examples by confusion cell and the most wrong ones, from a tiny classifier whose predictions are
// known by hand: three pixels feed an identity Dense layer, so the class scores are the pixels.
import { describe, expect, it } from 'vitest';
import { createBatcher, createDataset, type Dataset } from '../../../engine/data/index.ts';
import { Model } from '../../../engine/index.ts';
import { exampleImages, predictExamples, selectExamples } from '../../../engine/train/classifiedExamples.ts';
import { chainDocument } from '../graph/build.ts';

const document = chainDocument(
  [
    { id: 'pixels', type: 'Input', params: { kind: 'image', height: 1, width: 3, channels: 1 } },
    { id: 'flat', type: 'Flatten' },
    { id: 'scores', type: 'Dense', params: { units: 3 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ],
  'classify',
  { optimizer: { type: 'sgd', learningRate: 0.1 }, seed: 1 },
);

// Scores (= pixels) and labels. Predicted class = brightest pixel.
const rows = [
  [0.9, 0.1, 0.0], // 0: truth 0, predicted 0
  [0.2, 0.8, 0.1], // 1: truth 0, predicted 1, fairly sure
  [0.4, 0.5, 0.3], // 2: truth 0, predicted 1, unsure
  [0.1, 0.9, 0.0], // 3: truth 1, predicted 1
  [0.0, 0.1, 1.0], // 4: truth 1, predicted 2, sure
  [0.3, 0.3, 0.6], // 5: truth 2, predicted 2
  [0.0, 1.0, 0.0], // 6: truth 0, predicted 1, sure
];
const labels = [0, 0, 0, 1, 1, 2, 0];

function tinyDataset(values = rows.flat()): Dataset {
  return createDataset({
    name: 'tiny',
    count: rows.length,
    inputDims: [1, 3, 1],
    inputs: { kind: 'float', values: Float32Array.from(values) },
    targetDims: [],
    targets: { kind: 'class', values: Int32Array.from(labels), classNames: ['a', 'b', 'c'] },
  });
}

function predictions() {
  const model = Model.compile(document, { batchSize: 3 });
  const keys = [...model.readParameters().keys()];
  const kernel = keys.find((key) => key.startsWith('scores/') && model.readParameters().get(key)!.length === 9)!;
  const bias = keys.find((key) => key.startsWith('scores/') && model.readParameters().get(key)!.length === 3)!;
  model.writeParameters(new Map([[kernel, [1, 0, 0, 0, 1, 0, 0, 0, 1]], [bias, [0, 0, 0]]]));
  // Validation: every example but 3, in the order 6, 0, 1, 2, 4, 5 (a padded last batch).
  const batcher = createBatcher(tinyDataset(), { batchSize: 3, indices: Int32Array.from([6, 0, 1, 2, 4, 5]), shuffle: false, remainder: 'pad' });
  return predictExamples(model, 'pixels', batcher);
}

const softmax = (scores: readonly number[]) => scores.map((score) => Math.exp(score) / scores.reduce((sum, other) => sum + Math.exp(other), 0));

describe('classified examples', () => {
  it('predicts every validation example once, with the softmax of its scores', async () => {
    const found = await predictions();
    expect(found.classes).toBe(3);
    expect(found.examples.map((example) => example.index)).toEqual([6, 0, 1, 2, 4, 5]);
    expect(found.examples.map((example) => example.predicted)).toEqual([1, 0, 1, 1, 2, 2]);
    const two = found.examples.find((example) => example.index === 2)!;
    expect(two.confidence).toBeCloseTo(softmax(rows[2])[1], 5);
    expect(two.truthProbability).toBeCloseTo(softmax(rows[2])[0], 5);
  });

  it('a cell gives its examples, most confident first, capped at the limit with the full count', async () => {
    const found = await predictions();
    const cell = selectExamples(found, { kind: 'cell', truth: 0, predicted: 1 }, 32);
    expect(cell.total).toBe(3);
    expect(cell.examples.map((example) => example.index)).toEqual([6, 1, 2]);
    expect(cell.examples.every((example) => example.truth === 0 && example.predicted === 1)).toBe(true);
    const capped = selectExamples(found, { kind: 'cell', truth: 0, predicted: 1 }, 2);
    expect(capped).toMatchObject({ total: 3, examples: [{ index: 6 }, { index: 1 }] });
    expect(selectExamples(found, { kind: 'cell', truth: 2, predicted: 0 }, 32)).toEqual({ total: 0, examples: [] });
    expect(selectExamples(found, { kind: 'cell', truth: 1, predicted: 2 }, 32).examples.map((example) => example.index)).toEqual([4]);
  });

  it('most wrong orders by the probability of the true class, lowest first', async () => {
    const found = await predictions();
    const wrong = selectExamples(found, { kind: 'mostWrong' }, 4);
    // p(true): 6 -> 0.212, 4 -> 0.229, 1 -> 0.268, 2 -> 0.332, 5 -> 0.403, 0 -> 0.539.
    expect(wrong.examples.map((example) => example.index)).toEqual([6, 4, 1, 2]);
    expect(wrong.total).toBe(6);
    expect(wrong.examples[1]).toMatchObject({ truth: 1, predicted: 2 });
    expect(wrong.examples[1].truthProbability).toBeCloseTo(softmax(rows[4])[1], 5);
    expect(wrong.examples[0].truthProbability).toBeCloseTo(softmax(rows[6])[0], 5);
  });

  it('rejects a cell outside the classes', async () => {
    const found = await predictions();
    expect(() => selectExamples(found, { kind: 'cell', truth: 3, predicted: 0 }, 5)).toThrow(/Classes are 0 to 2/);
  });

  it('gives the inputs as images, stretched only when they leave [0, 1]', () => {
    const grid = exampleImages(tinyDataset(), [4, 0])!;
    expect(grid).toMatchObject({ count: 2, height: 1, width: 3, channels: 1 });
    expect([...new Float32Array(grid.data)]).toEqual([...Float32Array.from([0, 0.1, 1, 0.9, 0.1, 0])]);
    const wide = exampleImages(tinyDataset(rows.flat().map((value) => value * 4 - 1)), [5])!;
    expect([...new Float32Array(wide.data)].map((value) => Number(value.toFixed(4)))).toEqual([0, 0, 1]);
  });
});
