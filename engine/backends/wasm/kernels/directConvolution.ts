// conv2d, its filter gradient and its input gradient chosen by shape: computed directly
// (assembly/directConv.ts) where gathering patches for the gemm's packs costs more than the
// arithmetic (LeNet: conv1 with one input channel; conv2's input gradient, whose gemm gathers 25
// taps of dY for each of only 6 output channels); the packed gemm otherwise (kernels/convolution.ts).
import { convGeometry, type ConvGeometry } from '../../cpu/kernels/convGeometry.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';
import { conv2dBackwardInput as packedBackwardInput, conv2dBackwardFilter as packedBackwardFilter, conv2d as packedConv2d } from './convolution.ts';

/** Inputs with at most this many channels run the direct kernel (LeNet conv2, 6 channels: 1.2 against 2.0 ms on the gemm, batch 64). */
export const DIRECT_MAX_IN_CHANNELS = 8;

/** Filter gradients whose input has at most this many channels run the direct kernel (LeNet conv2: 2.3 against 4.9 ms on the gemm). */
export const DIRECT_MAX_FILTER_CHANNELS = 8;

/** Input gradients with at most this many channels (the forward input's) run the direct kernel at stride 1. */
export const DIRECT_MAX_GRADIENT_CHANNELS = 8;

/** The direct kernel's geometry fields: [images, height, width, inChannels, outHeight, outWidth, outChannels, kH, kW, sH, sW, top, left, dH, dW]. */
function geometryFields(g: ConvGeometry): number[] {
  const { stride, padding, dilation } = g.attributes;
  return [
    g.batch, g.height, g.width, g.inChannels, g.outHeight, g.outWidth, g.outChannels, g.kernelHeight, g.kernelWidth,
    stride[0], stride[1], padding.top, padding.left, dilation[0], dilation[1],
  ];
}

/**
 * The padded weights (or their gradient) of the call writing `output`: whole 8-lane groups of
 * `lanes` for every tap and `depth` channel, reserved once per call (binding it again reuses it).
 */
function workspaceFor(context: BindContext, kernel: string, output: number, g: ConvGeometry, depth: number, lanes: number): number {
  return context.heap.workspace(`${kernel} ${output}`, Math.ceil(lanes / 8) * 8 * g.kernelHeight * g.kernelWidth * depth * 4);
}

/** Binds the direct convolution in two phases: pack the weights (one part), then the output rows split across the threads. */
function bindConvolution(context: BindContext, fields: readonly number[], flops: number): BoundKernel {
  const params = parameterBlock(context.heap, fields);
  const pack = context.split('directConvPack', params, 1);
  const convolve = context.split('directConv2d', params, Math.min(context.partsFor(flops), fields[0] * fields[4]));
  return () => {
    pack();
    convolve();
  };
}

function checkFloats(name: string, tensors: readonly { readonly dtype: string }[]): void {
  for (const tensor of tensors) if (tensor.dtype !== 'f32') throw new TypeError(`${name}: every tensor must hold real numbers (f32).`);
}

export const conv2d: Binder<'conv2d'> = (context, op, inputs, outputs) => {
  const [input, weights] = inputs;
  const [output] = outputs;
  if (input.shape.length !== 4 || input.shape[3] > DIRECT_MAX_IN_CHANNELS) return packedConv2d(context, op, inputs, outputs);
  checkFloats(op.op, [input, weights, output]);
  const g = convGeometry(op, input.shape, weights.shape, output.shape);
  const workspace = workspaceFor(context, op.op, output.address, g, g.inChannels, g.outChannels);
  const flops = 2 * output.length * g.kernelHeight * g.kernelWidth * g.inChannels;
  return bindConvolution(context, [...geometryFields(g), input.address, weights.address, output.address, workspace, 0], flops);
};

/**
 * conv2dBackwardInput at stride 1 as a direct convolution of dY: dX[ih, iw] = Σ dY[ih + top - kh·dH,
 * iw + left - kw·dW] · W[kh, kw]ᵀ, i.e. a conv2d over dY with the taps flipped, W transposed and
 * padding (k - 1)·d - padding.
 */
export const conv2dBackwardInput: Binder<'conv2dBackwardInput'> = (context, op, inputs, outputs) => {
  const [dOutput, weights] = inputs;
  const [dInput] = outputs;
  if (dInput.shape.length !== 4 || dInput.shape[3] > DIRECT_MAX_GRADIENT_CHANNELS || op.stride.some((step) => step !== 1)) return packedBackwardInput(context, op, inputs, outputs);
  checkFloats(op.op, [dOutput, weights, dInput]);
  const g = convGeometry(op, dInput.shape, weights.shape, dOutput.shape);
  const [dilationHeight, dilationWidth] = g.attributes.dilation;
  const fields = [
    g.batch, g.outHeight, g.outWidth, g.outChannels, g.height, g.width, g.inChannels, g.kernelHeight, g.kernelWidth, 1, 1,
    (g.kernelHeight - 1) * dilationHeight - g.attributes.padding.top, (g.kernelWidth - 1) * dilationWidth - g.attributes.padding.left, dilationHeight, dilationWidth,
    dOutput.address, weights.address, dInput.address, workspaceFor(context, op.op, dInput.address, g, g.outChannels, g.inChannels), 1,
  ];
  return bindConvolution(context, fields, 2 * dInput.length * g.kernelHeight * g.kernelWidth * g.outChannels);
};

/**
 * conv2dBackwardFilter chosen by shape: direct for inputs of few channels, else the gemm. The
 * direct kernel splits the output rows, each part summing into its own padded accumulator, then
 * adds them in part order.
 */
export const conv2dBackwardFilter: Binder<'conv2dBackwardFilter'> = (context, op, inputs, outputs) => {
  const [input, dOutput] = inputs;
  const [dWeights] = outputs;
  if (input.shape.length !== 4 || input.shape[3] > DIRECT_MAX_FILTER_CHANNELS) return packedBackwardFilter(context, op, inputs, outputs);
  checkFloats(op.op, [input, dOutput, dWeights]);
  const g = convGeometry(op, input.shape, dWeights.shape, dOutput.shape);
  const parts = Math.min(context.partsFor(2 * dOutput.length * g.kernelHeight * g.kernelWidth * g.inChannels), g.batch * g.outHeight);
  const workspace = workspaceFor(context, `${op.op} ${parts}`, dWeights.address, g, g.inChannels * parts, g.outChannels);
  const params = parameterBlock(context.heap, [...geometryFields(g), input.address, dOutput.address, dWeights.address, workspace, 0, parts]);
  const accumulate = context.split('directConv2dBackwardFilter', params, parts);
  const sum = context.split('directConvFilterSum', params, 1);
  return () => {
    accumulate();
    sum();
  };
};
