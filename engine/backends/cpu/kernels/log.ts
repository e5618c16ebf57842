// log: y = ln x (NaN for x < 0, -Infinity at 0). Backward from x: dx = dy / x.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function log(_op: OpOf<'log'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('log', input, output);
  for (let index = 0; index < x.length; index++) y[index] = Math.log(x[index]);
}

export function logBackward(_op: OpOf<'logBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [x, dy, dx] = backwardArrays('logBackward', input, dOutput, dInput);
  for (let index = 0; index < x.length; index++) dx[index] = dy[index] / x[index];
}
