// RMSprop: divide each gradient by a running root mean square of its recent values (PyTorch's form).
import type { OptimizerSettings } from '../../graph/index.ts';
import { decayedGradient, type Optimizer } from './types.ts';

export function createRmsprop(settings: OptimizerSettings): Optimizer {
  const { rho, epsilon, weightDecay } = settings;
  return {
    settings,
    init(slot) {
      slot.state = [new Float32Array(slot.value.length)];
    },
    update(slots, learningRate) {
      for (const slot of slots) {
        if (slot.frozen) continue;
        const [square] = slot.state;
        for (let i = 0; i < slot.value.length; i++) {
          const gradient = decayedGradient(slot, weightDecay, i);
          square[i] = rho * square[i] + (1 - rho) * gradient * gradient;
          slot.value[i] -= (learningRate * gradient) / (Math.sqrt(square[i]) + epsilon);
        }
      }
    },
  };
}
