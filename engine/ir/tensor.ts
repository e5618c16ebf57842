// Tensor descriptors: what a buffer holds (shape and element type), never the data itself.
// Tensors are dense and row-major. Layouts the ops assume:
//   images     NHWC  [batch, height, width, channels]
//   sequences  [batch, time, features]
//   Dense      weights [in, out]
//   Conv2D     weights [kernelHeight, kernelWidth, inChannels, outChannels]
//   ConvTranspose2D weights [kernelHeight, kernelWidth, outChannels, inChannels]
//              (the same array a Conv2D going the other way would use: it is that Conv2D's adjoint)

/** Element types: real numbers (computed in float32, or float64 in gradient checks) and integer ids/labels. */
export type DType = 'f32' | 'i32';

export interface TensorDescriptor {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/** Real-valued storage. Kernels accept both so gradient checks can run in float64. */
export type FloatArray = Float32Array | Float64Array;

/** A [height, width] pair: kernel sizes, strides, dilations, scale factors. */
export type HeightWidth = readonly [height: number, width: number];

/** Zero padding (or, for a transposed convolution, cropping) on each side of an image. */
export interface Padding2D {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Number of elements of a shape; a scalar (shape []) has one. */
export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const dimension of shape) count *= dimension;
  return count;
}

/** Output size along one axis of a sliding window (convolution, pooling), floor mode. */
export function windowOutputSize(size: number, kernel: number, stride: number, paddingBefore: number, paddingAfter: number, dilation = 1): number {
  const span = dilation * (kernel - 1) + 1;
  return Math.floor((size + paddingBefore + paddingAfter - span) / stride) + 1;
}
