// Adam (L2 weight decay in the gradient) and AdamW (decoupled weight decay), as PyTorch defines them.
import type { OptimizerSettings } from '../../graph/index.ts';
import { decayedGradient, type Optimizer, type ParameterSlot } from './types.ts';

export function createAdam(settings: OptimizerSettings, decoupled: boolean): Optimizer {
  return {
    settings,
    init(slot) {
      slot.state = [new Float32Array(slot.value.length), new Float32Array(slot.value.length)];
    },
    update(slots, learningRate, step) {
      for (const slot of slots) if (!slot.frozen) updateSlot(slot, learningRate, step, settings, decoupled);
    },
  };
}

function updateSlot(slot: ParameterSlot, learningRate: number, step: number, settings: OptimizerSettings, decoupled: boolean) {
  const { value } = slot;
  const [first, second] = slot.state;
  const { beta1, beta2, epsilon, weightDecay } = settings;
  const correction1 = 1 - beta1 ** step;
  const correction2 = Math.sqrt(1 - beta2 ** step);
  const shrink = decoupled && slot.decay !== false ? 1 - learningRate * weightDecay : 1;
  for (let i = 0; i < value.length; i++) {
    const gradient = decoupled ? slot.gradient[i] : decayedGradient(slot, weightDecay, i);
    first[i] = beta1 * first[i] + (1 - beta1) * gradient;
    second[i] = beta2 * second[i] + (1 - beta2) * gradient * gradient;
    const denominator = Math.sqrt(second[i]) / correction2 + epsilon;
    value[i] = value[i] * shrink - (learningRate / correction1) * (first[i] / denominator);
  }
}
