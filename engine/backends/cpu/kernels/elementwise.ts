// Shape checks shared by the elementwise kernels: same-shaped arrays in, same-shaped arrays out.
import { expectShape, floats, type CpuTensor, type FloatArray } from '../tensor.ts';

/** The data of a forward op's input and output, which must have one shape. */
export function forwardArrays(name: string, input: CpuTensor, output: CpuTensor): [FloatArray, FloatArray] {
  expectShape(output, input.shape, `${name} output`);
  return [floats(input, `${name} input`), floats(output, `${name} output`)];
}

/** The data of a backward op's saved tensor (x or y), upstream gradient and result, all one shape. */
export function backwardArrays(name: string, saved: CpuTensor, dOutput: CpuTensor, dInput: CpuTensor): [FloatArray, FloatArray, FloatArray] {
  expectShape(dOutput, saved.shape, `${name} dOutput`);
  expectShape(dInput, saved.shape, `${name} dInput`);
  return [floats(saved, `${name} saved tensor`), floats(dOutput, `${name} dOutput`), floats(dInput, `${name} dInput`)];
}
