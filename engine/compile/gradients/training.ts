// Gradients of batch normalization, dropout and the losses.
import type { OpOf, TrainingOp } from '../../ir/index.ts';
import { noGradient, type GradientRule, type GradientTable } from './context.ts';

const batchNormTrain: GradientRule = (context) => {
  const op = context.forward.op as OpOf<'batchNormTrain'>;
  const [input, gamma, beta] = context.forward.inputs;
  const [, mean, inverseDeviation] = context.forward.outputs;
  const gradients = [context.gradientBuffer(input), context.gradientBuffer(gamma), context.gradientBuffer(beta)];
  context.emit({ ...op, op: 'batchNormBackward' }, [input, gamma, mean, inverseDeviation, context.dOutput()], gradients);
  gradients.forEach((gradient, index) => context.needsInput(index) && context.give(index, gradient));
};

const dropout: GradientRule = (context) => {
  const op = context.forward.op as OpOf<'dropout'>;
  context.giveComputed(0, { ...op, op: 'dropoutBackward' }, [context.forward.outputs[1], context.dOutput()]);
};

const softmaxCrossEntropy: GradientRule = (context) => {
  const [, labels] = context.forward.inputs;
  context.giveComputed(0, { op: 'softmaxCrossEntropyBackward' }, [context.forward.outputs[1], labels, context.dOutput()]);
};

/** A loss of (prediction, target) whose backward gives d(prediction); the target takes the negative. */
function pairLoss(backward: 'meanSquaredErrorBackward' | 'binaryCrossEntropyWithLogitsBackward'): GradientRule {
  return (context) => {
    const [prediction, target] = context.forward.inputs;
    context.giveComputed(0, { op: backward }, [prediction, target, context.dOutput()]);
    if (!context.needsInput(1)) return;
    if (backward !== 'meanSquaredErrorBackward') throw new Error('A target that needs a gradient is only supported for MSE.');
    const forPrediction = context.gradientBuffer(prediction);
    context.emit({ op: backward }, [prediction, target, context.dOutput()], [forPrediction]);
    context.giveComputed(1, { op: 'negate' }, [forPrediction]);
  };
}

export const trainingGradients: GradientTable<TrainingOp['op']> = {
  batchNormTrain,
  batchNormInference: noGradient('batchNormInference runs only in the inference program, which is never differentiated'),
  dropout,
  softmaxCrossEntropy,
  meanSquaredError: pairLoss('meanSquaredErrorBackward'),
  binaryCrossEntropyWithLogits: pairLoss('binaryCrossEntropyWithLogitsBackward'),
};
