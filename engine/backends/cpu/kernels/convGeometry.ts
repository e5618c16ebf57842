// The sizes of a 2-D convolution, checked once for all three conv kernels and the transposed one.
// Shapes are those of the conv2d direction: input [N, H, W, Ci], weights [kH, kW, Ci, Co],
// output [N, OH, OW, Co].
import type { OpOf } from '../../../ir/index.ts';
import { windowOutputSize } from '../../../ir/index.ts';
import { expectWindowOutput, checkWindowAttributes, type WindowAttributes } from './window.ts';

export interface ConvGeometry {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly attributes: WindowAttributes;
}

export type ConvAttributes = OpOf<'conv2d'> | OpOf<'conv2dBackwardInput'> | OpOf<'conv2dBackwardFilter'> | OpOf<'convTranspose2d'>;

export function convGeometry(attributes: ConvAttributes, input: readonly number[], weights: readonly number[], output: readonly number[]): ConvGeometry {
  const name = attributes.op;
  checkWindowAttributes(name, attributes);
  if (input.length !== 4 || weights.length !== 4 || output.length !== 4) {
    throw new RangeError(`${name}: images must be NHWC and weights [kH, kW, in, out], but got [${input.join(', ')}], [${weights.join(', ')}], [${output.join(', ')}].`);
  }
  const [kernelHeight, kernelWidth, inChannels, outChannels] = weights;
  if (input[3] !== inChannels || output[3] !== outChannels) {
    throw new RangeError(`${name}: weights [${weights.join(', ')}] connect ${inChannels} to ${outChannels} channels, but the images have ${input[3]} and ${output[3]}.`);
  }
  if (name === 'convTranspose2d') {
    const height = windowOutputSize(input[1], kernelHeight, attributes.stride[0], attributes.padding.top, attributes.padding.bottom, attributes.dilation[0]);
    const width = windowOutputSize(input[2], kernelWidth, attributes.stride[1], attributes.padding.left, attributes.padding.right, attributes.dilation[1]);
    if (input[0] !== output[0] || height !== output[1] || width !== output[2]) {
      throw new RangeError(`convTranspose2d: an output [${input.join(', ')}] needs an input of ${height}×${width} (the conv2d it inverts), not [${output.join(', ')}].`);
    }
  } else {
    expectWindowOutput(name, attributes, [kernelHeight, kernelWidth], input, output);
  }
  // `| 0` keeps every size a small integer for V8 even when a shape arrives as doubles (integerShape).
  return {
    batch: input[0] | 0,
    height: input[1] | 0,
    width: input[2] | 0,
    inChannels: inChannels | 0,
    outHeight: output[1] | 0,
    outWidth: output[2] | 0,
    outChannels: outChannels | 0,
    kernelHeight: kernelHeight | 0,
    kernelWidth: kernelWidth | 0,
    attributes,
  };
}
