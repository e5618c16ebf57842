// lstmSequence: an LSTM over a sequence, gates stacked i, f, g, o as in PyTorch:
//   i = σ(x·Wxi + h·Whi + bi), f = σ(…), g = tanh(…) (the candidate C̃), o = σ(…),
//   c_t = f·c_{t-1} + i·g,  h_t = o·tanh(c_t).
// Inputs: x [B, T, F], h0 [B, H], c0 [B, H], Wx [F, 4H], Wh [H, 4H], bias [4H] (PyTorch's two biases
// summed). Outputs: hidden [B, T, H], cell [B, T, H], gates [B, T, 4H] (after their activations).
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { columnDot, expectSteps, recurrentLayout, type RecurrentLayout } from './recurrentCommon.ts';
import { logistic } from './sigmoid.ts';

interface LstmArrays {
  x: FloatArray;
  h0: FloatArray;
  c0: FloatArray;
  wx: FloatArray;
  wh: FloatArray;
  bias: FloatArray;
  hidden: FloatArray;
  cell: FloatArray;
  gates: FloatArray;
}

function lstmStep(layout: RecurrentLayout, arrays: LstmArrays, b: number, t: number): void {
  const { time, features, units, columns } = layout;
  const { x, h0, c0, wx, wh, bias, hidden, cell, gates } = arrays;
  const step = b * time + t;
  const [previousHidden, previousCell] = t === 0 ? [h0, c0] : [hidden, cell];
  const previousBase = t === 0 ? b * units : (step - 1) * units;
  const gateBase = step * columns;
  for (let column = 0; column < columns; column++) {
    const sum = bias[column] + columnDot(x, step * features, features, wx, columns, column) + columnDot(previousHidden, previousBase, units, wh, columns, column);
    const isCandidate = column >= 2 * units && column < 3 * units;
    gates[gateBase + column] = isCandidate ? Math.tanh(sum) : logistic(sum);
  }
  for (let unit = 0; unit < units; unit++) {
    const input = gates[gateBase + unit];
    const forget = gates[gateBase + units + unit];
    const candidate = gates[gateBase + 2 * units + unit];
    const output = gates[gateBase + 3 * units + unit];
    const c = forget * previousCell[previousBase + unit] + input * candidate;
    cell[step * units + unit] = c;
    hidden[step * units + unit] = output * Math.tanh(c);
  }
}

export function lstmSequence(_op: OpOf<'lstmSequence'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const name = 'lstmSequence';
  const [input, initialHidden, initialCell, inputWeights, hiddenWeights, biasTensor] = inputs;
  const [hiddenTensor, cellTensor, gateTensor] = outputs;
  const layout = recurrentLayout(name, 4, input, initialHidden, inputWeights, hiddenWeights);
  expectShape(initialCell, initialHidden.shape, `${name} initial cell`);
  expectShape(biasTensor, [layout.columns], `${name} bias`);
  expectSteps(name, hiddenTensor, layout, layout.units, 'hidden');
  expectSteps(name, cellTensor, layout, layout.units, 'cell');
  expectSteps(name, gateTensor, layout, layout.columns, 'gates');
  const arrays: LstmArrays = {
    x: floats(input, `${name} input`),
    h0: floats(initialHidden, `${name} initial hidden`),
    c0: floats(initialCell, `${name} initial cell`),
    wx: floats(inputWeights, `${name} input weights`),
    wh: floats(hiddenWeights, `${name} hidden weights`),
    bias: floats(biasTensor, `${name} bias`),
    hidden: floats(hiddenTensor, `${name} hidden`),
    cell: floats(cellTensor, `${name} cell`),
    gates: floats(gateTensor, `${name} gates`),
  };
  for (let b = 0; b < layout.batch; b++) {
    for (let t = 0; t < layout.time; t++) lstmStep(layout, arrays, b, t);
  }
}
