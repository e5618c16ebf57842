// batchNormInference: normalizes each channel with the running averages:
// y = gamma·(x - runningMean)/√(runningVariance + epsilon) + beta.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { channelLayout } from './batchNormShapes.ts';

export function batchNormInference(op: OpOf<'batchNormInference'>, inputs: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [input, gamma, beta, runningMean, runningVariance] = inputs;
  const { channels } = channelLayout('batchNormInference', input, [gamma, beta, runningMean, runningVariance]);
  expectShape(output, input.shape, 'batchNormInference output');
  const what = 'batchNormInference';
  const [x, y, g, b] = [floats(input, `${what} input`), floats(output, `${what} output`), floats(gamma, `${what} gamma`), floats(beta, `${what} beta`)];
  const [mean, variance] = [floats(runningMean, `${what} runningMean`), floats(runningVariance, `${what} runningVariance`)];
  for (let base = 0; base < x.length; base += channels) {
    for (let c = 0; c < channels; c++) y[base + c] = (g[c] * (x[base + c] - mean[c])) / Math.sqrt(variance[c] + op.epsilon) + b[c];
  }
}
