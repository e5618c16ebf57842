// logSoftmax over the last axis: y = x - max - log Σ e^(x - max).
// Backward from y: dx = dy - e^y·Σ dy, per row.
import type { OpOf } from '../../../ir/index.ts';
import { lastDimension, type CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function logSoftmax(_op: OpOf<'logSoftmax'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('logSoftmax', input, output);
  const classes = lastDimension(input.shape);
  for (let start = 0; start < x.length; start += classes) {
    let maximum = -Infinity;
    for (let index = start; index < start + classes; index++) maximum = Math.max(maximum, x[index]);
    let total = 0;
    for (let index = start; index < start + classes; index++) total += Math.exp(x[index] - maximum);
    const shift = maximum + Math.log(total);
    for (let index = start; index < start + classes; index++) y[index] = x[index] - shift;
  }
}

export function logSoftmaxBackward(_op: OpOf<'logSoftmaxBackward'>, [output, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [y, dy, dx] = backwardArrays('logSoftmaxBackward', output, dOutput, dInput);
  const classes = lastDimension(output.shape);
  for (let start = 0; start < y.length; start += classes) {
    let total = 0;
    for (let index = start; index < start + classes; index++) total += dy[index];
    for (let index = start; index < start + classes; index++) dx[index] = dy[index] - Math.exp(y[index]) * total;
  }
}
