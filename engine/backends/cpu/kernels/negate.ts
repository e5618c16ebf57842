// negate: y = -x, dx = -dy.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function negate(_op: OpOf<'negate'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('negate', input, output);
  for (let index = 0; index < x.length; index++) y[index] = -x[index];
}

export function negateBackward(_op: OpOf<'negateBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [, dy, dx] = backwardArrays('negateBackward', input, dOutput, dInput);
  for (let index = 0; index < dy.length; index++) dx[index] = -dy[index];
}
