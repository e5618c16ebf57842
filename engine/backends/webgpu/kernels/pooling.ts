// maxPool2d, avgPool2d and their backward ops (the four pooling shaders with pooling.wgsl's
// geometry): the forward ops one thread per output value, the backward ops one thread per input
// value gathering from the windows that cover it (no atomics, no zeroing pass).
import type { OpOf } from '../../../ir/index.ts';
import { poolGeometry, type PoolAttributes } from '../../cpu/kernels/poolGeometry.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, Parameters, perElement, type Dispatch } from './context.ts';

function words(op: PoolAttributes, input: GpuTensor, output: GpuTensor, count: number): Parameters {
  const { batch, height, width, channels, outHeight, outWidth } = poolGeometry(op, input.shape, output.shape);
  return new Parameters().u32(count, batch, height, width, channels, outHeight, outWidth, op.window[0], op.window[1], op.stride[0], op.stride[1], op.padding.top, op.padding.left, op.countPadding ? 1 : 0);
}

function forward(op: OpOf<'maxPool2d'> | OpOf<'avgPool2d'>, input: GpuTensor, output: GpuTensor): Dispatch[] {
  expectReal(input, `${op.op} input`);
  return [{ shader: ['pooling', op.op], parameters: words(op, input, output, output.count), buffers: [input.buffer, output.buffer], workgroups: perElement(output.count) }];
}

export function maxPool2d(op: OpOf<'maxPool2d'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return forward(op, input, output);
}

export function avgPool2d(op: OpOf<'avgPool2d'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return forward(op, input, output);
}

export function maxPool2dBackward(op: OpOf<'maxPool2dBackward'>, [input, dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  expectReal(input, 'maxPool2dBackward input');
  expectShape(dInput, input.shape, 'maxPool2dBackward dInput');
  const buffers = [input.buffer, dOutput.buffer, dInput.buffer];
  return [{ shader: ['pooling', 'maxPool2dBackward'], parameters: words(op, input, dOutput, dInput.count), buffers, workgroups: perElement(dInput.count) }];
}

export function avgPool2dBackward(op: OpOf<'avgPool2dBackward'>, [dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  expectReal(dOutput, 'avgPool2dBackward dOutput');
  return [{ shader: ['pooling', 'avgPool2dBackward'], parameters: words(op, dInput, dOutput, dInput.count), buffers: [dOutput.buffer, dInput.buffer], workgroups: perElement(dInput.count) }];
}
