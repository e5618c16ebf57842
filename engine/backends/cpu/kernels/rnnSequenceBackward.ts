// rnnSequenceBackward: backpropagation through time for rnnSequence. Walking t from last to first,
// dh = dHidden_t + (gradient carried from step t+1); dPre = dh·(1 - h_t²); then dBias += dPre,
// dx_t = Wx·dPre, dWx += x_t ⊗ dPre, carry = Wh·dPre, dWh += h_{t-1} ⊗ dPre. dh0 is the last carry.
// Scratch: 2H values (carry, dPre).
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { backThroughWeights, expectScratch, expectSteps, recurrentLayout, type RecurrentLayout } from './recurrentCommon.ts';

function checkShapes(layout: RecurrentLayout, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const name = 'rnnSequenceBackward';
  const { units } = layout;
  expectSteps(name, inputs[4], layout, units, 'hidden');
  expectSteps(name, inputs[5], layout, units, 'dHidden');
  for (let index = 0; index < 4; index++) expectShape(outputs[index], inputs[index].shape, `${name} gradient ${index}`);
  expectShape(outputs[4], [units], `${name} dBias`);
  expectScratch(name, outputs[5], 2 * units);
}

export function rnnSequenceBackward(_op: OpOf<'rnnSequenceBackward'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const name = 'rnnSequenceBackward';
  const layout = recurrentLayout(name, 1, inputs[0], inputs[1], inputs[2], inputs[3]);
  checkShapes(layout, inputs, outputs);
  const { batch, time, features, units } = layout;
  const [x, h0, wx, wh, hidden, dHidden] = inputs.map((tensor) => floats(tensor, `${name} input`));
  const [dx, dh0, dwx, dwh, dBias, scratch] = outputs.map((tensor) => floats(tensor, `${name} output`));
  const inputPair = { weights: wx, dWeights: dwx, rows: features, columns: units };
  const hiddenPair = { weights: wh, dWeights: dwh, rows: units, columns: units };
  const [carry, dPre] = [0, units];
  dwx.fill(0);
  dwh.fill(0);
  dBias.fill(0);
  for (let b = 0; b < batch; b++) {
    scratch.fill(0, carry, carry + units);
    for (let t = time - 1; t >= 0; t--) {
      const step = b * time + t;
      for (let unit = 0; unit < units; unit++) {
        const h = hidden[step * units + unit];
        scratch[dPre + unit] = (dHidden[step * units + unit] + scratch[carry + unit]) * (1 - h * h);
        dBias[unit] += scratch[dPre + unit];
      }
      backThroughWeights(inputPair, scratch, dPre, x, step * features, dx, step * features, false);
      const previous = t === 0 ? h0 : hidden;
      const previousBase = t === 0 ? b * units : (step - 1) * units;
      backThroughWeights(hiddenPair, scratch, dPre, previous, previousBase, scratch, carry, false);
    }
    for (let unit = 0; unit < units; unit++) dh0[b * units + unit] = scratch[carry + unit];
  }
}
