// Loss heads: the prediction against the target, reduced to a scalar mean.
import type { BufferId, DType } from '../../ir/index.ts';
import type { LoweringContext } from './context.ts';

export interface LossLowering {
  /** The target's element type and shape (with the batch) for a prediction of this shape. */
  readonly target: (prediction: readonly number[]) => { dtype: DType; shape: readonly number[] };
  readonly lower: (context: LoweringContext, target: BufferId) => { loss: BufferId; probabilities?: BufferId };
}

const sameAsPrediction = (prediction: readonly number[]) => ({ dtype: 'f32' as const, shape: prediction });

export const lossLowerings: Readonly<Record<string, LossLowering>> = {
  SoftmaxCrossEntropy: {
    target: (prediction) => ({ dtype: 'i32', shape: prediction.slice(0, -1) }),
    lower(context, target) {
      const loss = context.activation([], 'loss');
      const probabilities = context.activation(context.builder.shape(context.inputs[0]), 'probabilities');
      context.emit({ op: 'softmaxCrossEntropy' }, [context.inputs[0], target], [loss, probabilities]);
      return { loss, probabilities };
    },
  },
  MSE: {
    target: sameAsPrediction,
    lower(context, target) {
      const loss = context.activation([], 'loss');
      context.emit({ op: 'meanSquaredError' }, [context.inputs[0], target], [loss]);
      return { loss };
    },
  },
  BCE: {
    target: sameAsPrediction,
    lower(context, target) {
      const loss = context.activation([], 'loss');
      context.emit({ op: 'binaryCrossEntropyWithLogits' }, [context.inputs[0], target], [loss]);
      return { loss };
    },
  },
};
