// The kernels this module exports to the host (../kernels.ts calls them by these names).
export { gemm, gemmDepthPart, gemmDepthSum, gemmScratchBytes } from './gemm';

/** The first byte after this module's static data: the host allocates buffers from here on. */
export function heapBase(): usize {
  return __heap_base;
}
export { biasAdd, relu, reluBackward } from './elementwise';
export { recurrentColumnSums, recurrentPackBackward, recurrentPackForward } from './recurrent';
export { lstmBackward, lstmForward } from './lstm';
export { gruBackward, gruForward } from './gru';
export { rnnBackward, rnnForward } from './rnn';
export { avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward } from './pool';
export { logSoftmax, logSoftmaxBackward, meanSquaredError, meanSquaredErrorBackward, softmax, softmaxBackward, softmaxCrossEntropy, softmaxCrossEntropyBackward } from './loss';
export { addSame, leakyRelu, leakyReluBackward, mulSame, scaleValues, sigmoid, sigmoidBackward, subSame, tanh, tanhBackward } from './activation';
export { sumBlocks } from './reduce';
export { batchNormBackward, batchNormInference, batchNormTrain } from './batchNorm';
export { directConv2d, directConv2dBackwardFilter, directConvFilterSum, directConvPack } from './directConv';
export { adamUpdate, momentumUpdate, rmspropUpdate, sgdUpdate } from './optimizer';
