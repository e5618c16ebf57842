// softmax and logSoftmax over the last axis and their backward ops (softmax.wgsl,
// softmaxBackward.wgsl): one workgroup per row.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, grid, lastDimension, Parameters, type Dispatch } from './context.ts';

function rowsOf(tensor: GpuTensor): { rows: number; columns: number } {
  const columns = lastDimension(tensor.shape);
  return { rows: columns === 0 ? 0 : tensor.count / columns, columns };
}

function forward(name: string, form: number, input: GpuTensor, output: GpuTensor): Dispatch[] {
  expectReal(input, `${name} input`);
  expectShape(output, input.shape, `${name} output`);
  const { rows, columns } = rowsOf(input);
  return [{ shader: ['softmax'], parameters: new Parameters().u32(rows, columns, form), buffers: [input.buffer, output.buffer], workgroups: grid(rows) }];
}

function backward(name: string, form: number, output: GpuTensor, dOutput: GpuTensor, dInput: GpuTensor): Dispatch[] {
  expectReal(output, `${name} output`);
  expectShape(dOutput, output.shape, `${name} dOutput`);
  expectShape(dInput, output.shape, `${name} dInput`);
  const { rows, columns } = rowsOf(output);
  return [{ shader: ['softmaxBackward'], parameters: new Parameters().u32(rows, columns, form), buffers: [output.buffer, dOutput.buffer, dInput.buffer], workgroups: grid(rows) }];
}

export function softmax(_op: OpOf<'softmax'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return forward('softmax', 0, input, output);
}

export function logSoftmax(_op: OpOf<'logSoftmax'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return forward('logSoftmax', 1, input, output);
}

export function softmaxBackward(_op: OpOf<'softmaxBackward'>, [output, dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  return backward('softmaxBackward', 0, output, dOutput, dInput);
}

export function logSoftmaxBackward(_op: OpOf<'logSoftmaxBackward'>, [output, dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  return backward('logSoftmaxBackward', 1, output, dOutput, dInput);
}
