// identity (the linear activation): y = x, dx = dy.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';

export function identity(_op: OpOf<'identity'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('identity', input, output);
  y.set(x);
}

export function identityBackward(_op: OpOf<'identityBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [, dy, dx] = backwardArrays('identityBackward', input, dOutput, dInput);
  dx.set(dy);
}
