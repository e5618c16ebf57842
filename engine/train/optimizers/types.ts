// Optimizers update parameters in place from their gradients. Each parameter tensor has a slot
// with its state arrays (momentum buffers, Adam moments), kept so a checkpoint can save them.
import type { OptimizerSettings } from '../../graph/index.ts';

export interface ParameterSlot {
  readonly name: string;
  readonly value: Float32Array;
  readonly gradient: Float32Array;
  /** Optimizer state, one array per buffer, each the size of `value`; created by `init`. */
  state: Float32Array[];
  /** Frozen parameters keep their value (GAN phases, fine-tuning). */
  frozen?: boolean;
  /** Weight decay applies to weights, not to biases or normalization scales. */
  decay?: boolean;
}

export interface Optimizer {
  readonly settings: OptimizerSettings;
  /** Creates the state arrays of a slot. */
  init(slot: ParameterSlot): void;
  /** One update of every slot; `step` counts from 1. */
  update(slots: readonly ParameterSlot[], learningRate: number, step: number): void;
}

/** Gradient with L2 weight decay folded in (the coupled form SGD, momentum, Adam and RMSprop use). */
export function decayedGradient(slot: ParameterSlot, weightDecay: number, index: number): number {
  const gradient = slot.gradient[index];
  return weightDecay !== 0 && slot.decay !== false ? gradient + weightDecay * slot.value[index] : gradient;
}
