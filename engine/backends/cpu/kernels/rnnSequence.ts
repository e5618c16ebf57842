// rnnSequence: a simple (Elman) RNN over a sequence, h_t = tanh(x_t·Wx + h_{t-1}·Wh + bias).
// Inputs: x [B, T, F], h0 [B, H], Wx [F, H], Wh [H, H], bias [H]. Output: every h_t [B, T, H].
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { columnDot, expectSteps, recurrentLayout } from './recurrentCommon.ts';

export function rnnSequence(_op: OpOf<'rnnSequence'>, inputs: readonly CpuTensor[], [hiddenTensor]: readonly CpuTensor[]): void {
  const name = 'rnnSequence';
  const [input, initialHidden, inputWeights, hiddenWeights, biasTensor] = inputs;
  const layout = recurrentLayout(name, 1, input, initialHidden, inputWeights, hiddenWeights);
  const { batch, time, features, units } = layout;
  expectShape(biasTensor, [units], `${name} bias`);
  expectSteps(name, hiddenTensor, layout, units, 'hidden');
  const [x, h0, wx, wh] = [floats(input, `${name} input`), floats(initialHidden, `${name} initial state`), floats(inputWeights, `${name} input weights`), floats(hiddenWeights, `${name} hidden weights`)];
  const [bias, hidden] = [floats(biasTensor, `${name} bias`), floats(hiddenTensor, `${name} hidden`)];
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < time; t++) {
      const previous = t === 0 ? h0 : hidden;
      const previousBase = t === 0 ? b * units : (b * time + t - 1) * units;
      const step = b * time + t;
      for (let unit = 0; unit < units; unit++) {
        const sum = bias[unit] + columnDot(x, step * features, features, wx, units, unit) + columnDot(previous, previousBase, units, wh, units, unit);
        hidden[step * units + unit] = Math.tanh(sum);
      }
    }
  }
}
