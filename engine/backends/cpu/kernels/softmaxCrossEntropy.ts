// softmaxCrossEntropy: logits [..., C] and i32 labels [...]; every leading position is one example.
// loss = mean over examples of log Σ e^z - z[label]; also outputs the probabilities softmax(z).
// Backward: dLogits = dLoss · (probabilities - onehot(label)) / examples.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, integers, lastDimension, type CpuTensor } from '../tensor.ts';
import { lossGradient, lossScalar } from './loss.ts';

function checkLabels(name: string, logits: CpuTensor, labels: CpuTensor): { classes: number; examples: number } {
  const classes = lastDimension(logits.shape);
  expectShape(labels, logits.shape.slice(0, -1), `${name} labels`);
  return { classes, examples: labels.data.length };
}

function checkLabel(label: number, classes: number, example: number): void {
  if (label < 0 || label >= classes) throw new RangeError(`softmaxCrossEntropy: label ${label} of example ${example} is not a class (0 to ${classes - 1}).`);
}

export function softmaxCrossEntropy(_op: OpOf<'softmaxCrossEntropy'>, [logitTensor, labelTensor]: readonly CpuTensor[], [lossTensor, probabilityTensor]: readonly CpuTensor[]): void {
  const name = 'softmaxCrossEntropy';
  const { classes, examples } = checkLabels(name, logitTensor, labelTensor);
  expectShape(probabilityTensor, logitTensor.shape, `${name} probabilities`);
  const [z, labels, p, loss] = [floats(logitTensor, `${name} logits`), integers(labelTensor, `${name} labels`), floats(probabilityTensor, `${name} probabilities`), lossScalar(name, lossTensor)];
  let total = 0;
  for (let example = 0; example < examples; example++) {
    const start = example * classes;
    checkLabel(labels[example], classes, example);
    let maximum = -Infinity;
    for (let index = start; index < start + classes; index++) maximum = Math.max(maximum, z[index]);
    let sum = 0;
    for (let index = start; index < start + classes; index++) sum += Math.exp(z[index] - maximum);
    for (let index = start; index < start + classes; index++) p[index] = Math.exp(z[index] - maximum) / sum;
    total += maximum + Math.log(sum) - z[start + labels[example]];
  }
  loss[0] = total / examples;
}

export function softmaxCrossEntropyBackward(_op: OpOf<'softmaxCrossEntropyBackward'>, inputs: readonly CpuTensor[], [dLogitTensor]: readonly CpuTensor[]): void {
  const name = 'softmaxCrossEntropyBackward';
  const [probabilityTensor, labelTensor, dLossTensor] = inputs;
  const { classes, examples } = checkLabels(name, probabilityTensor, labelTensor);
  expectShape(dLogitTensor, probabilityTensor.shape, `${name} dLogits`);
  const [p, labels, dz] = [floats(probabilityTensor, `${name} probabilities`), integers(labelTensor, `${name} labels`), floats(dLogitTensor, `${name} dLogits`)];
  const factor = lossGradient(name, dLossTensor) / examples;
  for (let example = 0; example < examples; example++) {
    const start = example * classes;
    checkLabel(labels[example], classes, example);
    for (let index = start; index < start + classes; index++) dz[index] = factor * p[index];
    dz[start + labels[example]] -= factor;
  }
}
