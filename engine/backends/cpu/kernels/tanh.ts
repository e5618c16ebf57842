// tanh: y = tanh(x). Backward from y: dx = dy·(1 - y²).
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function tanh(_op: OpOf<'tanh'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('tanh', input, output);
  for (let index = 0; index < x.length; index++) y[index] = Math.tanh(x[index]);
}

export function tanhBackward(_op: OpOf<'tanhBackward'>, [output, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [y, dy, dx] = backwardArrays('tanhBackward', output, dOutput, dInput);
  for (let index = 0; index < y.length; index++) dx[index] = dy[index] * (1 - y[index] * y[index]);
}
