// conv2d and its two gradients on the packed SIMD gemm, gathering patches while packing (no
// im2col buffer). NHWC images, weights [kH, kW, Ci, Co]:
//   conv2d                 Y[pixels, Co]     = patches(X)[pixels, taps·Ci] · W[taps·Ci, Co]
//   conv2dBackwardFilter   dW[taps·Ci, Co]   = patches(X)ᵀ · dY[pixels, Co]
//   conv2dBackwardInput    dX[inPixels, Ci]  = gathered dY[inPixels, taps·Co] · Wᵀ per tap
import { convGeometry, type ConvAttributes, type ConvGeometry } from '../../cpu/kernels/convGeometry.ts';
import * as L from '../layout.ts';
import type { WasmTensor } from '../tensor.ts';
import type { Binder } from './context.ts';
import { bindGemm, type GemmFields } from './gemmParameters.ts';

function geometryFields(geometry: ConvGeometry): number[] {
  const { stride, padding, dilation } = geometry.attributes;
  return [
    geometry.batch, geometry.height, geometry.width, geometry.inChannels,
    geometry.outHeight, geometry.outWidth, geometry.outChannels,
    geometry.kernelHeight, geometry.kernelWidth, stride[0], stride[1], padding.top, padding.left, dilation[0], dilation[1],
  ];
}

function checkFloats(op: ConvAttributes, tensors: readonly WasmTensor[]): void {
  for (const tensor of tensors) if (tensor.dtype !== 'f32') throw new TypeError(`${op.op}: every tensor must hold real numbers (f32).`);
}

function matrix(address: number, rowStride: number, mode: number): GemmFields['a'] {
  return { mode, address, batchStride: 0, rowStride, columnStride: 1 };
}

export const conv2d: Binder<'conv2d'> = (context, op, [input, weights], [output]) => {
  checkFloats(op, [input, weights, output]);
  const g = convGeometry(op, input.shape, weights.shape, output.shape);
  const taps = g.kernelHeight * g.kernelWidth * g.inChannels;
  return bindGemm(context, {
    shape: { batch: 1, rows: g.batch * g.outHeight * g.outWidth, columns: g.outChannels, depth: taps },
    a: matrix(input.address, 0, L.A_PATCHES),
    b: matrix(weights.address, g.outChannels, L.B_MATRIX),
    c: { address: output.address, batchStride: 0, rowStride: g.outChannels },
    convolution: geometryFields(g),
  });
};

export const conv2dBackwardFilter: Binder<'conv2dBackwardFilter'> = (context, op, [input, dOutput], [dWeights]) => {
  checkFloats(op, [input, dOutput, dWeights]);
  const g = convGeometry(op, input.shape, dWeights.shape, dOutput.shape);
  return bindGemm(context, {
    shape: { batch: 1, rows: g.kernelHeight * g.kernelWidth * g.inChannels, columns: g.outChannels, depth: g.batch * g.outHeight * g.outWidth },
    a: matrix(input.address, 0, L.A_PATCHES_TRANSPOSED),
    b: matrix(dOutput.address, g.outChannels, L.B_MATRIX),
    c: { address: dWeights.address, batchStride: 0, rowStride: g.outChannels },
    convolution: geometryFields(g),
  });
};

export const conv2dBackwardInput: Binder<'conv2dBackwardInput'> = (context, op, [dOutput, weights], [dInput]) => {
  checkFloats(op, [dOutput, weights, dInput]);
  const g = convGeometry(op, dInput.shape, weights.shape, dOutput.shape);
  return bindGemm(context, {
    shape: { batch: 1, rows: g.batch * g.height * g.width, columns: g.inChannels, depth: g.kernelHeight * g.kernelWidth * g.outChannels },
    a: matrix(dOutput.address, 0, L.A_GRADIENT_TAPS),
    b: { mode: L.B_TAPS_TRANSPOSED, address: weights.address, batchStride: 0, rowStride: 0, columnStride: g.outChannels },
    c: { address: dInput.address, batchStride: 0, rowStride: g.inChannels },
    convolution: geometryFields(g),
  });
};

/** The adjoint of conv2d: the same product as conv2dBackwardInput with x in the place of dY. */
export const convTranspose2d: Binder<'convTranspose2d'> = (context, op, [input, weights], [output]) => {
  checkFloats(op, [input, weights, output]);
  const g = convGeometry(op, output.shape, weights.shape, input.shape);
  return bindGemm(context, {
    shape: { batch: 1, rows: g.batch * g.height * g.width, columns: g.inChannels, depth: g.kernelHeight * g.kernelWidth * g.outChannels },
    a: matrix(input.address, 0, L.A_GRADIENT_TAPS),
    b: { mode: L.B_TAPS_TRANSPOSED, address: weights.address, batchStride: 0, rowStride: 0, columnStride: g.outChannels },
    c: { address: output.address, batchStride: 0, rowStride: g.inChannels },
    convolution: geometryFields(g),
  });
};
