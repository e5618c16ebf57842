// A one-layer LSTM learns to echo its input from 5 steps back: it must carry each bit in its cell.
// On every backend under test (../backends/underTest.ts).
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, TrainingSchema } from '../../../engine/graph/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';

const STEPS = 10;
const DELAY = 5;
const BATCH = 32;

const document = {
  format: GRAPH_FORMAT,
  version: 1,
  nodes: [
    { id: 'x', type: 'Input', params: { kind: 'sequence', steps: STEPS, features: 1 }, position: { x: 0, y: 0 } },
    { id: 'lstm', type: 'LSTM', params: { units: 16, returnSequences: true }, position: { x: 1, y: 0 } },
    { id: 'out', type: 'Dense', params: { units: 1 }, position: { x: 2, y: 0 } },
    { id: 'loss', type: 'MSE', params: {}, position: { x: 3, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'x', target: 'lstm' },
    { id: 'e2', source: 'lstm', target: 'out' },
    { id: 'e3', source: 'out', target: 'loss' },
  ],
  training: { task: 'sequence', optimizer: { type: 'adam', learningRate: 0.01 }, seed: 11 },
};

let state = 99;
function bit(): number {
  state = (state * 1103515245 + 12345) >>> 0;
  return state >>> 31;
}

const input = new Float32Array(BATCH * STEPS);
const target = new Float32Array(BATCH * STEPS);

/** Random bits in, the same bits 5 steps later out (zeros before that), written through the backend seam (any backend). */
function fillBatch(model: Model): void {
  for (let row = 0; row < BATCH; row++) {
    for (let step = 0; step < STEPS; step++) input[row * STEPS + step] = bit();
    for (let step = 0; step < STEPS; step++) target[row * STEPS + step] = step >= DELAY ? input[row * STEPS + step - DELAY] : 0;
  }
  model.write(model.inputBuffer('x'), input);
  model.write(model.targetBuffer(), target);
}

describe.each(backendsFor('learning'))('LSTM echo on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('echoes its input from 5 steps back', async () => {
    state = 99;
    const model = Model.compile(document, { batchSize: BATCH, backend: backend() });
    const trainer = new Trainer(model, TrainingSchema.parse(document.training), 1000);
    for (let step = 0; step < 1000; step++) {
      fillBatch(model);
      trainer.advance();
    }
    fillBatch(model);
    model.forward('infer');
    const prediction = (await model.read(model.outputBuffer('out'))).data;
    let squared = 0;
    let correct = 0;
    for (let i = 0; i < target.length; i++) {
      squared += (prediction[i] - target[i]) ** 2;
      if (i % STEPS >= DELAY && Math.round(prediction[i]) === target[i]) correct++;
    }
    expect(squared / target.length).toBeLessThan(0.01);
    expect(correct).toBe(BATCH * (STEPS - DELAY));
  });
});
