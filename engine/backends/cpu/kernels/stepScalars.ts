// Reads the per-step scalars buffer of the optimizer ops (ir/stepScalars.ts).
import { decodeStepScalars, type StepScalars } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { integers } from '../tensor.ts';

export function stepScalars(tensor: CpuTensor, what: string): StepScalars {
  return decodeStepScalars(integers(tensor, `${what} step scalars`));
}
