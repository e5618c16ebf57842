// softmax over the last axis: y = e^(x - max) / Σ e^(x - max).
// Backward from y: dx = y·(dy - Σ dy·y), per row.
import type { OpOf } from '../../../ir/index.ts';
import { lastDimension, type CpuTensor, type FloatArray } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

/** Writes the softmax of x[start, start + count) into y at the same positions. */
export function softmaxRow(x: FloatArray, y: FloatArray, start: number, count: number): void {
  let maximum = -Infinity;
  for (let index = start; index < start + count; index++) maximum = Math.max(maximum, x[index]);
  let total = 0;
  for (let index = start; index < start + count; index++) total += Math.exp(x[index] - maximum);
  for (let index = start; index < start + count; index++) y[index] = Math.exp(x[index] - maximum) / total;
}

export function softmax(_op: OpOf<'softmax'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('softmax', input, output);
  const classes = lastDimension(input.shape);
  for (let start = 0; start < x.length; start += classes) softmaxRow(x, y, start, classes);
}

export function softmaxBackward(_op: OpOf<'softmaxBackward'>, [output, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [y, dy, dx] = backwardArrays('softmaxBackward', output, dOutput, dInput);
  const classes = lastDimension(output.shape);
  for (let start = 0; start < y.length; start += classes) {
    let dot = 0;
    for (let index = start; index < start + classes; index++) dot += dy[index] * y[index];
    for (let index = start; index < start + classes; index++) dx[index] = y[index] * (dy[index] - dot);
  }
}
