// The shape every CPU kernel has: attributes, input tensors, output tensors (written in place).
import type { OpName, OpOf } from '../../ir/index.ts';
import type { CpuTensor } from './tensor.ts';

export type Kernel<Name extends OpName> = (op: OpOf<Name>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]) => void;
