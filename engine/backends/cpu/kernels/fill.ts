// fill: every element of the output becomes `value`.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';

export function fill(op: OpOf<'fill'>, _inputs: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  output.data.fill(op.value);
}
