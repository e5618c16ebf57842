// The fused recurrent kernels against the same cells composed from primitive kernels (slice, matmul,
// add, split, sigmoid, tanh, mul, sub, concat), step by step over a batch, as an unfused lowering would.
import { describe, it } from 'vitest';
import type { CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import type { Op } from '../../../../engine/ir/index.ts';
import { expectClose, run, tensor, type FloatTensor } from './helpers.ts';
import { cellForward, cellInputs, type Cell, type Sizes } from './recurrentSetup.ts';

const SIZES: Sizes = { batch: 3, time: 4, features: 2, units: 3 };

function apply(op: Op, inputs: readonly CpuTensor[], shape: readonly number[]): FloatTensor {
  const output = tensor(shape);
  run(op, inputs, [output]);
  return output;
}

const product = (a: CpuTensor, b: CpuTensor) => apply({ op: 'matmul', transposeA: false, transposeB: false }, [a, b], [a.shape[0], b.shape[1]]);
const plus = (a: CpuTensor, b: CpuTensor) => apply({ op: 'add' }, [a, b], a.shape);
const times = (a: CpuTensor, b: CpuTensor) => apply({ op: 'mul' }, [a, b], a.shape);
const minus = (a: CpuTensor, b: CpuTensor) => apply({ op: 'sub' }, [a, b], a.shape);
const sigmoid = (a: CpuTensor) => apply({ op: 'sigmoid' }, [a], a.shape);
const tanh = (a: CpuTensor) => apply({ op: 'tanh' }, [a], a.shape);

function gates(stacked: CpuTensor, count: number): FloatTensor[] {
  const parts = Array.from({ length: count }, () => tensor([SIZES.batch, SIZES.units]));
  run({ op: 'split', axis: 1 }, [stacked], parts);
  return parts;
}

function stepInput(x: CpuTensor, t: number): CpuTensor {
  const window = apply({ op: 'slice', axis: 1, start: t }, [x], [SIZES.batch, 1, SIZES.features]);
  return { shape: [SIZES.batch, SIZES.features], data: window.data };
}

/** Runs `step` over time and joins the states it returns into [B, T, H] sequences. */
function unroll(count: number, first: CpuTensor[], step: (t: number, state: CpuTensor[]) => CpuTensor[]): FloatTensor[] {
  let state = first;
  const history: CpuTensor[][] = [];
  for (let t = 0; t < SIZES.time; t++) {
    state = step(t, state);
    history.push(state.map((value) => ({ shape: [SIZES.batch, 1, SIZES.units], data: value.data })));
  }
  return Array.from({ length: count }, (_, index) => apply({ op: 'concat', axis: 1 }, history.map((states) => states[index]), [SIZES.batch, SIZES.time, SIZES.units]));
}

function composed(cell: Cell, inputs: Record<string, CpuTensor>): FloatTensor[] {
  const { input: x, initialHidden, inputWeights: wx, hiddenWeights: wh } = inputs;
  if (cell === 'rnn') {
    return unroll(1, [initialHidden], (t, [h]) => [tanh(plus(plus(product(stepInput(x, t), wx), product(h, wh)), inputs.bias))]);
  }
  if (cell === 'lstm') {
    return unroll(2, [initialHidden, inputs.initialCell], (t, [h, c]) => {
      const [i, f, g, o] = gates(plus(plus(product(stepInput(x, t), wx), product(h, wh)), inputs.bias), 4);
      const nextCell = plus(times(sigmoid(f), c), times(sigmoid(i), tanh(g)));
      return [times(sigmoid(o), tanh(nextCell)), nextCell];
    });
  }
  return unroll(1, [initialHidden], (t, [h]) => {
    const [inputReset, inputUpdate, inputNew] = gates(plus(product(stepInput(x, t), wx), inputs.inputBias), 3);
    const [hiddenReset, hiddenUpdate, hiddenNew] = gates(plus(product(h, wh), inputs.hiddenBias), 3);
    const reset = sigmoid(plus(inputReset, hiddenReset));
    const update = sigmoid(plus(inputUpdate, hiddenUpdate));
    const candidate = tanh(plus(inputNew, times(reset, hiddenNew)));
    return [plus(candidate, times(update, minus(h, candidate)))];
  });
}

describe('fused recurrent kernels equal their composition from primitive kernels', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(cell, () => {
      const inputs = cellInputs(cell, SIZES, 131);
      const fused = cellForward(cell, inputs, SIZES);
      const reference = composed(cell, inputs);
      expectClose(fused[0].data, reference[0].data, 1e-14);
      if (cell === 'lstm') expectClose(fused[1].data, reference[1].data, 1e-14);
    });
  }
});
