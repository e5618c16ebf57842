// Elementwise activations and their gradients, same-shape arithmetic, scaling and sums over
// adjacent axes on 4-lane SIMD (assembly/activation.ts, reduce.ts). Broadcasting arithmetic and
// sums over scattered axes run the cpu reference kernel (rare in training steps). fill and copy stay
// on the cpu kernels: they are typed-array fill and set, already memset and memcpy.
import type { Op, OpOf } from '../../../ir/index.ts';
import { runKernel } from '../../cpu/index.ts';
import { adjacentBlocks } from '../../cpu/kernels/broadcasting.ts';
import { expectShape } from '../../cpu/tensor.ts';
import type { WasmTensor } from '../tensor.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';

function floatBits(value: number): number {
  return new Int32Array(new Float32Array([value]).buffer)[0];
}

function onCpu(op: Op, inputs: readonly WasmTensor[], outputs: readonly WasmTensor[]): BoundKernel {
  return () => runKernel(op, inputs, outputs);
}

function bindValues(context: BindContext, kernel: string, name: string, tensors: readonly WasmTensor[], parameter = 0): BoundKernel {
  for (const tensor of tensors) {
    if (tensor.dtype !== 'f32') throw new TypeError(`${name}: every tensor must hold real numbers (f32).`);
    expectShape(tensor, tensors[0].shape, `${name} operand`);
  }
  const [a, b, out] = tensors.length === 2 ? [tensors[0], tensors[0], tensors[1]] : tensors;
  const params = parameterBlock(context.heap, [a.length, a.address, b.address, out.address, floatBits(parameter)]);
  const run = context.heap.kernels[kernel] as (params: number) => void;
  return () => run(params);
}

type Unary = 'sigmoid' | 'sigmoidBackward' | 'tanh' | 'tanhBackward';

function unary<Name extends Unary>(name: Name): Binder<Name> {
  return (context, _op, inputs, outputs) => bindValues(context, name, name, [...inputs, ...outputs]);
}

export const sigmoid = unary('sigmoid');
export const sigmoidBackward = unary('sigmoidBackward');
export const tanh = unary('tanh');
export const tanhBackward = unary('tanhBackward');
export const leakyRelu: Binder<'leakyRelu'> = (context, op, [x], [y]) => bindValues(context, 'leakyRelu', op.op, [x, y], op.alpha);
export const leakyReluBackward: Binder<'leakyReluBackward'> = (context, op, [x, dy], [dx]) => bindValues(context, 'leakyReluBackward', op.op, [x, dy, dx], op.alpha);
export const scale: Binder<'scale'> = (context, op, [x], [y]) => bindValues(context, 'scaleValues', op.op, [x, y], op.factor);
export const scaleBackward: Binder<'scaleBackward'> = (context, op, [x, dy], [dx]) => {
  expectShape(dy, x.shape, `${op.op} dOutput`);
  return bindValues(context, 'scaleValues', op.op, [dy, dx], op.factor);
};

function arithmetic<Name extends 'add' | 'sub' | 'mul'>(name: Name): Binder<Name> {
  return (context, op, inputs, outputs) => {
    const [a, b] = inputs;
    const same = a.shape.length === b.shape.length && a.shape.every((size, axis) => size === b.shape[axis]) && outputs[0].length === a.length;
    const floats = [a, b, outputs[0]].every((tensor) => tensor.dtype === 'f32');
    return same && floats ? bindValues(context, `${name}Same`, name, [a, b, outputs[0]]) : onCpu(op, inputs, outputs);
  };
}

export const add = arithmetic('add');
export const sub = arithmetic('sub');
export const mul = arithmetic('mul');

function bindSums(context: BindContext, op: Op, input: WasmTensor, output: WasmTensor, reduced: readonly boolean[] | null): BoundKernel {
  const blocks = reduced === null ? null : adjacentBlocks(input.shape, reduced);
  if (blocks === null || input.dtype !== 'f32' || output.dtype !== 'f32' || output.length !== blocks[0] * blocks[2]) return onCpu(op, [input], [output]);
  const factor = op.op === 'reduceMean' ? 1 / blocks[1] : 1;
  const workspace = context.heap.reserve(Math.ceil(blocks[2] / 4) * 32);
  const params = parameterBlock(context.heap, [...blocks, input.address, output.address, workspace, floatBits(factor)]);
  const run = context.heap.kernels.sumBlocks as (params: number) => void;
  return () => run(params);
}

/** The reduced axes of a reduceSum/reduceMean, or null where the cpu kernel should report them. */
function reducedAxes(op: OpOf<'reduceSum'> | OpOf<'reduceMean'>, shape: readonly number[]): boolean[] | null {
  const ascending = op.axes.every((axis, index) => Number.isInteger(axis) && axis >= 0 && axis < shape.length && (index === 0 || axis > op.axes[index - 1]));
  return ascending ? shape.map((_, axis) => op.axes.includes(axis)) : null;
}

function reduction<Name extends 'reduceSum' | 'reduceMean'>(): Binder<Name> {
  return (context, op, [input], [output]) => bindSums(context, op, input, output, reducedAxes(op, input.shape));
}

export const reduceSum = reduction<'reduceSum'>();
export const reduceMean = reduction<'reduceMean'>();

export const sumToShape: Binder<'sumToShape'> = (context, op, [input], [output]) => {
  const offset = input.shape.length - output.shape.length;
  const fits = offset >= 0 && output.shape.every((size, axis) => size === 1 || size === input.shape[axis + offset]);
  const reduced = fits ? input.shape.map((size, axis) => axis < offset || (output.shape[axis - offset] === 1 && size !== 1)) : null;
  return bindSums(context, op, input, output, reduced);
};

