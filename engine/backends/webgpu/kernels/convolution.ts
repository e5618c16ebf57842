// conv2d, conv2dBackwardInput, conv2dBackwardFilter and convTranspose2d (conv2d*.wgsl with
// convolution.wgsl's geometry), direct: one thread per output value, or one workgroup per weight
// for the filter gradient. convTranspose2d is conv2dBackwardInput's sum with its input as dy.
import type { OpOf } from '../../../ir/index.ts';
import { convGeometry, type ConvAttributes, type ConvGeometry } from '../../cpu/kernels/convGeometry.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, grid, Parameters, perElement, type Dispatch } from './context.ts';

function words(geometry: ConvGeometry, count: number): Parameters {
  const { batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth, attributes } = geometry;
  const { stride, padding, dilation } = attributes;
  return new Parameters().u32(count, batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth, stride[0], stride[1], padding.top, padding.left, dilation[0], dilation[1]);
}

/** Geometry of the conv2d direction from the shapes of its input, weights and output. */
function geometryOf(op: ConvAttributes, input: GpuTensor, weights: GpuTensor, output: GpuTensor): ConvGeometry {
  for (const [tensor, what] of [[input, 'input'], [weights, 'weights'], [output, 'output']] as const) expectReal(tensor, `${op.op} ${what}`);
  return convGeometry(op, input.shape, weights.shape, output.shape);
}

export function conv2d(op: OpOf<'conv2d'>, [input, weights]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const geometry = geometryOf(op, input, weights, output);
  return [{ shader: ['convolution', 'conv2d'], parameters: words(geometry, output.count), buffers: [input.buffer, weights.buffer, output.buffer], workgroups: perElement(output.count) }];
}

export function conv2dBackwardInput(op: OpOf<'conv2dBackwardInput'>, [dOutput, weights]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  const geometry = geometryOf(op, dInput, weights, dOutput);
  return [{ shader: ['convolution', 'conv2dBackwardInput'], parameters: words(geometry, dInput.count), buffers: [dOutput.buffer, weights.buffer, dInput.buffer], workgroups: perElement(dInput.count) }];
}

export function convTranspose2d(op: OpOf<'convTranspose2d'>, [input, weights]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const geometry = geometryOf(op, output, weights, input);
  return [{ shader: ['convolution', 'conv2dBackwardInput'], parameters: words(geometry, output.count), buffers: [input.buffer, weights.buffer, output.buffer], workgroups: perElement(output.count) }];
}

export function conv2dBackwardFilter(op: OpOf<'conv2dBackwardFilter'>, [input, dOutput]: readonly GpuTensor[], [dWeights]: readonly GpuTensor[]): Dispatch[] {
  const geometry = geometryOf(op, input, dWeights, dOutput);
  return [{ shader: ['convolution', 'conv2dBackwardFilter'], parameters: words(geometry, dWeights.count), buffers: [input.buffer, dOutput.buffer, dWeights.buffer], workgroups: grid(dWeights.count) }];
}
