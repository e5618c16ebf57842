// sigmoid: y = 1 / (1 + e^-x), computed without overflow. Backward from y: dx = dy·y·(1 - y).
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

/** The logistic function, stable for large |x|. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const exponential = Math.exp(x);
  return exponential / (1 + exponential);
}

export function sigmoid(_op: OpOf<'sigmoid'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('sigmoid', input, output);
  for (let index = 0; index < x.length; index++) y[index] = logistic(x[index]);
}

export function sigmoidBackward(_op: OpOf<'sigmoidBackward'>, [output, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [y, dy, dx] = backwardArrays('sigmoidBackward', output, dOutput, dInput);
  for (let index = 0; index < y.length; index++) dx[index] = dy[index] * y[index] * (1 - y[index]);
}
