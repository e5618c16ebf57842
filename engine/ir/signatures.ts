// Every op's inputs and outputs, by position and name: the contract between the compiler, which
// fills KernelCall.inputs/outputs in this order, and every backend. A name ending in '...' takes any
// number of buffers (one or more). A buffer named in both lists is updated in place (running
// statistics, the random state). Scratch outputs are workspace the kernel overwrites freely.
import type { OpName } from './ops/index.ts';

export interface OpSignature {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

function signature(inputs: string, outputs: string): OpSignature {
  const names = (list: string) => (list === '' ? [] : list.split(' '));
  return { inputs: names(inputs), outputs: names(outputs) };
}

const unary = signature('input', 'output');
const fromInput = signature('input dOutput', 'dInput');
const fromOutput = signature('output dOutput', 'dInput');
const binary = signature('a b', 'output');

export const OP_SIGNATURES: { readonly [Name in OpName]: OpSignature } = {
  fill: signature('', 'output'),
  copy: unary,
  matmul: signature('a b', 'product'),
  biasAdd: signature('input bias', 'output'),
  add: binary,
  sub: binary,
  mul: binary,
  div: binary,
  broadcast: unary,
  sumToShape: unary,
  reduceSum: unary,
  reduceMean: unary,
  concat: signature('parts...', 'output'),
  split: signature('input', 'parts...'),
  slice: unary,
  sliceBackward: signature('dOutput', 'dInput'),
  embedding: signature('ids table', 'output'),
  embeddingBackward: signature('ids dOutput', 'dTable'),

  relu: unary,
  reluBackward: fromInput,
  leakyRelu: unary,
  leakyReluBackward: fromInput,
  sigmoid: unary,
  sigmoidBackward: fromOutput,
  tanh: unary,
  tanhBackward: fromOutput,
  gelu: unary,
  geluBackward: fromInput,
  binaryStep: unary,
  binaryStepBackward: fromInput,
  identity: unary,
  identityBackward: fromInput,
  exp: unary,
  expBackward: fromOutput,
  log: unary,
  logBackward: fromInput,
  negate: unary,
  negateBackward: fromInput,
  scale: unary,
  scaleBackward: fromInput,
  softmax: unary,
  softmaxBackward: fromOutput,
  logSoftmax: unary,
  logSoftmaxBackward: fromOutput,

  conv2d: signature('input weights', 'output'),
  conv2dBackwardInput: signature('dOutput weights', 'dInput'),
  conv2dBackwardFilter: signature('input dOutput', 'dWeights'),
  convTranspose2d: signature('input weights', 'output'),
  maxPool2d: unary,
  maxPool2dBackward: fromInput,
  avgPool2d: unary,
  avgPool2dBackward: signature('dOutput', 'dInput'),
  upsample2d: unary,
  upsample2dBackward: signature('dOutput', 'dInput'),

  batchNormTrain: signature('input gamma beta runningMean runningVariance', 'output mean inverseDeviation runningMean runningVariance'),
  batchNormInference: signature('input gamma beta runningMean runningVariance', 'output'),
  batchNormBackward: signature('input gamma mean inverseDeviation dOutput', 'dInput dGamma dBeta'),
  dropout: signature('input randomState', 'output mask randomState'),
  dropoutBackward: signature('mask dOutput', 'dInput'),
  softmaxCrossEntropy: signature('logits labels', 'loss probabilities'),
  softmaxCrossEntropyBackward: signature('probabilities labels dLoss', 'dLogits'),
  meanSquaredError: signature('prediction target', 'loss'),
  meanSquaredErrorBackward: signature('prediction target dLoss', 'dPrediction'),
  binaryCrossEntropyWithLogits: signature('logits target', 'loss'),
  binaryCrossEntropyWithLogitsBackward: signature('logits target dLoss', 'dLogits'),

  // Recurrent backward scratch: at least 2H (rnn), 6H (lstm) or 7H (gru) values, H the hidden size.
  rnnSequence: signature('input initialHidden inputWeights hiddenWeights bias', 'hidden'),
  rnnSequenceBackward: signature(
    'input initialHidden inputWeights hiddenWeights hidden dHidden',
    'dInput dInitialHidden dInputWeights dHiddenWeights dBias scratch',
  ),
  lstmSequence: signature('input initialHidden initialCell inputWeights hiddenWeights bias', 'hidden cell gates'),
  lstmSequenceBackward: signature(
    'input initialHidden initialCell inputWeights hiddenWeights hidden cell gates dHidden',
    'dInput dInitialHidden dInitialCell dInputWeights dHiddenWeights dBias scratch',
  ),
  gruSequence: signature('input initialHidden inputWeights hiddenWeights inputBias hiddenBias', 'hidden gates hiddenCandidate'),
  gruSequenceBackward: signature(
    'input initialHidden inputWeights hiddenWeights hidden gates hiddenCandidate dHidden',
    'dInput dInitialHidden dInputWeights dHiddenWeights dInputBias dHiddenBias scratch',
  ),

  // Optimizer updates write their parameter and state in place; scalars: see ops/optimizer.ts.
  sgdUpdate: signature('value gradient scalars', 'value'),
  momentumUpdate: signature('value gradient scalars velocity', 'value velocity'),
  adamUpdate: signature('value gradient scalars first second', 'value first second'),
  rmspropUpdate: signature('value gradient scalars square', 'value square'),
  clipGradientNorm: signature('gradients...', 'norm gradients...'),
};

/** Whether `count` buffers fit a list of names (a trailing 'name...' takes one or more). */
export function arityMatches(names: readonly string[], count: number): boolean {
  const variadic = names.length > 0 && names[names.length - 1].endsWith('...');
  return variadic ? count >= names.length : count === names.length;
}
