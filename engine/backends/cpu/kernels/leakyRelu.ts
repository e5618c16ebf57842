// leakyRelu: y = x for x > 0, alpha·x otherwise. Backward from x: dx = dy or alpha·dy.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function leakyRelu(op: OpOf<'leakyRelu'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('leakyRelu', input, output);
  for (let index = 0; index < x.length; index++) y[index] = x[index] > 0 ? x[index] : op.alpha * x[index];
}

export function leakyReluBackward(op: OpOf<'leakyReluBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [x, dy, dx] = backwardArrays('leakyReluBackward', input, dOutput, dInput);
  for (let index = 0; index < x.length; index++) dx[index] = x[index] > 0 ? dy[index] : op.alpha * dy[index];
}
