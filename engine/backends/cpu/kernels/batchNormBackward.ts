// batchNormBackward: the training-mode gradient, through the batch statistics too. With
// x̂ = (x - mean)·inverseDeviation and R positions per channel:
// dBeta = Σ dy, dGamma = Σ dy·x̂, dx = gamma·inverseDeviation/R · (R·dy - dBeta - x̂·dGamma).
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { channelLayout } from './batchNormShapes.ts';

export function batchNormBackward(_op: OpOf<'batchNormBackward'>, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  const [input, gamma, mean, inverseDeviation, dOutput] = inputs;
  const [dInput, dGamma, dBeta] = outputs;
  const { channels, rows } = channelLayout('batchNormBackward', input, [gamma, mean, inverseDeviation, dGamma, dBeta]);
  expectShape(dOutput, input.shape, 'batchNormBackward dOutput');
  expectShape(dInput, input.shape, 'batchNormBackward dInput');
  const what = 'batchNormBackward';
  const [x, g, average, inverse] = [floats(input, `${what} input`), floats(gamma, `${what} gamma`), floats(mean, `${what} mean`), floats(inverseDeviation, `${what} inverseDeviation`)];
  const [dy, dx, dg, db] = [floats(dOutput, `${what} dOutput`), floats(dInput, `${what} dInput`), floats(dGamma, `${what} dGamma`), floats(dBeta, `${what} dBeta`)];
  for (let c = 0; c < channels; c++) {
    let sumGradient = 0;
    let sumProjected = 0;
    for (let index = c; index < x.length; index += channels) {
      sumGradient += dy[index];
      sumProjected += dy[index] * (x[index] - average[c]) * inverse[c];
    }
    const factor = (g[c] * inverse[c]) / rows;
    for (let index = c; index < x.length; index += channels) {
      const normalized = (x[index] - average[c]) * inverse[c];
      dx[index] = factor * (rows * dy[index] - sumGradient - normalized * sumProjected);
    }
    dg[c] = sumProjected;
    db[c] = sumGradient;
  }
}
