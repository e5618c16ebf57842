// relu: y = max(x, 0). Backward from x: dx = dy where x > 0, else 0.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function relu(_op: OpOf<'relu'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('relu', input, output);
  for (let index = 0; index < x.length; index++) y[index] = x[index] > 0 ? x[index] : 0;
}

export function reluBackward(_op: OpOf<'reluBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [x, dy, dx] = backwardArrays('reluBackward', input, dOutput, dInput);
  for (let index = 0; index < x.length; index++) dx[index] = x[index] > 0 ? dy[index] : 0;
}
