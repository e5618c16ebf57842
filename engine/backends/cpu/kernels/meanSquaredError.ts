// meanSquaredError: loss = mean of (prediction - target)² over every value.
// Backward: dPrediction = dLoss · 2·(prediction - target) / count.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { lossGradient, lossScalar } from './loss.ts';

export function meanSquaredError(_op: OpOf<'meanSquaredError'>, [prediction, target]: readonly CpuTensor[], [lossTensor]: readonly CpuTensor[]): void {
  const name = 'meanSquaredError';
  expectShape(target, prediction.shape, `${name} target`);
  const [p, t, loss] = [floats(prediction, `${name} prediction`), floats(target, `${name} target`), lossScalar(name, lossTensor)];
  let total = 0;
  for (let index = 0; index < p.length; index++) total += (p[index] - t[index]) ** 2;
  loss[0] = total / p.length;
}

export function meanSquaredErrorBackward(_op: OpOf<'meanSquaredErrorBackward'>, [prediction, target, dLoss]: readonly CpuTensor[], [dPrediction]: readonly CpuTensor[]): void {
  const name = 'meanSquaredErrorBackward';
  expectShape(target, prediction.shape, `${name} target`);
  expectShape(dPrediction, prediction.shape, `${name} dPrediction`);
  const [p, t, dp] = [floats(prediction, `${name} prediction`), floats(target, `${name} target`), floats(dPrediction, `${name} dPrediction`)];
  const factor = (2 * lossGradient(name, dLoss)) / p.length;
  for (let index = 0; index < p.length; index++) dp[index] = factor * (p[index] - t[index]);
}
