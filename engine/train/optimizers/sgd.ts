// Stochastic gradient descent, plain or with (Nesterov) momentum, as PyTorch defines them.
import type { OptimizerSettings } from '../../graph/index.ts';
import { decayedGradient, type Optimizer, type ParameterSlot } from './types.ts';

export function createSgd(settings: OptimizerSettings, withMomentum: boolean): Optimizer {
  const momentum = withMomentum ? settings.momentum : 0;
  return {
    settings,
    init(slot) {
      slot.state = momentum > 0 ? [new Float32Array(slot.value.length)] : [];
    },
    update(slots, learningRate, step) {
      for (const slot of slots) if (!slot.frozen) updateSlot(slot, learningRate, step, momentum, settings);
    },
  };
}

function updateSlot(slot: ParameterSlot, learningRate: number, step: number, momentum: number, settings: OptimizerSettings) {
  const { value } = slot;
  const buffer = slot.state[0];
  for (let i = 0; i < value.length; i++) {
    let gradient = decayedGradient(slot, settings.weightDecay, i);
    if (momentum > 0) {
      const velocity = step === 1 ? gradient : momentum * buffer[i] + gradient;
      buffer[i] = velocity;
      gradient = settings.nesterov ? gradient + momentum * velocity : velocity;
    }
    value[i] -= learningRate * gradient;
  }
}
