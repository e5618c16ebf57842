// Ops that update parameters in place after the backward pass, as PyTorch's optimizers and
// clip_grad_norm_ define them, so parameters and their optimizer state never leave a backend.
//
// Every update op reads `scalars`, the i32 buffer the host writes before each step: the step count
// (from 1) and the learning rate, exactly (../stepScalars.ts).
// Weight decay applies where the compiler set `weightDecay` (weights, not biases or norm scales).

/**
 * sgdUpdate: value -= rate·g, g = gradient + weightDecay·value.
 * momentumUpdate: velocity = g on step 1, else momentum·velocity + g; value -= rate·(nesterov ? g + momentum·velocity : velocity).
 */
export interface SgdUpdateOp {
  readonly op: 'sgdUpdate' | 'momentumUpdate';
  readonly weightDecay: number;
  readonly momentum: number;
  readonly nesterov: boolean;
}

/**
 * Adam (weight decay added to the gradient) or, with `decoupled`, AdamW (value shrunk by
 * 1 - rate·weightDecay): first and second moments, bias-corrected by the step count.
 */
export interface AdamUpdateOp {
  readonly op: 'adamUpdate';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly weightDecay: number;
  readonly decoupled: boolean;
}

/** RMSprop: square = rho·square + (1 - rho)·g²; value -= rate·g / (√square + epsilon). */
export interface RmspropUpdateOp {
  readonly op: 'rmspropUpdate';
  readonly rho: number;
  readonly epsilon: number;
  readonly weightDecay: number;
}

/**
 * Gradient clipping by global norm over every gradient given: norm = √Σg² (summed in double
 * precision, in order); when maxNorm / (norm + 1e-6) < 1 every gradient is scaled by that factor.
 * Writes the norm before clipping.
 */
export interface ClipGradientNormOp {
  readonly op: 'clipGradientNorm';
  readonly maxNorm: number;
}

export type OptimizerOp = SgdUpdateOp | AdamUpdateOp | RmspropUpdateOp | ClipGradientNormOp;
