// clipGradientNorm: PyTorch's clip_grad_norm_ over every gradient given, in place; writes the norm
// before clipping. The sum of squares runs in double precision, gradient by gradient, in order.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { expectCount, floats } from '../tensor.ts';

export function clipGradientNorm(op: OpOf<'clipGradientNorm'>, inputs: readonly CpuTensor[], [norm, ...gradients]: readonly CpuTensor[]): void {
  if (gradients.length !== inputs.length) throw new RangeError(`clipGradientNorm writes back ${gradients.length} gradients but reads ${inputs.length}.`);
  const arrays = inputs.map((input, index) => floats(input, `clipGradientNorm gradient ${index}`));
  expectCount(norm, 1, 'clipGradientNorm norm');
  let sum = 0;
  for (const array of arrays) for (let i = 0; i < array.length; i++) sum += array[i] * array[i];
  const total = Math.sqrt(sum);
  const scale = op.maxNorm / (total + 1e-6);
  if (scale < 1) {
    for (const array of arrays) for (let i = 0; i < array.length; i++) array[i] *= scale;
  }
  floats(norm, 'clipGradientNorm norm')[0] = total;
}
