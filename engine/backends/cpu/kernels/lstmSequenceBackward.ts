// lstmSequenceBackward: backpropagation through time for lstmSequence. At each step, from last to first:
//   dh = dHidden_t + carried dh;  dc = carried dc + dh·o·(1 - tanh²c_t)
//   do = dh·tanh c_t, di = dc·g, dg = dc·i, df = dc·c_{t-1}; carried dc = dc·f
//   pre-activation gradients: di·i(1-i), df·f(1-f), dg·(1-g²), do·o(1-o)
// then the weights as in any affine map; dh0 and dc0 are the last carries.
// Scratch: 6H values (carried dh, carried dc, the 4H pre-activation gradients).
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { backThroughWeights, expectScratch, expectSteps, recurrentLayout, type RecurrentLayout, type WeightPair } from './recurrentCommon.ts';

const NAME = 'lstmSequenceBackward';

function checkShapes(layout: RecurrentLayout, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const { units, columns } = layout;
  expectShape(inputs[2], inputs[1].shape, `${NAME} initial cell`);
  expectSteps(NAME, inputs[5], layout, units, 'hidden');
  expectSteps(NAME, inputs[6], layout, units, 'cell');
  expectSteps(NAME, inputs[7], layout, columns, 'gates');
  expectSteps(NAME, inputs[8], layout, units, 'dHidden');
  for (let index = 0; index < 5; index++) expectShape(outputs[index], inputs[index].shape, `${NAME} gradient ${index}`);
  expectShape(outputs[5], [columns], `${NAME} dBias`);
  expectScratch(NAME, outputs[6], 6 * units);
}

/** Fills the pre-activation gradients of step `step` into scratch[2H, 6H) and updates the carries. */
function gateGradients(layout: RecurrentLayout, saved: readonly FloatArray[], scratch: FloatArray, b: number, t: number): void {
  const [, , c0, , , , cell, gates, dHidden] = saved;
  const { time, units, columns } = layout;
  const step = b * time + t;
  const gateBase = step * columns;
  const [previousCell, previousBase] = t === 0 ? [c0, b * units] : [cell, (step - 1) * units];
  const [carriedHidden, carriedCell, dPre] = [0, units, 2 * units];
  for (let unit = 0; unit < units; unit++) {
    const i = gates[gateBase + unit];
    const f = gates[gateBase + units + unit];
    const g = gates[gateBase + 2 * units + unit];
    const o = gates[gateBase + 3 * units + unit];
    const tanhCell = Math.tanh(cell[step * units + unit]);
    const dh = dHidden[step * units + unit] + scratch[carriedHidden + unit];
    const dc = scratch[carriedCell + unit] + dh * o * (1 - tanhCell * tanhCell);
    scratch[dPre + unit] = dc * g * i * (1 - i);
    scratch[dPre + units + unit] = dc * previousCell[previousBase + unit] * f * (1 - f);
    scratch[dPre + 2 * units + unit] = dc * i * (1 - g * g);
    scratch[dPre + 3 * units + unit] = dh * tanhCell * o * (1 - o);
    scratch[carriedCell + unit] = dc * f;
  }
}

export function lstmSequenceBackward(_op: OpOf<'lstmSequenceBackward'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const layout = recurrentLayout(NAME, 4, inputs[0], inputs[1], inputs[3], inputs[4]);
  checkShapes(layout, inputs, outputs);
  const { batch, time, features, units, columns } = layout;
  const saved = inputs.map((tensor) => floats(tensor, `${NAME} input`));
  const [x, h0, , wx, wh, hidden] = saved;
  const [dx, dh0, dc0, dwx, dwh, dBias, scratch] = outputs.map((tensor) => floats(tensor, `${NAME} output`));
  const inputPair: WeightPair = { weights: wx, dWeights: dwx, rows: features, columns };
  const hiddenPair: WeightPair = { weights: wh, dWeights: dwh, rows: units, columns };
  for (const gradient of [dwx, dwh, dBias]) gradient.fill(0);
  for (let b = 0; b < batch; b++) {
    scratch.fill(0, 0, 2 * units);
    for (let t = time - 1; t >= 0; t--) {
      const step = b * time + t;
      gateGradients(layout, saved, scratch, b, t);
      for (let column = 0; column < columns; column++) dBias[column] += scratch[2 * units + column];
      backThroughWeights(inputPair, scratch, 2 * units, x, step * features, dx, step * features, false);
      const [previous, previousBase] = t === 0 ? [h0, b * units] : [hidden, (step - 1) * units];
      backThroughWeights(hiddenPair, scratch, 2 * units, previous, previousBase, scratch, 0, false);
    }
    for (let unit = 0; unit < units; unit++) {
      dh0[b * units + unit] = scratch[unit];
      dc0[b * units + unit] = scratch[units + unit];
    }
  }
}
