// Geometry of sliding windows over NHWC images, shared by convolution and pooling kernels.
import type { HeightWidth, Padding2D } from '../../../ir/index.ts';
import { windowOutputSize } from '../../../ir/index.ts';

export interface WindowAttributes {
  readonly stride: HeightWidth;
  readonly padding: Padding2D;
  readonly dilation: HeightWidth;
}

/** Throws unless strides and dilations are positive integers and paddings non-negative integers. */
export function checkWindowAttributes(name: string, attributes: WindowAttributes): void {
  const { stride, padding, dilation } = attributes;
  const positive = [...stride, ...dilation].every((value) => Number.isInteger(value) && value >= 1);
  const paddings = [padding.top, padding.bottom, padding.left, padding.right];
  if (!positive || !paddings.every((value) => Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${name}: strides and dilations must be positive integers and paddings non-negative integers.`);
  }
}

/** Throws unless an NHWC input of `inputShape` gives an output of `outputShape` under these attributes. */
export function expectWindowOutput(name: string, attributes: WindowAttributes, kernel: HeightWidth, inputShape: readonly number[], outputShape: readonly number[]): void {
  const { stride, padding, dilation } = attributes;
  const height = windowOutputSize(inputShape[1], kernel[0], stride[0], padding.top, padding.bottom, dilation[0]);
  const width = windowOutputSize(inputShape[2], kernel[1], stride[1], padding.left, padding.right, dilation[1]);
  if (outputShape[0] !== inputShape[0] || outputShape[1] !== height || outputShape[2] !== width) {
    throw new RangeError(
      `${name}: an input [${inputShape.join(', ')}] gives ${height}×${width} windows (batch ${inputShape[0]}), but the output is [${outputShape.join(', ')}].`,
    );
  }
}

/**
 * The first and one-past-last output positions whose tap `tap` (its offset from the window start,
 * dilation included) lands inside [0, size): position·stride - paddingBefore + tap ∈ [0, size).
 */
export function validPositions(tap: number, stride: number, paddingBefore: number, size: number, outputSize: number): [number, number] {
  const shift = tap - paddingBefore;
  const first = Math.max(0, Math.ceil(-shift / stride));
  const end = Math.min(outputSize, Math.floor((size - 1 - shift) / stride) + 1);
  return [first, Math.max(first, end)];
}
