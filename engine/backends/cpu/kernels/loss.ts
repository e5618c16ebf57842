// Shape checks shared by the loss kernels.
import { expectCount, floats, type CpuTensor, type FloatArray } from '../tensor.ts';

/** The scalar loss output (shape [] or [1]). */
export function lossScalar(name: string, loss: CpuTensor): FloatArray {
  expectCount(loss, 1, `${name} loss`);
  return floats(loss, `${name} loss`);
}

/** The upstream gradient of the loss, a scalar (1 for the final loss). */
export function lossGradient(name: string, dLoss: CpuTensor): number {
  expectCount(dLoss, 1, `${name} dLoss`);
  return floats(dLoss, `${name} dLoss`)[0];
}
