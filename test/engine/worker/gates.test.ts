// Gate probes of recurrent nodes: for a tiny LSTM and GRU with known weights, the reported gates
// equal sigmoid/tanh of the affine parts worked step by step by hand, for the chosen sample.
import { describe, expect, it } from 'vitest';
import { Model } from '../../../engine/index.ts';
import { gateBuffer, recurrentGates } from '../../../engine/worker/gates.ts';
import { chainDocument } from '../graph/build.ts';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const STEPS = 3;
const FEATURES = 2;
const UNITS = 2;

function recurrentDocument(type: 'LSTM' | 'GRU' | 'SimpleRNN') {
  return chainDocument(
    [
      { id: 'x', type: 'Input', params: { kind: 'sequence', steps: STEPS, features: FEATURES } },
      { id: 'cell', type, params: { units: UNITS } },
      { id: 'head', type: 'Dense', params: { units: 1 } },
      { id: 'loss', type: 'MSE' },
    ],
    'sequence',
    { optimizer: { type: 'sgd', learningRate: 0.1 }, seed: 1 },
  );
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));
// Two samples of three steps; the gates of sample 1 are asked for, so a row mix-up shows.
const INPUT = [0.5, -1, 0.2, 0.3, -0.4, 0.9, /* sample 1 */ 1, 0.25, -0.6, 0.1, 0.35, -0.8];
const sampleInput = (step: number) => INPUT.slice((STEPS + step) * FEATURES, (STEPS + step + 1) * FEATURES);
/** Weights [rows, columns] with distinct, small values. */
const weights = (rows: number, columns: number, offset: number) => Array.from({ length: rows * columns }, (_, index) => Math.sin(index * 1.7 + offset) * 0.6);
const dot = (vector: readonly number[], matrix: readonly number[], columns: number, column: number) => vector.reduce((sum, value, row) => sum + value * matrix[row * columns + column], 0);

async function gatesOf(model: Model, nodeId: string): Promise<Record<string, number[]>> {
  const gates = (await recurrentGates(model, nodeId, [1])) ?? [];
  return Object.fromEntries(
    gates.map((gate) => {
      expect(gate.tensor.shape).toEqual([1, STEPS, UNITS]);
      return [gate.name, [...new Float32Array(gate.tensor.data)]];
    }),
  );
}

describe('recurrent gate probes', () => {
  it('an LSTM reports its input, forget, candidate and output gates at every step, as worked by hand', async () => {
    const model = Model.compile(recurrentDocument('LSTM'), { batchSize: 2 });
    const columns = 4 * UNITS;
    const wx = weights(FEATURES, columns, 0.3);
    const wh = weights(UNITS, columns, 1.1);
    const bias = weights(1, columns, 2.5);
    model.writeParameters(new Map([['cell/inputWeights', wx], ['cell/hiddenWeights', wh], ['cell/bias', bias]]));
    model.input('x').data.set(INPUT);
    model.forward('infer');
    const expected: Record<string, number[]> = { input: [], forget: [], candidate: [], output: [] };
    let hidden = [0, 0];
    let cell = [0, 0];
    for (let step = 0; step < STEPS; step++) {
      const x = sampleInput(step);
      const affine = (column: number) => bias[column] + dot(x, wx, columns, column) + dot(hidden, wh, columns, column);
      const i = [0, 1].map((unit) => sigmoid(affine(unit)));
      const f = [0, 1].map((unit) => sigmoid(affine(UNITS + unit)));
      const g = [0, 1].map((unit) => Math.tanh(affine(2 * UNITS + unit)));
      const o = [0, 1].map((unit) => sigmoid(affine(3 * UNITS + unit)));
      cell = cell.map((previous, unit) => f[unit] * previous + i[unit] * g[unit]);
      hidden = cell.map((value, unit) => o[unit] * Math.tanh(value));
      expected.input.push(...i);
      expected.forget.push(...f);
      expected.candidate.push(...g);
      expected.output.push(...o);
    }
    const reported = await gatesOf(model, 'cell');
    expect(Object.keys(reported)).toEqual(['input', 'forget', 'candidate', 'output']);
    for (const name of Object.keys(expected)) {
      reported[name].forEach((value, index) => expect(value).toBeCloseTo(expected[name][index], 5));
    }
  });

  it('a GRU reports its reset, update and candidate gates at every step, as worked by hand', async () => {
    const model = Model.compile(recurrentDocument('GRU'), { batchSize: 2 });
    const columns = 3 * UNITS;
    const wx = weights(FEATURES, columns, 0.7);
    const wh = weights(UNITS, columns, 1.9);
    const bx = weights(1, columns, 3.1);
    const bh = weights(1, columns, 4.2);
    model.writeParameters(new Map([['cell/inputWeights', wx], ['cell/hiddenWeights', wh], ['cell/inputBias', bx], ['cell/hiddenBias', bh]]));
    model.input('x').data.set(INPUT);
    model.forward('infer');
    const expected: Record<string, number[]> = { reset: [], update: [], candidate: [] };
    let hidden = [0, 0];
    for (let step = 0; step < STEPS; step++) {
      const x = sampleInput(step);
      const fromInput = (column: number) => bx[column] + dot(x, wx, columns, column);
      const fromHidden = (column: number) => bh[column] + dot(hidden, wh, columns, column);
      const r = [0, 1].map((unit) => sigmoid(fromInput(unit) + fromHidden(unit)));
      const z = [0, 1].map((unit) => sigmoid(fromInput(UNITS + unit) + fromHidden(UNITS + unit)));
      const n = [0, 1].map((unit) => Math.tanh(fromInput(2 * UNITS + unit) + r[unit] * fromHidden(2 * UNITS + unit)));
      hidden = hidden.map((previous, unit) => (1 - z[unit]) * n[unit] + z[unit] * previous);
      expected.reset.push(...r);
      expected.update.push(...z);
      expected.candidate.push(...n);
    }
    const reported = await gatesOf(model, 'cell');
    expect(Object.keys(reported)).toEqual(['reset', 'update', 'candidate']);
    for (const name of Object.keys(expected)) {
      reported[name].forEach((value, index) => expect(value).toBeCloseTo(expected[name][index], 5));
    }
  });

  it('other nodes have no gates', async () => {
    const model = Model.compile(recurrentDocument('SimpleRNN'), { batchSize: 2 });
    expect(gateBuffer(model.compiled, 'cell')).toBeNull();
    expect(await recurrentGates(model, 'head', [0])).toBeUndefined();
  });

  it('the host streams a watched LSTM\'s gates next to its output, and a probe returns them too', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: readExamples().find((example) => example.name === 'sine-lstm.json')!.document });
    await harness.send({ type: 'watch', nodeIds: ['lstm1', 'dense1'], sample: 1 });
    await harness.send({ type: 'start', settings: { steps: 20 } });
    const watched = harness.of('watched');
    const lstm = watched.find((event) => event.nodeId === 'lstm1')!;
    expect(lstm.gates?.map((gate) => gate.name)).toEqual(['input', 'forget', 'candidate', 'output']);
    for (const gate of lstm.gates!) {
      expect(gate.tensor.shape).toEqual([1, 20, 32]);
      const values = new Float32Array(gate.tensor.data);
      const [low, high] = gate.name === 'candidate' ? [-1, 1] : [0, 1];
      expect(values.every((value) => value >= low && value <= high)).toBe(true);
      expect(new Set(values).size).toBeGreaterThan(100);
    }
    expect(watched.find((event) => event.nodeId === 'dense1')?.gates).toBeUndefined();
    await harness.send({ type: 'probe', requestId: 3, nodeId: 'lstm1', samples: [0, 2] });
    expect(harness.of('probed')[0].gates?.[1].tensor.shape).toEqual([2, 20, 32]);
  });
});
