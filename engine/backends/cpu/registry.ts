// The CPU backend's kernels by op name (as tfjs's kernel registry): the type requires exactly one
// kernel for every op of the IR, so adding an op without its kernel fails to compile.
import type { Op, OpName } from '../../ir/index.ts';
import type { Kernel } from './kernel.ts';
import type { CpuTensor } from './tensor.ts';
import { avgPool2d } from './kernels/avgPool2d.ts';
import { avgPool2dBackward } from './kernels/avgPool2dBackward.ts';
import { batchNormBackward } from './kernels/batchNormBackward.ts';
import { batchNormInference } from './kernels/batchNormInference.ts';
import { batchNormTrain } from './kernels/batchNormTrain.ts';
import { biasAdd } from './kernels/biasAdd.ts';
import { adamUpdate } from './kernels/adamUpdate.ts';
import { add, div, mul, sub } from './kernels/binary.ts';
import { binaryCrossEntropyWithLogits, binaryCrossEntropyWithLogitsBackward } from './kernels/binaryCrossEntropyWithLogits.ts';
import { binaryStep, binaryStepBackward } from './kernels/binaryStep.ts';
import { broadcast, sumToShape } from './kernels/broadcast.ts';
import { clipGradientNorm } from './kernels/clipGradientNorm.ts';
import { concat, split } from './kernels/concat.ts';
import { conv2d } from './kernels/conv2d.ts';
import { conv2dBackwardFilter } from './kernels/conv2dBackwardFilter.ts';
import { conv2dBackwardInput } from './kernels/conv2dBackwardInput.ts';
import { convTranspose2d } from './kernels/convTranspose2d.ts';
import { copy } from './kernels/copy.ts';
import { dropout, dropoutBackward } from './kernels/dropout.ts';
import { embedding, embeddingBackward } from './kernels/embedding.ts';
import { exp, expBackward } from './kernels/exp.ts';
import { fill } from './kernels/fill.ts';
import { gelu, geluBackward } from './kernels/gelu.ts';
import { gruSequence } from './kernels/gruSequence.ts';
import { gruSequenceBackward } from './kernels/gruSequenceBackward.ts';
import { identity, identityBackward } from './kernels/identity.ts';
import { leakyRelu, leakyReluBackward } from './kernels/leakyRelu.ts';
import { log, logBackward } from './kernels/log.ts';
import { logSoftmax, logSoftmaxBackward } from './kernels/logSoftmax.ts';
import { lstmSequence } from './kernels/lstmSequence.ts';
import { lstmSequenceBackward } from './kernels/lstmSequenceBackward.ts';
import { matmul } from './kernels/matmul.ts';
import { maxPool2d } from './kernels/maxPool2d.ts';
import { maxPool2dBackward } from './kernels/maxPool2dBackward.ts';
import { meanSquaredError, meanSquaredErrorBackward } from './kernels/meanSquaredError.ts';
import { negate, negateBackward } from './kernels/negate.ts';
import { reduceMean, reduceSum } from './kernels/reduce.ts';
import { relu, reluBackward } from './kernels/relu.ts';
import { rmspropUpdate } from './kernels/rmspropUpdate.ts';
import { rnnSequence } from './kernels/rnnSequence.ts';
import { rnnSequenceBackward } from './kernels/rnnSequenceBackward.ts';
import { scale, scaleBackward } from './kernels/scale.ts';
import { momentumUpdate, sgdUpdate } from './kernels/sgdUpdate.ts';
import { sigmoid, sigmoidBackward } from './kernels/sigmoid.ts';
import { slice, sliceBackward } from './kernels/slice.ts';
import { softmax, softmaxBackward } from './kernels/softmax.ts';
import { softmaxCrossEntropy, softmaxCrossEntropyBackward } from './kernels/softmaxCrossEntropy.ts';
import { tanh, tanhBackward } from './kernels/tanh.ts';
import { upsample2d, upsample2dBackward } from './kernels/upsample2d.ts';

export type KernelRegistry = { readonly [Name in OpName]: Kernel<Name> };

export const kernelRegistry: KernelRegistry = {
  fill, copy, matmul, biasAdd, add, sub, mul, div, broadcast, sumToShape, reduceSum, reduceMean,
  concat, split, slice, sliceBackward, embedding, embeddingBackward,
  relu, reluBackward, leakyRelu, leakyReluBackward, sigmoid, sigmoidBackward, tanh, tanhBackward,
  gelu, geluBackward, binaryStep, binaryStepBackward, identity, identityBackward, exp, expBackward,
  log, logBackward, negate, negateBackward, scale, scaleBackward,
  softmax, softmaxBackward, logSoftmax, logSoftmaxBackward,
  conv2d, conv2dBackwardInput, conv2dBackwardFilter, convTranspose2d,
  maxPool2d, maxPool2dBackward, avgPool2d, avgPool2dBackward, upsample2d, upsample2dBackward,
  batchNormTrain, batchNormInference, batchNormBackward, dropout, dropoutBackward,
  softmaxCrossEntropy, softmaxCrossEntropyBackward, meanSquaredError, meanSquaredErrorBackward,
  binaryCrossEntropyWithLogits, binaryCrossEntropyWithLogitsBackward,
  rnnSequence, rnnSequenceBackward, lstmSequence, lstmSequenceBackward, gruSequence, gruSequenceBackward,
  sgdUpdate, momentumUpdate, adamUpdate, rmspropUpdate, clipGradientNorm,
};

function kernelFor<Name extends OpName>(name: Name): Kernel<Name> {
  return kernelRegistry[name];
}

/** Runs one op: reads `inputs`, writes `outputs` (in the order of the op's signature). */
export function runKernel(op: Op, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  kernelFor(op.op)(op, inputs, outputs);
}
