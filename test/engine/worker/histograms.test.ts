// Parameter and gradient histograms: the gradient binned matches a finite-difference gradient of a
// small model, and a run streams a watched layer's histograms, paced, ending on its final weights.
import { describe, expect, it } from 'vitest';
import type { Histogram } from '../../../engine/protocol/index.ts';
import { histogram } from '../../../engine/train/histogram.ts';
import { Model } from '../../../engine/train/model.ts';
import { HistogramPacer, parameterHistograms } from '../../../engine/worker/histograms.ts';
import { chainDocument } from '../graph/build.ts';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const tiny = chainDocument(
  [
    { id: 'x', type: 'Input', params: { kind: 'vector', features: 5 } },
    { id: 'dense', type: 'Dense', params: { units: 4 } },
    { id: 'tanh', type: 'Tanh' },
    { id: 'scores', type: 'Dense', params: { units: 3 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ],
  'classify',
  { optimizer: { type: 'sgd', learningRate: 0.1 }, seed: 11 },
);

/** Central differences of the loss with respect to every value of one parameter buffer. */
function finiteDifferences(model: Model, values: Float32Array | Float64Array | Int32Array, step = 1e-6): number[] {
  return Array.from(values, (_, index) => {
    const kept = values[index];
    values[index] = kept + step;
    model.forward('train');
    const up = model.loss();
    values[index] = kept - step;
    model.forward('train');
    const down = model.loss();
    values[index] = kept;
    return (up - down) / (2 * step);
  });
}

/** Bins values over a given range, clamping the ones just outside into the end bins. */
function binOver(values: readonly number[], range: Histogram): number[] {
  const counts = new Array<number>(range.counts.length).fill(0);
  const width = range.max - range.min;
  for (const value of values) counts[Math.max(0, Math.min(counts.length - 1, Math.floor(((value - range.min) * counts.length) / width)))]++;
  return counts;
}

describe('parameter histograms', () => {
  it('bin the gradient a finite-difference check finds, for the weights and the bias', async () => {
    const model = Model.compile(tiny, { batchSize: 6, precision: 'f64' });
    model.input('x').data.set(Array.from({ length: 30 }, (_, index) => Math.sin(index * 1.7) * 2));
    model.target().data.set([0, 1, 2, 2, 1, 0]);
    model.forward('train');
    model.backward();
    const histograms = await parameterHistograms(model, 'dense', 12);
    expect(histograms.map((entry) => [entry.name, entry.shape])).toEqual([['weights', [5, 4]], ['bias', [4]]]);
    for (const entry of histograms) {
      const parameter = model.compiled.parameters.find((candidate) => candidate.node === 'dense' && candidate.name === entry.name)!;
      const values = model.tensor(parameter.value).data;
      expect(entry.values).toEqual(histogram(values, 12));
      const numeric = finiteDifferences(model, values);
      const gradients = entry.gradients!;
      expect(gradients.min).toBeCloseTo(Math.min(...numeric), 7);
      expect(gradients.max).toBeCloseTo(Math.max(...numeric), 7);
      expect(gradients.counts).toEqual(binOver(numeric, gradients));
      expect(gradients.counts.reduce((sum, count) => sum + count, 0)).toBe(values.length);
      expect(Math.max(...numeric) - Math.min(...numeric)).toBeGreaterThan(1e-3);
    }
    expect(await parameterHistograms(model, 'tanh')).toEqual([]);
  });

  it('are paced: at most every interval, an epoch end sooner, and right away after a reset', () => {
    const pacer = new HistogramPacer(500, 200);
    expect([pacer.due(0, false), pacer.due(100, false), pacer.due(250, true), pacer.due(300, false), pacer.due(750, false)]).toEqual([true, false, true, false, true]);
    pacer.reset();
    expect(pacer.due(760, false)).toBe(true);
  });

  it('stream from a run for the watched layer and end on its final weights', async () => {
    const xo = structuredClone(readExamples().find((example) => example.name === 'xo-cnn.json')!.document);
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo });
    await harness.send({ type: 'watch', nodeIds: ['conv2d1', 'relu1'], sample: 0 });
    await harness.send({ type: 'start', settings: { steps: 12 } });
    const events = harness.of('histograms');
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((event) => event.nodeId === 'conv2d1')).toBe(true);
    const last = events[events.length - 1];
    expect(last.step).toBe(12);
    expect(last.parameters.map((entry) => [entry.name, entry.shape])).toEqual([['weights', [3, 3, 1, 4]], ['bias', [4]]]);
    const [weights, bias] = last.parameters;
    expect(weights.values.counts).toHaveLength(30);
    expect(weights.gradients?.counts.reduce((sum, count) => sum + count, 0)).toBe(36);
    expect(bias.values.counts.reduce((sum, count) => sum + count, 0)).toBe(4);
    await harness.send({ type: 'readWeights', requestId: 3, nodeId: 'conv2d1' });
    const [read] = harness.of('weights');
    expect(weights.values).toEqual(histogram(new Float32Array(read.tensors.weights.data), 30));
    expect(events[0].parameters[0].values).not.toEqual(weights.values);
  });
});
