// The WebGPU backend's kernels by op name: a wrapper (kernels/*.ts) over its shader
// (kernels/*.wgsl). Every op of the IR has one; the type leaves entries optional so that an op added
// to the IR without its WebGPU kernel still compiles: a program using it is then refused at
// allocate, naming the op and its graph node (and the op spec lists it in OP_SPEC_SKIPS.webgpu).
import type { KernelCall, Op, OpName } from '../../ir/index.ts';
import type { Dispatch, Wrapper, WrapperContext } from './kernels/context.ts';
import type { GpuTensor } from './tensor.ts';
import { UNARY_WRAPPERS } from './kernels/unary.ts';
import { add, biasAdd, broadcast, copy, div, fill, mul, sub } from './kernels/elementwise.ts';
import { reduceMean, reduceSum, sumToShape } from './kernels/reduce.ts';
import { matmul } from './kernels/matmul.ts';
import { logSoftmax, logSoftmaxBackward, softmax, softmaxBackward } from './kernels/softmax.ts';
import { binaryCrossEntropyWithLogits, binaryCrossEntropyWithLogitsBackward, meanSquaredError, meanSquaredErrorBackward, softmaxCrossEntropy, softmaxCrossEntropyBackward } from './kernels/loss.ts';
import { concat, embedding, embeddingBackward, slice, sliceBackward, split } from './kernels/layout.ts';
import { dropout, dropoutBackward } from './kernels/dropout.ts';
import { upsample2d, upsample2dBackward } from './kernels/upsampling.ts';
import { gruSequence, gruSequenceBackward } from './kernels/gru.ts';
import { lstmSequence, lstmSequenceBackward, rnnSequence, rnnSequenceBackward } from './kernels/recurrent.ts';
import { batchNormBackward, batchNormInference, batchNormTrain } from './kernels/batchNorm.ts';
import { conv2d, conv2dBackwardFilter, conv2dBackwardInput, convTranspose2d } from './kernels/convolution.ts';
import { avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward } from './kernels/pooling.ts';
import { adamUpdate, clipGradientNorm, momentumUpdate, rmspropUpdate, sgdUpdate } from './kernels/optimizer.ts';

export type WebGpuRegistry = { readonly [Name in OpName]?: Wrapper<Name> };

export const webgpuKernels: WebGpuRegistry = {
  ...UNARY_WRAPPERS,
  fill, copy, add, sub, mul, div, broadcast, biasAdd,
  reduceSum, reduceMean, sumToShape,
  matmul,
  softmax, softmaxBackward, logSoftmax, logSoftmaxBackward,
  softmaxCrossEntropy, softmaxCrossEntropyBackward, meanSquaredError, meanSquaredErrorBackward,
  sgdUpdate, momentumUpdate, adamUpdate, rmspropUpdate, clipGradientNorm,
  conv2d, conv2dBackwardInput, conv2dBackwardFilter, convTranspose2d,
  maxPool2d, maxPool2dBackward, avgPool2d, avgPool2dBackward,
  concat, split, slice, sliceBackward, embedding, embeddingBackward,
  dropout, dropoutBackward, binaryCrossEntropyWithLogits, binaryCrossEntropyWithLogitsBackward,
  batchNormTrain, batchNormInference, batchNormBackward, upsample2d, upsample2dBackward,
  rnnSequence, rnnSequenceBackward, lstmSequence, lstmSequenceBackward, gruSequence, gruSequenceBackward,
};

/** The ops that have a WebGPU kernel. */
export function webgpuOps(): OpName[] {
  return (Object.keys(webgpuKernels) as OpName[]).filter((name) => webgpuKernels[name] !== undefined);
}

/** Throws, naming the first call whose op has no WebGPU kernel (in `registry`: tests pass a partial one). */
export function refuseMissingKernels(calls: readonly KernelCall[], registry: WebGpuRegistry = webgpuKernels): void {
  calls.forEach((call, index) => {
    if (registry[call.op.op] !== undefined) return;
    const node = call.node === undefined ? '' : ` of node ${call.node}`;
    throw new Error(`The WebGPU backend has no kernel for '${call.op.op}' yet (call ${index}${node}): train this model on the wasm or cpu backend.`);
  });
}

export function wrapCall(op: Op, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const wrapper = webgpuKernels[op.op] as Wrapper<typeof op.op> | undefined;
  if (wrapper === undefined) throw new Error(`The WebGPU backend has no kernel for '${op.op}' yet: train this model on the wasm or cpu backend.`);
  return wrapper(op as never, inputs, outputs, context);
}
