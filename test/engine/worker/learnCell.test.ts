// The LSTM cell lab's numbers: the equations on a hand-computed step, and the worker's answer for a
// trained Sine LSTM against those equations applied to the run's own weights.
import { describe, expect, it } from 'vitest';
import { readExamples } from '../graph/examples.ts';
import { TOY_VOCABULARY } from '../../../engine/data/index.ts';
import { lstmUnitStep, type UnitWeights } from '../../../engine/worker/learnCell.ts';
import { createHarness } from './hostHarness.ts';

describe('lstmUnitStep', () => {
  it('computes i, f, g, o, c and h of one unit as worked by hand', () => {
    // z = W·x + U·h + b with x = 0.9, h₋₁ = 0.3: z_i = 0.45 + 0.06 + 0.1 = 0.61, z_f = −0.27 + 0.12 + 1 = 0.85, z_g = 0.72 − 0.18 = 0.54, z_o = 0.09 + 0.21 − 0.2 = 0.1.
    const weights: UnitWeights = { input: [[0.5], [-0.3], [0.8], [0.1]], hidden: [[0.2], [0.4], [-0.6], [0.7]], bias: [0.1, 1, 0, -0.2] };
    const step = lstmUnitStep(weights, [0.9], [0.3], 0.5);
    [0.61, 0.85, 0.54, 0.1].forEach((sum, gate) => expect(step.sums[gate]).toBeCloseTo(sum, 12));
    expect(step.inputGate).toBeCloseTo(0.6479408020806503, 6); // σ(0.61)
    expect(step.forgetGate).toBeCloseTo(0.7005671424739729, 6); // σ(0.85)
    expect(step.candidate).toBeCloseTo(0.49298796667532435, 6); // tanh(0.54)
    expect(step.outputGate).toBeCloseTo(0.5249791874789399, 6); // σ(0.1)
    expect(step.cell).toBeCloseTo(0.669710589780705, 6); // 0.70057·0.5 + 0.64794·0.49299
    expect(step.hidden).toBeCloseTo(0.3070023044983669, 6); // 0.52498·tanh(0.66971)
  });
});

function floats(buffer: ArrayBuffer): Float32Array {
  return new Float32Array(buffer);
}

describe('the lstmCell request', () => {
  it('says to train first when nothing has trained', async () => {
    const harness = createHarness();
    await harness.send({ type: 'lstmCell', requestId: 1, example: 0 });
    expect(harness.of('lstmCell')[0].problem).toMatch(/Nothing has trained yet: train a graph with an LSTM layer/);
    expect(harness.of('problem')).toEqual([]);
  });

  it('gives a trained Sine LSTM\'s gates, cell and hidden state that the equations reproduce from its weights', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: readExamples().find((example) => example.name === 'sine-lstm.json')!.document });
    await harness.send({ type: 'start', settings: { steps: 30 } });
    await harness.send({ type: 'lstmCell', requestId: 2, example: 7 });
    await harness.send({ type: 'readWeights', requestId: 3, nodeId: 'lstm1' });
    const answer = harness.of('lstmCell')[0];
    expect(answer).toMatchObject({ graph: 'Sine LSTM', nodeId: 'lstm1', example: 7, exampleCount: 1000, step: 30 });
    const values = answer.values!;
    expect([values.steps, values.units, values.features]).toEqual([20, 32, 1]);
    const tensors = harness.of('weights')[0].tensors;
    const [wx, wh, bias] = [floats(tensors.inputWeights.data), floats(tensors.hiddenWeights.data), floats(tensors.bias.data)];
    const H = 32;
    const [x, hidden, cell] = [floats(values.input), floats(values.hidden), floats(values.cell)];
    const gates = [values.inputGate, values.forgetGate, values.candidate, values.outputGate].map(floats);
    const parts = [values.fromInput, values.fromHidden, values.bias].map(floats);
    for (const [step, unit] of [[0, 0], [1, 5], [10, 31], [19, 17]]) {
      const weights: UnitWeights = {
        input: [0, 1, 2, 3].map((gate) => [wx[gate * H + unit]]),
        hidden: [0, 1, 2, 3].map((gate) => Array.from({ length: H }, (_, from) => wh[from * 4 * H + gate * H + unit])),
        bias: [0, 1, 2, 3].map((gate) => bias[gate * H + unit]),
      };
      const previousHidden = step === 0 ? new Array<number>(H).fill(0) : Array.from(hidden.subarray((step - 1) * H, step * H));
      const expected = lstmUnitStep(weights, [x[step]], previousHidden, step === 0 ? 0 : cell[(step - 1) * H + unit]);
      const at = step * H + unit;
      expect([gates[0][at], gates[1][at], gates[2][at], gates[3][at]]).toEqual([expected.inputGate, expected.forgetGate, expected.candidate, expected.outputGate].map((value) => expect.closeTo(value, 5)));
      expect(cell[at]).toBeCloseTo(expected.cell, 5);
      expect(hidden[at]).toBeCloseTo(expected.hidden, 5);
      for (let gate = 0; gate < 4; gate++) {
        const index = step * 4 * H + gate * H + unit;
        expect(parts[0][index] + parts[1][index] + parts[2][index]).toBeCloseTo(expected.sums[gate], 5);
      }
    }
    // The sine itself is the input: 20 values in [−1.5, 1.5] that are not all the same.
    expect(new Set(x).size).toBe(20);
  });

  it('reads an LSTM behind an embedding: its input is the embedded tokens, named by their symbols', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: readExamples().find((example) => example.name === 'char-lstm.json')!.document });
    await harness.send({ type: 'start', settings: { steps: 2 } });
    await harness.send({ type: 'lstmCell', requestId: 6, example: 3 });
    await harness.send({ type: 'readWeights', requestId: 7, nodeId: 'embedding1' });
    const { values, layers } = harness.of('lstmCell')[0];
    expect(layers).toEqual(['lstm1']);
    expect([values!.steps, values!.units, values!.features]).toEqual([32, 64, 16]);
    const symbols = values!.symbols!;
    expect(symbols).toHaveLength(32);
    // Step 5's input is the embedding row of the token read there.
    const table = new Float32Array(Object.values(harness.of('weights')[0].tensors)[0].data);
    expect(symbols.every((symbol) => TOY_VOCABULARY.includes(symbol))).toBe(true);
    expect(new Set(symbols).size).toBeGreaterThan(3);
    const input = new Float32Array(values!.input).subarray(5 * 16, 6 * 16);
    const token = TOY_VOCABULARY.indexOf(symbols[5]);
    expect(Array.from(input)).toEqual(Array.from(table.subarray(token * 16, (token + 1) * 16)));
  });

  it('names the example range and the missing LSTM', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: readExamples().find((example) => example.name === 'sine-lstm.json')!.document });
    await harness.send({ type: 'start', settings: { steps: 2 } });
    await harness.send({ type: 'lstmCell', requestId: 4, example: 1000 });
    await harness.send({ type: 'lstmCell', requestId: 5, nodeId: 'dense1', example: 0 });
    const [outside, missing] = harness.of('lstmCell');
    expect(outside.problem).toBe('Example 1000 is outside the dataset (0 to 999).');
    expect(missing.problem).toMatch(/has no LSTM layer named dense1/);
  });
});
