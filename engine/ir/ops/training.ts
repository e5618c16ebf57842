// Ops that only make sense while training: batch normalization, dropout and the losses.

/**
 * Batch normalization over the last (channel) axis; statistics over every other axis.
 * batchNormTrain normalizes with the batch mean and biased variance and updates the running averages
 * in place: running = (1 - momentum)·running + momentum·batch, with the unbiased variance (as PyTorch).
 * batchNormInference normalizes with the running averages. batchNormBackward is the training-mode gradient.
 */
export interface BatchNormOp {
  readonly op: 'batchNormTrain' | 'batchNormInference' | 'batchNormBackward';
  readonly epsilon: number;
  readonly momentum: number;
}

/**
 * Inverted dropout: each value is dropped with probability `rate`, survivors are scaled by 1/(1 - rate).
 * The mask holds that factor (0 or 1/(1 - rate)); dropoutBackward multiplies the gradient by it.
 * Draws come from the random state buffer (see ../random.ts), advanced in place, so one seed gives one
 * sequence of masks on every run. At inference the compiler emits copy instead.
 */
export interface DropoutOp {
  readonly op: 'dropout' | 'dropoutBackward';
  readonly rate: number;
}

/**
 * Losses reduce to a scalar mean. Backward ops take the upstream scalar gradient dLoss (1 for the final
 * loss) and return the gradient of the prediction.
 * softmaxCrossEntropy: logits [..., C] with i32 labels [...]; every leading position is one example, so
 * [B, C] averages over B and [B, T, C] over B·T (the per-time-step form). It also outputs the
 * probabilities, which its backward uses (and metrics can read).
 * meanSquaredError: mean of (prediction - target)². binaryCrossEntropyWithLogits: mean of
 * max(x, 0) - x·t + log(1 + exp(-|x|)), stable for any logit.
 */
export interface LossOp {
  readonly op:
    | 'softmaxCrossEntropy'
    | 'softmaxCrossEntropyBackward'
    | 'meanSquaredError'
    | 'meanSquaredErrorBackward'
    | 'binaryCrossEntropyWithLogits'
    | 'binaryCrossEntropyWithLogitsBackward';
}

export type TrainingOp = BatchNormOp | DropoutOp | LossOp;
