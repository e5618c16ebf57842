// adamUpdate: Adam (weight decay added to the gradient) or AdamW (decoupled: the value shrinks by
// 1 - rate·weightDecay), with bias-corrected moments, as PyTorch defines them.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { expectCount, floats } from '../tensor.ts';
import { stepScalars } from './stepScalars.ts';

export function adamUpdate(op: OpOf<'adamUpdate'>, [value, gradient, scalars, first, second]: readonly CpuTensor[]): void {
  const values = floats(value, 'adamUpdate value');
  const gradients = floats(gradient, 'adamUpdate gradient');
  const firsts = floats(first, 'adamUpdate first moment');
  const seconds = floats(second, 'adamUpdate second moment');
  for (const [tensor, what] of [[gradient, 'gradient'], [first, 'first moment'], [second, 'second moment']] as const) expectCount(tensor, values.length, `adamUpdate ${what}`);
  const { step, learningRate } = stepScalars(scalars, 'adamUpdate');
  const { beta1, beta2, epsilon, weightDecay, decoupled } = op;
  const correction1 = 1 - beta1 ** step;
  const correction2 = Math.sqrt(1 - beta2 ** step);
  const shrink = decoupled ? 1 - learningRate * weightDecay : 1;
  for (let i = 0; i < values.length; i++) {
    const g = !decoupled && weightDecay !== 0 ? gradients[i] + weightDecay * values[i] : gradients[i];
    firsts[i] = beta1 * firsts[i] + (1 - beta1) * g;
    seconds[i] = beta2 * seconds[i] + (1 - beta2) * g * g;
    const denominator = Math.sqrt(seconds[i]) / correction2 + epsilon;
    values[i] = values[i] * shrink - (learningRate / correction1) * (firsts[i] / denominator);
  }
}
