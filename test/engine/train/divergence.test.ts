// A huge learning rate makes training diverge; the first node with a non-finite value is named,
// on every backend under test (../backends/underTest.ts).
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, TrainingSchema } from '../../../engine/graph/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { locateNonFinite } from '../../../engine/train/divergence.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';

const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
const document = {
  format: GRAPH_FORMAT,
  version: 1,
  nodes: [node('x', 'Input', { kind: 'vector', features: 4 }), node('wide', 'Dense', { units: 16 }), node('act', 'ReLU'), node('out', 'Dense', { units: 1 }), node('loss', 'MSE')],
  edges: [
    { id: 'e1', source: 'x', target: 'wide' },
    { id: 'e2', source: 'wide', target: 'act' },
    { id: 'e3', source: 'act', target: 'out' },
    { id: 'e4', source: 'out', target: 'loss' },
  ],
  training: { task: 'regress', optimizer: { type: 'sgd', learningRate: 10 }, seed: 2 },
};

describe.each(backendsFor('small runs'))('divergence on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('names the first node whose output is not finite', async () => {
    const model = Model.compile(document, { batchSize: 8, backend: backend() });
    model.write(model.inputBuffer('x'), Array.from({ length: 32 }, (_, i) => (i % 7) - 3));
    model.write(model.targetBuffer(), Array.from({ length: 8 }, (_, i) => i * 100));
    const trainer = new Trainer(model, TrainingSchema.parse(document.training), 100);
    let step = 0;
    while (Number.isFinite((await trainer.trainStepAsync()).loss) && step < 100) step++;
    expect(step).toBeLessThan(100);
    const found = await locateNonFinite(model);
    expect(found?.nodeId).toBe('wide');
    expect(found?.place).toBe('output');
  });

  test('finds nothing when every value is finite', async () => {
    const model = Model.compile(document, { batchSize: 2, backend: backend() });
    model.forward('train');
    model.backward();
    expect(await locateNonFinite(model)).toBeNull();
  });

  test('names bad input data', async () => {
    const model = Model.compile(document, { batchSize: 2, backend: backend() });
    model.write(model.inputBuffer('x'), [0, 0, 0, Number.NaN]);
    model.forward('train');
    expect(await locateNonFinite(model)).toEqual({ nodeId: 'x', place: 'output', buffer: 'input data' });
  });
});
