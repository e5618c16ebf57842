// 2-D max and average pooling and their gradients (assembly/pool.ts), NHWC, 4 channels at a time,
// split by images across threads.
// Shapes are checked by the cpu kernels' poolGeometry.
import { poolGeometry, type PoolAttributes } from '../../cpu/kernels/poolGeometry.ts';
import { expectShape } from '../../cpu/tensor.ts';
import type { WasmTensor } from '../tensor.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';

function bindPool(context: BindContext, op: PoolAttributes, image: WasmTensor, pooled: WasmTensor, tensors: readonly WasmTensor[]): BoundKernel {
  for (const tensor of tensors) if (tensor.dtype !== 'f32') throw new TypeError(`${op.op}: every tensor must hold real numbers (f32).`);
  const g = poolGeometry(op, image.shape, pooled.shape);
  const fields = [
    g.batch, g.height, g.width, g.channels, g.outHeight, g.outWidth, op.window[0], op.window[1], op.stride[0], op.stride[1],
    op.padding.top, op.padding.left, op.countPadding ? 1 : 0, ...tensors.map((tensor) => tensor.address),
  ];
  const params = parameterBlock(context.heap, fields);
  // Split by images: about one add (or compare) per input value and window cell.
  const parts = Math.min(context.partsFor(image.length * op.window[0] * op.window[1]), g.batch);
  return context.split(op.op, params, parts);
}

export const maxPool2d: Binder<'maxPool2d'> = (context, op, [input], [output]) => bindPool(context, op, input, output, [input, output]);

export const maxPool2dBackward: Binder<'maxPool2dBackward'> = (context, op, [input, dOutput], [dInput]) => {
  expectShape(dInput, input.shape, 'maxPool2dBackward dInput');
  return bindPool(context, op, input, dOutput, [input, dOutput, dInput]);
};

export const avgPool2d: Binder<'avgPool2d'> = (context, op, [input], [output]) => bindPool(context, op, input, output, [input, output]);

export const avgPool2dBackward: Binder<'avgPool2dBackward'> = (context, op, [dOutput], [dInput]) => bindPool(context, op, dInput, dOutput, [dOutput, dInput]);
