// The losses and their gradients (softmaxCrossEntropy*.wgsl, meanSquaredError*.wgsl): the loss
// in one workgroup (a tree over its threads), the gradients one thread per value.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectCount, expectReal, expectShape, lastDimension, Parameters, perElement, type Dispatch } from './context.ts';

function checkLabels(name: string, logits: GpuTensor, labels: GpuTensor): { classes: number; examples: number } {
  expectReal(logits, `${name} logits`);
  expectShape(labels, logits.shape.slice(0, -1), `${name} labels`);
  if (labels.dtype !== 'i32') throw new TypeError(`${name} labels must hold integers (i32), but hold real numbers.`);
  return { classes: lastDimension(logits.shape), examples: labels.count };
}

export function softmaxCrossEntropy(_op: OpOf<'softmaxCrossEntropy'>, [logits, labels]: readonly GpuTensor[], [loss, probabilities]: readonly GpuTensor[]): Dispatch[] {
  const { classes, examples } = checkLabels('softmaxCrossEntropy', logits, labels);
  expectCount(loss, 1, 'softmaxCrossEntropy loss');
  expectShape(probabilities, logits.shape, 'softmaxCrossEntropy probabilities');
  const buffers = [logits.buffer, labels.buffer, loss.buffer, probabilities.buffer];
  return [{ shader: ['softmaxCrossEntropy'], parameters: new Parameters().u32(examples, classes).f32(Number.NaN), buffers, workgroups: [1, 1, 1] }];
}

export function softmaxCrossEntropyBackward(_op: OpOf<'softmaxCrossEntropyBackward'>, [probabilities, labels, dLoss]: readonly GpuTensor[], [dLogits]: readonly GpuTensor[]): Dispatch[] {
  const { classes, examples } = checkLabels('softmaxCrossEntropyBackward', probabilities, labels);
  expectCount(dLoss, 1, 'softmaxCrossEntropyBackward dLoss');
  expectShape(dLogits, probabilities.shape, 'softmaxCrossEntropyBackward dLogits');
  const buffers = [probabilities.buffer, labels.buffer, dLoss.buffer, dLogits.buffer];
  const parameters = new Parameters().u32(probabilities.count, classes, examples);
  return [{ shader: ['softmaxCrossEntropyBackward'], parameters, buffers, workgroups: perElement(probabilities.count) }];
}

export function meanSquaredError(_op: OpOf<'meanSquaredError'>, [prediction, target]: readonly GpuTensor[], [loss]: readonly GpuTensor[]): Dispatch[] {
  expectReal(prediction, 'meanSquaredError prediction');
  expectShape(target, prediction.shape, 'meanSquaredError target');
  expectCount(loss, 1, 'meanSquaredError loss');
  return [{ shader: ['meanSquaredError'], parameters: new Parameters().u32(prediction.count), buffers: [prediction.buffer, target.buffer, loss.buffer], workgroups: [1, 1, 1] }];
}

export function meanSquaredErrorBackward(_op: OpOf<'meanSquaredErrorBackward'>, [prediction, target, dLoss]: readonly GpuTensor[], [dPrediction]: readonly GpuTensor[]): Dispatch[] {
  expectReal(prediction, 'meanSquaredErrorBackward prediction');
  expectShape(target, prediction.shape, 'meanSquaredErrorBackward target');
  expectCount(dLoss, 1, 'meanSquaredErrorBackward dLoss');
  expectShape(dPrediction, prediction.shape, 'meanSquaredErrorBackward dPrediction');
  const buffers = [prediction.buffer, target.buffer, dLoss.buffer, dPrediction.buffer];
  return [{ shader: ['meanSquaredErrorBackward'], parameters: new Parameters().u32(prediction.count), buffers, workgroups: perElement(prediction.count) }];
}

export function binaryCrossEntropyWithLogits(_op: OpOf<'binaryCrossEntropyWithLogits'>, [logits, target]: readonly GpuTensor[], [loss]: readonly GpuTensor[]): Dispatch[] {
  expectReal(logits, 'binaryCrossEntropyWithLogits logits');
  expectShape(target, logits.shape, 'binaryCrossEntropyWithLogits target');
  expectCount(loss, 1, 'binaryCrossEntropyWithLogits loss');
  return [{ shader: ['binaryCrossEntropyWithLogits'], parameters: new Parameters().u32(logits.count), buffers: [logits.buffer, target.buffer, loss.buffer], workgroups: [1, 1, 1] }];
}

export function binaryCrossEntropyWithLogitsBackward(_op: OpOf<'binaryCrossEntropyWithLogitsBackward'>, [logits, target, dLoss]: readonly GpuTensor[], [dLogits]: readonly GpuTensor[]): Dispatch[] {
  expectReal(logits, 'binaryCrossEntropyWithLogitsBackward logits');
  expectShape(target, logits.shape, 'binaryCrossEntropyWithLogitsBackward target');
  expectCount(dLoss, 1, 'binaryCrossEntropyWithLogitsBackward dLoss');
  expectShape(dLogits, logits.shape, 'binaryCrossEntropyWithLogitsBackward dLogits');
  const buffers = [logits.buffer, target.buffer, dLoss.buffer, dLogits.buffer];
  return [{ shader: ['binaryCrossEntropyWithLogitsBackward'], parameters: new Parameters().u32(logits.count), buffers, workgroups: perElement(logits.count) }];
}
