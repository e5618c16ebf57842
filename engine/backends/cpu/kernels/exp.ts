// exp: y = e^x. Backward from y: dx = dy·y.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function exp(_op: OpOf<'exp'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('exp', input, output);
  for (let index = 0; index < x.length; index++) y[index] = Math.exp(x[index]);
}

export function expBackward(_op: OpOf<'expBackward'>, [output, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [y, dy, dx] = backwardArrays('expBackward', output, dOutput, dInput);
  for (let index = 0; index < y.length; index++) dx[index] = dy[index] * y[index];
}
