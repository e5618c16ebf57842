// scale: y = factor·x, dx = factor·dy.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function scale(op: OpOf<'scale'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('scale', input, output);
  for (let index = 0; index < x.length; index++) y[index] = op.factor * x[index];
}

export function scaleBackward(op: OpOf<'scaleBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [, dy, dx] = backwardArrays('scaleBackward', input, dOutput, dInput);
  for (let index = 0; index < dy.length; index++) dx[index] = op.factor * dy[index];
}
