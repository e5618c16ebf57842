// Image ops on NHWC tensors: convolution, transposed convolution, pooling, upsampling.
import type { HeightWidth, Padding2D } from '../tensor.ts';

/**
 * Cross-correlation, as in PyTorch and Keras. Output size per axis:
 * floor((in + before + after - dilation·(kernel - 1) - 1) / stride) + 1.
 * conv2dBackwardInput needs the input shape: it takes it from its output buffer.
 */
export interface Conv2DOp {
  readonly op: 'conv2d' | 'conv2dBackwardInput' | 'conv2dBackwardFilter';
  readonly stride: HeightWidth;
  readonly padding: Padding2D;
  readonly dilation: HeightWidth;
}

/**
 * The adjoint of conv2d with the same attributes: y = conv2dBackwardInput(x, weights), weights
 * [kernelH, kernelW, outChannels, inChannels]; `padding` crops the full output. The output size
 * (which outputPadding enlarges) comes from the output buffer. Gradients reuse the conv2d ops:
 * dx = conv2d(dy, weights), dWeights = conv2dBackwardFilter(dy, x).
 */
export interface ConvTranspose2DOp {
  readonly op: 'convTranspose2d';
  readonly stride: HeightWidth;
  readonly padding: Padding2D;
  readonly dilation: HeightWidth;
}

/**
 * Max pooling ignores padded cells. Average pooling divides by the window area when `countPadding`
 * (PyTorch's count_include_pad default) and by the number of real cells otherwise (Keras 'same').
 * maxPool2dBackward routes each gradient to the first maximum of its window, recomputed from x.
 */
export interface Pool2DOp {
  readonly op: 'maxPool2d' | 'maxPool2dBackward' | 'avgPool2d' | 'avgPool2dBackward';
  readonly window: HeightWidth;
  readonly stride: HeightWidth;
  readonly padding: Padding2D;
  /** Average pooling only. */
  readonly countPadding: boolean;
}

/**
 * Upsampling by integer factors. nearest: each pixel repeats; bilinear: PyTorch's align_corners=False
 * (half-pixel centers, edges clamped). The backward op adds each output gradient back to its sources.
 */
export interface Upsample2DOp {
  readonly op: 'upsample2d' | 'upsample2dBackward';
  readonly mode: 'nearest' | 'bilinear';
  readonly scale: HeightWidth;
}

export type SpatialOp = Conv2DOp | ConvTranspose2DOp | Pool2DOp | Upsample2DOp;
