// gruSequenceBackward: backpropagation through time for gruSequence. At each step, last to first,
// with dh = dHidden_t + carried dh, a = h_{t-1}·Whn + bhn (the saved hiddenCandidate):
//   dn = dh·(1 - z),  dz = dh·(h_{t-1} - n),  direct dh_{t-1} = dh·z
//   dnPre = dn·(1 - n²),  dr = dnPre·a,  drPre = dr·r(1 - r),  dzPre = dz·z(1 - z)
// The input side of the gates sees (drPre, dzPre, dnPre), the hidden side (drPre, dzPre, dnPre·r);
// each flows through its weights and bias, and the hidden side adds to the carried dh.
// Scratch: 7H values (carried dh, 3H input-side and 3H hidden-side pre-activation gradients).
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { backThroughWeights, expectScratch, expectSteps, recurrentLayout, type RecurrentLayout, type WeightPair } from './recurrentCommon.ts';

const NAME = 'gruSequenceBackward';

function checkShapes(layout: RecurrentLayout, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const { units, columns } = layout;
  expectSteps(NAME, inputs[4], layout, units, 'hidden');
  expectSteps(NAME, inputs[5], layout, columns, 'gates');
  expectSteps(NAME, inputs[6], layout, units, 'hiddenCandidate');
  expectSteps(NAME, inputs[7], layout, units, 'dHidden');
  for (let index = 0; index < 4; index++) expectShape(outputs[index], inputs[index].shape, `${NAME} gradient ${index}`);
  expectShape(outputs[4], [columns], `${NAME} dInputBias`);
  expectShape(outputs[5], [columns], `${NAME} dHiddenBias`);
  expectScratch(NAME, outputs[6], 7 * units);
}

/** Fills scratch[H, 4H) (input side) and scratch[4H, 7H) (hidden side); sets carried dh to its direct part. */
function gateGradients(layout: RecurrentLayout, saved: readonly FloatArray[], scratch: FloatArray, b: number, t: number): void {
  const [, h0, , , hidden, gates, candidate, dHidden] = saved;
  const { time, units, columns } = layout;
  const step = b * time + t;
  const [previous, previousBase] = t === 0 ? [h0, b * units] : [hidden, (step - 1) * units];
  const [inputSide, hiddenSide] = [units, 4 * units];
  for (let unit = 0; unit < units; unit++) {
    const reset = gates[step * columns + unit];
    const update = gates[step * columns + units + unit];
    const next = gates[step * columns + 2 * units + unit];
    const dh = dHidden[step * units + unit] + scratch[unit];
    const dNextPre = dh * (1 - update) * (1 - next * next);
    const dResetPre = dNextPre * candidate[step * units + unit] * reset * (1 - reset);
    const dUpdatePre = dh * (previous[previousBase + unit] - next) * update * (1 - update);
    scratch[inputSide + unit] = dResetPre;
    scratch[inputSide + units + unit] = dUpdatePre;
    scratch[inputSide + 2 * units + unit] = dNextPre;
    scratch[hiddenSide + unit] = dResetPre;
    scratch[hiddenSide + units + unit] = dUpdatePre;
    scratch[hiddenSide + 2 * units + unit] = dNextPre * reset;
    scratch[unit] = dh * update;
  }
}

export function gruSequenceBackward(_op: OpOf<'gruSequenceBackward'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const layout = recurrentLayout(NAME, 3, inputs[0], inputs[1], inputs[2], inputs[3]);
  checkShapes(layout, inputs, outputs);
  const { batch, time, features, units, columns } = layout;
  const saved = inputs.map((tensor) => floats(tensor, `${NAME} input`));
  const [x, h0, wx, wh, hidden] = saved;
  const [dx, dh0, dwx, dwh, dInputBias, dHiddenBias, scratch] = outputs.map((tensor) => floats(tensor, `${NAME} output`));
  const inputPair: WeightPair = { weights: wx, dWeights: dwx, rows: features, columns };
  const hiddenPair: WeightPair = { weights: wh, dWeights: dwh, rows: units, columns };
  for (const gradient of [dwx, dwh, dInputBias, dHiddenBias]) gradient.fill(0);
  for (let b = 0; b < batch; b++) {
    scratch.fill(0, 0, units);
    for (let t = time - 1; t >= 0; t--) {
      const step = b * time + t;
      gateGradients(layout, saved, scratch, b, t);
      for (let column = 0; column < columns; column++) {
        dInputBias[column] += scratch[units + column];
        dHiddenBias[column] += scratch[4 * units + column];
      }
      backThroughWeights(inputPair, scratch, units, x, step * features, dx, step * features, false);
      const [previous, previousBase] = t === 0 ? [h0, b * units] : [hidden, (step - 1) * units];
      backThroughWeights(hiddenPair, scratch, 4 * units, previous, previousBase, scratch, 0, true);
    }
    for (let unit = 0; unit < units; unit++) dh0[b * units + unit] = scratch[unit];
  }
}
