// Fused SimpleRNN, LSTM and GRU sequence kernels: finite-difference gradients through time,
// PyTorch references, and one LSTM step worked by hand.
import { describe, expect, it } from 'vitest';
import type { CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import { checkGradients, expectClose, fixtureTolerance, fromFixture, readFixture, tensor, type FixtureTensor, type Precision } from './helpers.ts';
import { cellBackward, cellForward, cellInputs, type Cell, type Sizes } from './recurrentSetup.ts';

const SIZES: Sizes = { batch: 2, time: 3, features: 3, units: 4 };

describe('recurrent gradients through time match central differences', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: every input and weight`, () => {
      const inputs = cellInputs(cell, SIZES, 121);
      let saved: CpuTensor[] = [];
      checkGradients({
        inputs: Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, value.data as Float64Array])),
        forward: () => {
          saved = cellForward(cell, inputs, SIZES);
          return saved[0].data as Float64Array;
        },
        backward: (dOutput) => {
          const dHidden = { shape: saved[0].shape, data: dOutput };
          const gradients = cellBackward(cell, inputs, cellForward(cell, inputs, SIZES), dHidden);
          return Object.fromEntries(Object.entries(gradients).map(([name, value]) => [name, value.data as Float64Array]));
        },
      });
    });
  }
});

describe('one LSTM step by hand', () => {
  it('matches the gate equations f, i, C̃, C, o, h', () => {
    // One example, two features, two units. Wx [2, 8] and Wh [2, 8] hold the columns i1 i2 f1 f2 g1 g2 o1 o2.
    const x = [0.5, -1];
    const hPrevious = [0.1, -0.2];
    const cPrevious = [0.3, 0.6];
    const wx = [
      [0.1, 0.2, 0.3, -0.1, 0.5, -0.5, 0.2, 0.1],
      [-0.3, 0.4, 0.1, 0.2, -0.2, 0.3, 0.6, -0.4],
    ];
    const wh = [
      [0.2, -0.1, 0.4, 0.3, 0.1, 0.2, -0.3, 0.5],
      [0.1, 0.3, -0.2, 0.1, 0.4, -0.1, 0.2, 0.2],
    ];
    const bias = [0.1, 0, 0.5, 0.5, 0, -0.1, 0, 0.2];
    const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));
    const pre = (column: number) => x[0] * wx[0][column] + x[1] * wx[1][column] + hPrevious[0] * wh[0][column] + hPrevious[1] * wh[1][column] + bias[column];
    const expectedCell: number[] = [];
    const expectedHidden: number[] = [];
    for (const unit of [0, 1]) {
      const inputGate = sigmoid(pre(unit));
      const forgetGate = sigmoid(pre(2 + unit));
      const candidate = Math.tanh(pre(4 + unit));
      const cell = forgetGate * cPrevious[unit] + inputGate * candidate;
      const outputGate = sigmoid(pre(6 + unit));
      expectedCell.push(cell);
      expectedHidden.push(outputGate * Math.tanh(cell));
    }
    const inputs = {
      input: tensor([1, 1, 2], x),
      initialHidden: tensor([1, 2], hPrevious),
      initialCell: tensor([1, 2], cPrevious),
      inputWeights: tensor([2, 8], wx.flat()),
      hiddenWeights: tensor([2, 8], wh.flat()),
      bias: tensor([8], bias),
    };
    const [hidden, cell] = cellForward('lstm', inputs, { batch: 1, time: 1, features: 2, units: 2 });
    expectClose(hidden.data, expectedHidden, 1e-15);
    expectClose(cell.data, expectedCell, 1e-15);
    // Unit 1 worked on paper: pre-activations i 0.45, f 0.63, C̃ 0.38, o -0.57, so
    // i = σ(0.45) = 0.6106392, f = σ(0.63) = 0.6524895, C̃ = tanh(0.38) = 0.3627075,
    // C = 0.6524895·0.3 + 0.6106392·0.3627075 = 0.4172302, o = σ(-0.57) = 0.3612368, h = o·tanh C = 0.1425421.
    expect(cell.data[0]).toBeCloseTo(0.4172302, 7);
    expect(hidden.data[0]).toBeCloseTo(0.1425421, 7);
  });
});

interface RecurrentFixture {
  kind: Cell;
  [name: string]: FixtureTensor | Cell;
}

const INPUT_NAMES: Record<Cell, string[]> = {
  rnn: ['input', 'initialHidden', 'inputWeights', 'hiddenWeights', 'bias'],
  lstm: ['input', 'initialHidden', 'initialCell', 'inputWeights', 'hiddenWeights', 'bias'],
  gru: ['input', 'initialHidden', 'inputWeights', 'hiddenWeights', 'inputBias', 'hiddenBias'],
};

function field(fixture: RecurrentFixture, name: string): FixtureTensor {
  const value = fixture[name];
  if (typeof value !== 'object') throw new Error(`The ${fixture.kind} fixture lacks ${name}.`);
  return value;
}

describe('recurrent kernels match PyTorch (single layer, batch_first)', () => {
  for (const precision of ['f64', 'f32'] as Precision[]) {
    for (const fixture of readFixture<RecurrentFixture[]>('recurrent')) {
      it(`${fixture.kind} in ${precision}`, () => {
        const tolerance = fixtureTolerance(precision);
        const cell = fixture.kind;
        const inputs = Object.fromEntries(INPUT_NAMES[cell].map((name) => [name, fromFixture(field(fixture, name), precision)]));
        const [batch, time, features] = field(fixture, 'input').shape;
        const sizes = { batch, time, features, units: field(fixture, 'initialHidden').shape[1] };
        const saved = cellForward(cell, inputs, sizes, precision);
        expectClose(saved[0].data, field(fixture, 'hidden').data, ...tolerance);
        if (cell === 'lstm') {
          const finalCell = Array.from({ length: batch * sizes.units }, (_, index) => {
            const [b, unit] = [Math.floor(index / sizes.units), index % sizes.units];
            return saved[1].data[((b * time + time - 1) * sizes.units) + unit];
          });
          expectClose(finalCell, field(fixture, 'finalCell').data, ...tolerance);
        }
        const gradients = cellBackward(cell, inputs, saved, fromFixture(field(fixture, 'dHidden'), precision), precision);
        for (const name of INPUT_NAMES[cell]) {
          const gradientName = `d${name[0].toUpperCase()}${name.slice(1)}`;
          expectClose(gradients[name].data, field(fixture, gradientName).data, ...tolerance);
        }
      });
    }
  }
});
