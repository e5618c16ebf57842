// Dropout and BatchNorm behave differently in training and inference.
import type { Lowering } from './context.ts';

export const lowerDropout: Lowering = (context) => {
  const rate = context.params.rate as number;
  const output = context.activation();
  if (rate === 0) {
    context.emit({ op: 'copy' }, [context.inputs[0]], [output]);
    return output;
  }
  const mask = context.activation(context.outputDims, 'mask');
  const random = context.persistent('random', [4], { kind: 'randomState', seed: context.state.nextSeed() }, 'i32');
  context.emitTrain({ op: 'dropout', rate }, [context.inputs[0], random], [output, mask, random]);
  context.emitInfer({ op: 'copy' }, [context.inputs[0]], [output]);
  return output;
};

export const lowerBatchNorm: Lowering = (context) => {
  const dims = context.outputShape.dims;
  const channels = dims[dims.length - 1];
  const epsilon = context.params.epsilon as number;
  const momentum = context.params.momentum as number;
  const gamma = context.parameter('gamma', [channels], { kind: 'ones' }, false);
  const beta = context.parameter('beta', [channels], { kind: 'zeros' }, false);
  const runningMean = context.persistent('runningMean', [channels], { kind: 'zeros' });
  const runningVariance = context.persistent('runningVariance', [channels], { kind: 'ones' });
  const mean = context.activation([channels], 'mean');
  const inverseDeviation = context.activation([channels], 'inverseDeviation');
  const output = context.activation();
  const inputs = [context.inputs[0], gamma, beta, runningMean, runningVariance];
  context.emitTrain({ op: 'batchNormTrain', epsilon, momentum }, inputs, [output, mean, inverseDeviation, runningMean, runningVariance]);
  context.emitInfer({ op: 'batchNormInference', epsilon, momentum }, inputs, [output]);
  return output;
};
