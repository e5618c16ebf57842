// A small MLP learns XOR: compile, train with Adam, and every point is classified right; one seed
// gives the same losses bit for bit. On every backend under test (../backends/underTest.ts).
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../engine/backends/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { GRAPH_FORMAT, TrainingSchema } from '../../../engine/graph/index.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';

const document = {
  format: GRAPH_FORMAT,
  version: 1,
  nodes: [
    { id: 'x', type: 'Input', params: { kind: 'vector', features: 2 }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'Dense', params: { units: 8 }, position: { x: 1, y: 0 } },
    { id: 'tanh', type: 'Tanh', params: {}, position: { x: 2, y: 0 } },
    { id: 'scores', type: 'Dense', params: { units: 2 }, position: { x: 3, y: 0 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy', params: {}, position: { x: 4, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'tanh' },
    { id: 'e3', source: 'tanh', target: 'scores' },
    { id: 'e4', source: 'scores', target: 'loss' },
  ],
  training: { task: 'classify', optimizer: { type: 'adam', learningRate: 0.05 }, seed: 3 },
};

/** The XOR batch written through the backend seam (any backend). */
function xorModel(backend: Backend): Model {
  const model = Model.compile(document, { batchSize: 4, backend });
  model.write(model.inputBuffer('x'), [0, 0, 0, 1, 1, 0, 1, 1]);
  model.write(model.targetBuffer(), [0, 1, 1, 0]);
  return model;
}

/** The losses of `steps` steps from the graph's seed. */
async function lossesOf(backend: Backend, steps: number): Promise<number[]> {
  const trainer = new Trainer(xorModel(backend), TrainingSchema.parse(document.training), steps);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) losses.push((await trainer.trainStepAsync()).loss);
  return losses;
}

describe.each(backendsFor('small runs'))('XOR on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('an MLP with one hidden layer fits XOR', async () => {
    const model = xorModel(backend());
    const trainer = new Trainer(model, TrainingSchema.parse(document.training), 400);
    const first = (await trainer.trainStepAsync()).loss;
    for (let step = 0; step < 399; step++) trainer.advance();
    const last = (await trainer.trainStepAsync()).loss;
    expect(first).toBeGreaterThan(0.5);
    expect(last).toBeLessThan(0.02);
    model.forward('infer');
    const scores = (await model.view(model.outputBuffer('scores'))).data;
    const predictions = [0, 1, 2, 3].map((row) => (scores[row * 2 + 1] > scores[row * 2] ? 1 : 0));
    expect(predictions).toEqual([0, 1, 1, 0]);
  });

  test('one seed gives the same run twice, bit for bit', async () => {
    const first = await lossesOf(backend(), 50);
    expect(first.every(Number.isFinite)).toBe(true);
    expect(await lossesOf(backend(), 50)).toEqual(first);
  });
});
