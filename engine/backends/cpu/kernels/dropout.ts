// dropout (inverted): keeps each value with probability 1 - rate and scales survivors by 1/(1 - rate);
// mask holds that factor (0 or 1/(1 - rate)) so dropoutBackward is dx = dy·mask. Draws one uniform per
// element, in order, from the random state, which ends advanced (the output state buffer; usually the
// input state buffer itself).
import type { OpOf } from '../../../ir/index.ts';
import { nextUniform, RANDOM_STATE_LENGTH } from '../../../ir/index.ts';
import { expectShape, floats, integers, type CpuTensor } from '../tensor.ts';
import { backwardArrays } from './elementwise.ts';

export function dropout(op: OpOf<'dropout'>, [input, stateIn]: readonly CpuTensor[], [output, maskTensor, stateOut]: readonly CpuTensor[]): void {
  if (!(op.rate >= 0 && op.rate < 1)) throw new RangeError(`dropout: the rate must be in [0, 1), not ${op.rate}.`);
  expectShape(output, input.shape, 'dropout output');
  expectShape(maskTensor, input.shape, 'dropout mask');
  const [x, y, mask] = [floats(input, 'dropout input'), floats(output, 'dropout output'), floats(maskTensor, 'dropout mask')];
  const [previous, state] = [integers(stateIn, 'dropout random state'), integers(stateOut, 'dropout random state')];
  if (state.length !== RANDOM_STATE_LENGTH) throw new RangeError(`dropout: the random state has ${RANDOM_STATE_LENGTH} words, not ${state.length}.`);
  if (state !== previous) state.set(previous);
  const keep = 1 / (1 - op.rate);
  for (let index = 0; index < x.length; index++) {
    mask[index] = nextUniform(state) >= op.rate ? keep : 0;
    y[index] = x[index] * mask[index];
  }
}

export function dropoutBackward(_op: OpOf<'dropoutBackward'>, [maskTensor, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [mask, dy, dx] = backwardArrays('dropoutBackward', maskTensor, dOutput, dInput);
  for (let index = 0; index < mask.length; index++) dx[index] = dy[index] * mask[index];
}
