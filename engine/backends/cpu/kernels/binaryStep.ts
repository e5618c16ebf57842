// binaryStep: y = 1 if x ≥ 0, else 0. Its derivative is 0 wherever it exists, so dx = 0.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function binaryStep(_op: OpOf<'binaryStep'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('binaryStep', input, output);
  for (let index = 0; index < x.length; index++) y[index] = x[index] >= 0 ? 1 : 0;
}

export function binaryStepBackward(_op: OpOf<'binaryStepBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [, , dx] = backwardArrays('binaryStepBackward', input, dOutput, dInput);
  dx.fill(0);
}
