// binaryCrossEntropyWithLogits: loss = mean of max(x, 0) - x·t + log(1 + e^-|x|), which equals
// -[t·log σ(x) + (1 - t)·log(1 - σ(x))] without overflow for any logit x.
// Backward: dLogits = dLoss · (σ(x) - t) / count.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { lossGradient, lossScalar } from './loss.ts';
import { logistic } from './sigmoid.ts';

export function binaryCrossEntropyWithLogits(_op: OpOf<'binaryCrossEntropyWithLogits'>, [logits, target]: readonly CpuTensor[], [lossTensor]: readonly CpuTensor[]): void {
  const name = 'binaryCrossEntropyWithLogits';
  expectShape(target, logits.shape, `${name} target`);
  const [x, t, loss] = [floats(logits, `${name} logits`), floats(target, `${name} target`), lossScalar(name, lossTensor)];
  let total = 0;
  for (let index = 0; index < x.length; index++) total += Math.max(x[index], 0) - x[index] * t[index] + Math.log1p(Math.exp(-Math.abs(x[index])));
  loss[0] = total / x.length;
}

export function binaryCrossEntropyWithLogitsBackward(
  _op: OpOf<'binaryCrossEntropyWithLogitsBackward'>,
  [logits, target, dLoss]: readonly CpuTensor[],
  [dLogits]: readonly CpuTensor[],
): void {
  const name = 'binaryCrossEntropyWithLogitsBackward';
  expectShape(target, logits.shape, `${name} target`);
  expectShape(dLogits, logits.shape, `${name} dLogits`);
  const [x, t, dx] = [floats(logits, `${name} logits`), floats(target, `${name} target`), floats(dLogits, `${name} dLogits`)];
  const factor = lossGradient(name, dLoss) / x.length;
  for (let index = 0; index < x.length; index++) dx[index] = factor * (logistic(x[index]) - t[index]);
}
