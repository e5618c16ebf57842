// TensorFlow.js 4.22's wasm backend has no Conv2DBackpropFilter kernel, so a model with a
// convolution cannot train on it. This registers one built from two kernels the backend has,
// Transpose and Conv2D: for stride 1 and dilation 1 the filter gradient
//   dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh + kh - top, ow + kw - left, ci] · dy[n, oh, ow, co]
// is itself a convolution: of x seen as ci images with n channels (transpose [3, 1, 2, 0]) with
// dy seen as an [outHeight, outWidth, n, co] filter (transpose [1, 2, 0, 3]), same padding as
// the forward pass. That yields [ci, kh, kw, co]; a last transpose [1, 2, 0, 3] gives [kh, kw, ci, co].
import { backend_util, Conv2DBackpropFilter, getKernel, registerKernel, type KernelFunc, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface FilterGradientAttributes {
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  readonly filterShape: [number, number, number, number];
}

function wasmKernel(name: string): KernelFunc {
  return getKernel(name, 'wasm').kernelFunc;
}

function filterGradient(args: { inputs: { x: TensorInfo; dy: TensorInfo }; backend: BackendWasm; attrs: FilterGradientAttributes }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const info = backend_util.computeConv2DInfo(x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  if (info.strideHeight !== 1 || info.strideWidth !== 1 || attrs.dataFormat !== 'NHWC') {
    throw new Error(`The benchmark's Conv2DBackpropFilter handles stride 1 in NHWC only, not stride ${info.strideHeight}×${info.strideWidth} in ${attrs.dataFormat}.`);
  }
  const transpose = wasmKernel('Transpose');
  const convolve = wasmKernel('Conv2D');
  const images = transpose({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } }) as TensorInfo;
  const filters = transpose({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } }) as TensorInfo;
  const { top, bottom, left, right } = info.padInfo;
  const padding: backend_util.ExplicitPadding = [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  const convolveAttributes = { strides: [1, 1], pad: padding, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined } as unknown as NamedAttrMap;
  const product = convolve({ inputs: { x: images, filter: filters }, backend, attrs: convolveAttributes }) as TensorInfo;
  const gradient = transpose({ inputs: { x: product }, backend, attrs: { perm: [1, 2, 0, 3] } }) as TensorInfo;
  for (const temporary of [images, filters, product]) backend.disposeData(temporary.dataId);
  return gradient;
}

/** Registers the filter gradient for the wasm backend (once the backend's own kernels are registered). */
export function registerConvFilterGradient(): void {
  registerKernel({ kernelName: Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: filterGradient as unknown as KernelFunc });
}
