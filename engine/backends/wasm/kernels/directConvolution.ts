// conv2d and its filter gradient chosen by shape: computed directly (assembly/directConv.ts) when the input has few
// channels, where gathering patches into the gemm's packs costs more than the arithmetic
// (LeNet's conv1); the packed gemm otherwise (kernels/convolution.ts).
import { convGeometry, type ConvGeometry } from '../../cpu/kernels/convGeometry.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';
import { conv2dBackwardFilter as packedBackwardFilter, conv2d as packedConv2d } from './convolution.ts';

/** Inputs with at most this many channels run the direct kernel (measured: bench/wasmKernels.ts). */
export const DIRECT_MAX_IN_CHANNELS = 3;

/** Binds a direct kernel; its workspace holds the weights (or their gradient) with Co padded to 8. */
function bindDirect(context: BindContext, kernel: string, g: ConvGeometry, addresses: readonly number[]): BoundKernel {
  const workspace = context.heap.reserve(Math.ceil(g.outChannels / 8) * 8 * g.kernelHeight * g.kernelWidth * g.inChannels * 4);
  const { stride, padding, dilation } = g.attributes;
  const fields = [
    g.batch, g.height, g.width, g.inChannels, g.outHeight, g.outWidth, g.outChannels, g.kernelHeight, g.kernelWidth,
    stride[0], stride[1], padding.top, padding.left, dilation[0], dilation[1], ...addresses, workspace,
  ];
  const params = parameterBlock(context.heap, fields);
  const run = context.heap.kernels[kernel] as (params: number) => void;
  return () => run(params);
}

export const conv2d: Binder<'conv2d'> = (context, op, inputs, outputs) => {
  const [input, weights] = inputs;
  const [output] = outputs;
  if (input.shape.length !== 4 || input.shape[3] > DIRECT_MAX_IN_CHANNELS) return packedConv2d(context, op, inputs, outputs);
  for (const tensor of [input, weights, output]) if (tensor.dtype !== 'f32') throw new TypeError('conv2d: every tensor must hold real numbers (f32).');
  const g = convGeometry(op, input.shape, weights.shape, output.shape);
  return bindDirect(context, 'directConv2d', g, [input.address, weights.address, output.address]);
};

/** conv2dBackwardFilter chosen by shape as conv2d: direct for few input channels, else the gemm. */
export const conv2dBackwardFilter: Binder<'conv2dBackwardFilter'> = (context, op, inputs, outputs) => {
  const [input, dOutput] = inputs;
  const [dWeights] = outputs;
  if (input.shape.length !== 4 || input.shape[3] > DIRECT_MAX_IN_CHANNELS) return packedBackwardFilter(context, op, inputs, outputs);
  for (const tensor of [input, dOutput, dWeights]) if (tensor.dtype !== 'f32') throw new TypeError('conv2dBackwardFilter: every tensor must hold real numbers (f32).');
  const g = convGeometry(op, input.shape, dWeights.shape, dOutput.shape);
  return bindDirect(context, 'directConv2dBackwardFilter', g, [input.address, dOutput.address, dWeights.address]);
};
