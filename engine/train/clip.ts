// Gradient clipping by global norm: when the gradients of all parameters together are longer
// than `maxNorm`, scale them all down by the same factor (PyTorch's clip_grad_norm_).
import type { ParameterSlot } from './optimizers/types.ts';

/** Returns the norm before clipping. */
export function clipGradientNorm(slots: readonly ParameterSlot[], maxNorm: number): number {
  let sum = 0;
  for (const slot of slots) {
    if (slot.frozen) continue;
    for (const value of slot.gradient) sum += value * value;
  }
  const norm = Math.sqrt(sum);
  const scale = maxNorm / (norm + 1e-6);
  if (scale < 1) {
    for (const slot of slots) {
      if (slot.frozen) continue;
      for (let i = 0; i < slot.gradient.length; i++) slot.gradient[i] *= scale;
    }
  }
  return norm;
}
