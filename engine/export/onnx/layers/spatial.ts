// Convolutions, pooling and resizing, on NCHW values: ONNX's image ops are channels first.
// Weights: Conv2D [kH, kW, in, out] -> [out, in, kH, kW]; ConvTranspose2D [kH, kW, out, in] ->
// [in, out, kH, kW] (the same permutation). Padding [top, bottom, left, right] -> ONNX's
// [top, left, bottom, right].
import { pair, paddingPair, planWindow, transposedPlan } from '../../../graph/index.ts';
import { identity, intAttribute, intsAttribute, NCHW, stringAttribute, type OnnxAttribute, type Value } from '../graphBuilder.ts';
import { initializer, permuted, type EmitContext, type Emitter } from './context.ts';

const KERNEL_TO_ONNX = [3, 2, 0, 1];

function onnxPads([top, bottom, left, right]: readonly number[]): number[] {
  return [top, left, bottom, right];
}

function kernelWeights(context: EmitContext, dims: readonly number[]): string[] {
  const { values, dims: onnxDims } = permuted(context.weight('weights'), dims, KERNEL_TO_ONNX);
  const weights = initializer(context, 'weights', values, onnxDims);
  const filters = context.params.filters as number;
  return context.params.useBias ? [weights, initializer(context, 'bias', context.weight('bias'), [filters])] : [weights];
}

function spatialOp(context: EmitContext, opType: string, inputs: readonly string[], attributes: readonly OnnxAttribute[]): Value {
  const input = context.builder.inLayout(context.inputs[0], NCHW, context.node.id);
  return { name: context.builder.op(context.node.id, opType, [input.name, ...inputs], attributes), perm: NCHW };
}

const conv2d: Emitter = (context) => {
  const { params } = context;
  const [height, width, channels] = context.inputShapes[0].dims;
  const kernel = pair(params.kernelSize);
  const stride = pair(params.stride);
  const dilation = pair(params.dilation);
  const plan = planWindow(height, width, kernel, stride, params.padding as string, paddingPair(params), dilation);
  const weights = kernelWeights(context, [kernel[0], kernel[1], channels, params.filters as number]);
  const attributes = [intsAttribute('kernel_shape', kernel), intsAttribute('strides', stride), intsAttribute('dilations', dilation), intsAttribute('pads', onnxPads(plan.padding))];
  return spatialOp(context, 'Conv', weights, attributes);
};

const convTranspose2d: Emitter = (context) => {
  const { params } = context;
  const [height, width, channels] = context.inputShapes[0].dims;
  const kernel = pair(params.kernelSize);
  const stride = pair(params.stride);
  const plan = transposedPlan(height, width, params);
  const weights = kernelWeights(context, [kernel[0], kernel[1], params.filters as number, channels]);
  const extra = pair(params.outputPadding);
  const attributes = [intsAttribute('kernel_shape', kernel), intsAttribute('strides', stride), intsAttribute('pads', onnxPads(plan.crop))];
  return spatialOp(context, 'ConvTranspose', weights, extra[0] === 0 && extra[1] === 0 ? attributes : [...attributes, intsAttribute('output_padding', extra)]);
};

/** MaxPool and AveragePool; padded cells never count (AveragePool divides by the cells inside). */
function pool(opType: 'MaxPool' | 'AveragePool'): Emitter {
  return (context) => {
    const { params } = context;
    const [height, width] = context.inputShapes[0].dims;
    const window = pair(params.poolSize);
    const stride = pair(params.stride);
    const plan = planWindow(height, width, window, stride, params.padding as string, [0, 0]);
    const attributes = [intsAttribute('kernel_shape', window), intsAttribute('strides', stride), intsAttribute('pads', onnxPads(plan.padding))];
    return spatialOp(context, opType, [], opType === 'AveragePool' ? [...attributes, intAttribute('count_include_pad', 0)] : attributes);
  };
}

/** The mean over height and width, in whichever layout the input is held. */
const globalAvgPool: Emitter = (context) => {
  const input = context.inputs[0].perm.join() === NCHW.join() ? context.inputs[0] : context.builder.canonical(context.inputs[0], context.node.id);
  const axes = [1, 2].map((axis) => input.perm.indexOf(axis));
  return { name: context.builder.op(context.node.id, 'ReduceMean', [input.name], [intsAttribute('axes', axes), intAttribute('keepdims', 0)]), perm: identity(2) };
};

/** Resize: nearest takes the pixel at ⌊o / scale⌋; bilinear is PyTorch's align_corners=False (half_pixel). */
const upsample2d: Emitter = (context) => {
  const [scaleHeight, scaleWidth] = pair(context.params.scale);
  const scales = context.builder.floatTensor(`${context.node.id}/scales`, Float32Array.of(1, 1, scaleHeight, scaleWidth), [4]);
  const attributes =
    context.params.mode === 'bilinear'
      ? [stringAttribute('mode', 'linear'), stringAttribute('coordinate_transformation_mode', 'half_pixel')]
      : [stringAttribute('mode', 'nearest'), stringAttribute('coordinate_transformation_mode', 'asymmetric'), stringAttribute('nearest_mode', 'floor')];
  return spatialOp(context, 'Resize', ['', scales], attributes);
};

export const spatialEmitters: Readonly<Record<string, Emitter>> = {
  Conv2D: conv2d,
  ConvTranspose2D: convTranspose2d,
  MaxPool2D: pool('MaxPool'),
  AvgPool2D: pool('AveragePool'),
  GlobalAvgPool: globalAvgPool,
  Upsample2D: upsample2d,
};
