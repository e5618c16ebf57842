// batchNormTrain: normalizes each channel (last axis) with its batch mean and biased variance,
// y = gamma·(x - mean)·inverseDeviation + beta, inverseDeviation = 1/√(variance + epsilon), and
// moves the running averages toward the batch (unbiased variance, as PyTorch). mean and
// inverseDeviation are kept for the backward pass.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { channelLayout } from './batchNormShapes.ts';

export function batchNormTrain(op: OpOf<'batchNormTrain'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const [input, gamma, beta, runningMean, runningVariance] = inputs;
  const [output, mean, inverseDeviation, newMean, newVariance] = outputs;
  const { channels, rows } = channelLayout('batchNormTrain', input, [gamma, beta, runningMean, runningVariance, mean, inverseDeviation, newMean, newVariance]);
  expectShape(output, input.shape, 'batchNormTrain output');
  const what = 'batchNormTrain';
  const [x, y, g, b] = [floats(input, `${what} input`), floats(output, `${what} output`), floats(gamma, `${what} gamma`), floats(beta, `${what} beta`)];
  const [oldMean, oldVariance] = [floats(runningMean, `${what} runningMean`), floats(runningVariance, `${what} runningVariance`)];
  const [savedMean, savedInverse] = [floats(mean, `${what} mean`), floats(inverseDeviation, `${what} inverseDeviation`)];
  const [nextMean, nextVariance] = [floats(newMean, `${what} runningMean`), floats(newVariance, `${what} runningVariance`)];
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let index = c; index < x.length; index += channels) sum += x[index];
    const average = sum / rows;
    let squares = 0;
    for (let index = c; index < x.length; index += channels) squares += (x[index] - average) ** 2;
    const variance = squares / rows;
    const inverse = 1 / Math.sqrt(variance + op.epsilon);
    for (let index = c; index < x.length; index += channels) y[index] = g[c] * (x[index] - average) * inverse + b[c];
    savedMean[c] = average;
    savedInverse[c] = inverse;
    const unbiased = rows > 1 ? squares / (rows - 1) : variance;
    nextMean[c] = (1 - op.momentum) * oldMean[c] + op.momentum * average;
    nextVariance[c] = (1 - op.momentum) * oldVariance[c] + op.momentum * unbiased;
  }
}
