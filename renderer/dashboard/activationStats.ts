// Health of a layer's output: how many units are dead (ReLU outputs of exactly zero) and how many
// are saturated (tanh near ±1, sigmoid near 0 or 1), where the gradient all but vanishes.

export type SaturatingActivation = 'tanh' | 'sigmoid';

/** The fraction of values that are exactly zero (0 for an empty tensor). */
export function deadShare(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let zeros = 0;
  for (let index = 0; index < values.length; index++) if (values[index] === 0) zeros++;
  return zeros / values.length;
}

/** The fraction of values in the flat tails: |v| > 0.99 for tanh, v < 0.01 or v > 0.99 for sigmoid. */
export function saturatedShare(values: ArrayLike<number>, activation: SaturatingActivation): number {
  if (values.length === 0) return 0;
  let saturated = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    const flat = activation === 'tanh' ? Math.abs(value) > 0.99 : value < 0.01 || value > 0.99;
    if (flat) saturated++;
  }
  return saturated / values.length;
}

export interface ActivationHealth {
  /** Share of dead units, for a ReLU (null for other layers). */
  readonly dead: number | null;
  /** Share of saturated units, for a Tanh or Sigmoid (null for other layers). */
  readonly saturated: number | null;
}

/** The statistics that mean something for a layer of this type (node type as in the catalog). */
export function activationHealth(nodeType: string | undefined, values: ArrayLike<number>): ActivationHealth {
  if (nodeType === 'ReLU') return { dead: deadShare(values), saturated: null };
  if (nodeType === 'Tanh') return { dead: null, saturated: saturatedShare(values, 'tanh') };
  if (nodeType === 'Sigmoid') return { dead: null, saturated: saturatedShare(values, 'sigmoid') };
  return { dead: null, saturated: null };
}
