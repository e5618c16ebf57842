// The wasm backend's kernels by op name: a SIMD kernel (kernels/*.ts over assembly/), or 'cpu',
// the reference kernel of the cpu backend running on views of the WebAssembly memory. The type
// requires an entry for every op of the IR, so a new op must be listed here to compile.
import type { KernelCall, Op, OpName, OpOf } from '../../ir/index.ts';
import { runKernel } from '../cpu/index.ts';
import { GEMM_SCRATCH_BYTES } from './layout.ts';
import type { BindContext, Binder, BoundKernel } from './kernels/context.ts';
import { convTranspose2d } from './kernels/convolution.ts';
import { conv2d, conv2dBackwardFilter, conv2dBackwardInput } from './kernels/directConvolution.ts';
import { add, leakyRelu, leakyReluBackward, mul, reduceMean, reduceSum, scale, scaleBackward, sigmoid, sigmoidBackward, sub, sumToShape, tanh, tanhBackward } from './kernels/activation.ts';
import { batchNormBackward, batchNormInference, batchNormTrain } from './kernels/batchNorm.ts';
import { biasAdd, relu, reluBackward } from './kernels/elementwise.ts';
import { logSoftmax, logSoftmaxBackward, meanSquaredError, meanSquaredErrorBackward, softmax, softmaxBackward, softmaxCrossEntropy, softmaxCrossEntropyBackward } from './kernels/loss.ts';
import { matmul } from './kernels/matmul.ts';
import { adamUpdate, momentumUpdate, rmspropUpdate, sgdUpdate } from './kernels/optimizer.ts';
import { avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward } from './kernels/pool.ts';
import { gruSequence, gruSequenceBackward, lstmSequence, lstmSequenceBackward, rnnSequence, rnnSequenceBackward } from './kernels/recurrent.ts';
import type { WasmTensor } from './tensor.ts';

export type { BoundKernel };

type WasmRegistry = { readonly [Name in OpName]: Binder<Name> | 'cpu' };

export const wasmKernels: WasmRegistry = {
  // SIMD: the packed gemm (assembly/gemm.ts).
  matmul, conv2d, conv2dBackwardInput, conv2dBackwardFilter, convTranspose2d,
  // SIMD: elementwise (assembly/elementwise.ts).
  relu, reluBackward, biasAdd,
  // SIMD: the recurrent sequences as gemms plus gate epilogues (assembly/lstm.ts, gru.ts, rnn.ts).
  lstmSequence, lstmSequenceBackward, gruSequence, gruSequenceBackward, rnnSequence, rnnSequenceBackward,
  // SIMD: pooling over channels (assembly/pool.ts).
  maxPool2d, maxPool2dBackward, avgPool2d, avgPool2dBackward,
  // SIMD: rows of the last axis (assembly/loss.ts).
  softmax, softmaxBackward, logSoftmax, logSoftmaxBackward,
  softmaxCrossEntropy, softmaxCrossEntropyBackward, meanSquaredError, meanSquaredErrorBackward,
  // SIMD: activations, same-shape arithmetic, sums over adjacent axes (assembly/activation.ts,
  // reduce.ts; broadcasting and scattered axes fall back to the cpu kernels).
  sigmoid, sigmoidBackward, tanh, tanhBackward, leakyRelu, leakyReluBackward, scale, scaleBackward,
  add, sub, mul, reduceSum, reduceMean, sumToShape,
  // SIMD: batch norm over channels (assembly/batchNorm.ts).
  batchNormTrain, batchNormInference, batchNormBackward,
  // SIMD: the optimizer updates on double lanes, bit for bit the reference (assembly/optimizer.ts).
  sgdUpdate, momentumUpdate, adamUpdate, rmspropUpdate,
  // The cpu reference kernels on views of the memory.
  clipGradientNorm: 'cpu',
  fill: 'cpu', copy: 'cpu', div: 'cpu',
  broadcast: 'cpu',
  concat: 'cpu', split: 'cpu', slice: 'cpu', sliceBackward: 'cpu', embedding: 'cpu', embeddingBackward: 'cpu',
  gelu: 'cpu', geluBackward: 'cpu', binaryStep: 'cpu', binaryStepBackward: 'cpu',
  identity: 'cpu', identityBackward: 'cpu', exp: 'cpu', expBackward: 'cpu', log: 'cpu', logBackward: 'cpu',
  negate: 'cpu', negateBackward: 'cpu',
  upsample2d: 'cpu', upsample2dBackward: 'cpu',
  dropout: 'cpu', dropoutBackward: 'cpu',
  binaryCrossEntropyWithLogits: 'cpu', binaryCrossEntropyWithLogitsBackward: 'cpu',
};

/** The ops that run a SIMD kernel (the rest run the cpu reference kernels). */
export function simdOps(): OpName[] {
  return (Object.keys(wasmKernels) as OpName[]).filter((name) => wasmKernels[name] !== 'cpu');
}

const GEMM_OPS: ReadonlySet<OpName> = new Set(['matmul', 'conv2d', 'conv2dBackwardInput', 'conv2dBackwardFilter', 'convTranspose2d',
  'rnnSequence', 'rnnSequenceBackward', 'lstmSequence', 'lstmSequenceBackward', 'gruSequence', 'gruSequenceBackward']);

/** Kernel scratch bytes that `calls` need (calls run one after another, so they share it). */
export function scratchBytesFor(calls: readonly KernelCall[], threads: number): number {
  return calls.some((call) => GEMM_OPS.has(call.op.op)) ? GEMM_SCRATCH_BYTES * threads : 0;
}

function binderFor<Name extends OpName>(name: Name): Binder<Name> | 'cpu' {
  return wasmKernels[name];
}

export function bindCall(context: BindContext, op: Op, inputs: readonly WasmTensor[], outputs: readonly WasmTensor[]): BoundKernel {
  const binder = binderFor(op.op);
  if (binder === 'cpu') return () => runKernel(op, inputs, outputs);
  return (binder as Binder<typeof op.op>)(context, op as OpOf<typeof op.op>, inputs, outputs);
}
