// copy: the output gets the input's values in row-major order (shapes may differ, counts may not).
import type { OpOf } from '../../../ir/index.ts';
import { expectCount, type CpuTensor } from '../tensor.ts';

export function copy(_op: OpOf<'copy'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  expectCount(output, input.data.length, 'copy output');
  if (input.data instanceof Int32Array !== output.data instanceof Int32Array) throw new TypeError('copy: input and output must have the same element type.');
  output.data.set(input.data);
}
