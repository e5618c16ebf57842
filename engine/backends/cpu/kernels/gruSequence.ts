// gruSequence: a GRU over a sequence, PyTorch's formulation with gates stacked r, z, n:
//   r = σ(x·Wxr + bxr + h·Whr + bhr),  z = σ(x·Wxz + bxz + h·Whz + bhz),
//   n = tanh(x·Wxn + bxn + r·(h·Whn + bhn)),  h_t = (1 - z)·n + z·h_{t-1}.
// Inputs: x [B, T, F], h0 [B, H], Wx [F, 3H], Wh [H, 3H], input bias [3H], hidden bias [3H].
// Outputs: hidden [B, T, H], gates [B, T, 3H] (r, z, n after activation), and hiddenCandidate
// [B, T, H] = h_{t-1}·Whn + bhn, which the backward pass needs for r's gradient.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { columnDot, expectSteps, recurrentLayout, type RecurrentLayout } from './recurrentCommon.ts';
import { logistic } from './sigmoid.ts';

function gruStep(layout: RecurrentLayout, arrays: readonly FloatArray[], b: number, t: number): void {
  const [x, h0, wx, wh, inputBias, hiddenBias, hidden, gates, candidate] = arrays;
  const { time, features, units, columns } = layout;
  const step = b * time + t;
  const [previous, previousBase] = t === 0 ? [h0, b * units] : [hidden, (step - 1) * units];
  const inputBase = step * features;
  const affine = (column: number) =>
    inputBias[column] + columnDot(x, inputBase, features, wx, columns, column) + hiddenBias[column] + columnDot(previous, previousBase, units, wh, columns, column);
  for (let unit = 0; unit < units; unit++) {
    const reset = logistic(affine(unit));
    const update = logistic(affine(units + unit));
    const column = 2 * units + unit;
    const hiddenPart = hiddenBias[column] + columnDot(previous, previousBase, units, wh, columns, column);
    const next = Math.tanh(inputBias[column] + columnDot(x, inputBase, features, wx, columns, column) + reset * hiddenPart);
    gates[step * columns + unit] = reset;
    gates[step * columns + units + unit] = update;
    gates[step * columns + column] = next;
    candidate[step * units + unit] = hiddenPart;
    hidden[step * units + unit] = (1 - update) * next + update * previous[previousBase + unit];
  }
}

export function gruSequence(_op: OpOf<'gruSequence'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const name = 'gruSequence';
  const [input, initialHidden, inputWeights, hiddenWeights, inputBias, hiddenBias] = inputs;
  const layout = recurrentLayout(name, 3, input, initialHidden, inputWeights, hiddenWeights);
  expectShape(inputBias, [layout.columns], `${name} input bias`);
  expectShape(hiddenBias, [layout.columns], `${name} hidden bias`);
  expectSteps(name, outputs[0], layout, layout.units, 'hidden');
  expectSteps(name, outputs[1], layout, layout.columns, 'gates');
  expectSteps(name, outputs[2], layout, layout.units, 'hiddenCandidate');
  const arrays = [...inputs, ...outputs].map((tensor) => floats(tensor, name));
  for (let b = 0; b < layout.batch; b++) {
    for (let t = 0; t < layout.time; t++) gruStep(layout, arrays, b, t);
  }
}
