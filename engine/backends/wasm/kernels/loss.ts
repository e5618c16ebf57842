// softmax, logSoftmax, softmax cross-entropy and mean squared error with their gradients
// (assembly/loss.ts), rows of the last axis 4 lanes at a time. Shapes are checked as on the cpu;
// a label that is not a class is reported by the kernel and thrown here, as the cpu kernel does.
import { expectCount, expectShape, lastDimension } from '../../cpu/tensor.ts';
import type { WasmTensor } from '../tensor.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';

function checkTypes(name: string, tensors: readonly WasmTensor[], labels?: WasmTensor): void {
  for (const tensor of tensors) {
    const expected = tensor === labels ? 'i32' : 'f32';
    if (tensor.dtype !== expected) throw new TypeError(`${name}: ${tensor === labels ? 'labels must be integers (i32)' : 'every tensor but the labels must hold real numbers (f32)'}.`);
  }
}

function bindRows(context: BindContext, name: string, rows: number, classes: number, tensors: readonly WasmTensor[]): (params: number) => number {
  const params = parameterBlock(context.heap, [rows, classes, ...tensors.map((tensor) => tensor.address)]);
  const run = context.heap.kernels[name] as (params: number) => number;
  return () => run(params);
}

function bindRowwise(context: BindContext, name: string, saved: WasmTensor, tensors: readonly WasmTensor[]): BoundKernel {
  checkTypes(name, tensors);
  for (const tensor of tensors) expectShape(tensor, saved.shape, `${name} ${tensor === saved ? 'input' : 'operand'}`);
  const classes = lastDimension(saved.shape);
  const run = bindRows(context, name, classes === 0 ? 0 : saved.length / classes, classes, tensors);
  return () => void run(0);
}

export const softmax: Binder<'softmax'> = (context, op, [x], [y]) => bindRowwise(context, op.op, x, [x, y]);
export const softmaxBackward: Binder<'softmaxBackward'> = (context, op, [y, dy], [dx]) => bindRowwise(context, op.op, y, [y, dy, dx]);
export const logSoftmax: Binder<'logSoftmax'> = (context, op, [x], [y]) => bindRowwise(context, op.op, x, [x, y]);
export const logSoftmaxBackward: Binder<'logSoftmaxBackward'> = (context, op, [y, dy], [dx]) => bindRowwise(context, op.op, y, [y, dy, dx]);

function bindCrossEntropy(context: BindContext, name: string, rows: WasmTensor, labels: WasmTensor, tensors: readonly WasmTensor[]): BoundKernel {
  checkTypes(name, tensors, labels);
  const classes = lastDimension(rows.shape);
  expectShape(labels, rows.shape.slice(0, -1), `${name} labels`);
  const run = bindRows(context, name, labels.length, classes, tensors);
  return () => {
    const bad = run(0);
    if (bad >= 0) throw new RangeError(`softmaxCrossEntropy: label ${labels.data[bad]} of example ${bad} is not a class (0 to ${classes - 1}).`);
  };
}

export const softmaxCrossEntropy: Binder<'softmaxCrossEntropy'> = (context, op, [logits, labels], [loss, probabilities]) => {
  expectShape(probabilities, logits.shape, `${op.op} probabilities`);
  expectCount(loss, 1, `${op.op} loss`);
  return bindCrossEntropy(context, op.op, logits, labels, [logits, labels, loss, probabilities]);
};

export const softmaxCrossEntropyBackward: Binder<'softmaxCrossEntropyBackward'> = (context, op, [probabilities, labels, dLoss], [dLogits]) => {
  expectShape(dLogits, probabilities.shape, `${op.op} dLogits`);
  expectCount(dLoss, 1, `${op.op} dLoss`);
  return bindCrossEntropy(context, op.op, probabilities, labels, [probabilities, labels, dLoss, dLogits]);
};

export const meanSquaredError: Binder<'meanSquaredError'> = (context, op, [prediction, target], [loss]) => {
  checkTypes(op.op, [prediction, target, loss]);
  expectShape(target, prediction.shape, `${op.op} target`);
  expectCount(loss, 1, `${op.op} loss`);
  const run = bindRows(context, op.op, prediction.length, 1, [prediction, target, loss]);
  return () => void run(0);
};

export const meanSquaredErrorBackward: Binder<'meanSquaredErrorBackward'> = (context, op, [prediction, target, dLoss], [dPrediction]) => {
  checkTypes(op.op, [prediction, target, dLoss, dPrediction]);
  expectShape(target, prediction.shape, `${op.op} target`);
  expectShape(dPrediction, prediction.shape, `${op.op} dPrediction`);
  expectCount(dLoss, 1, `${op.op} dLoss`);
  const run = bindRows(context, op.op, prediction.length, 1, [prediction, target, dLoss, dPrediction]);
  return () => void run(0);
};
