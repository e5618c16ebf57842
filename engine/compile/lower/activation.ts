// Elementwise activations: one unary op each; Softmax over the last axis.
import type { Op } from '../../ir/index.ts';
import type { Lowering } from './context.ts';

function unary(op: (params: Readonly<Record<string, unknown>>) => Op): Lowering {
  return (context) => {
    const output = context.activation();
    context.emit(op(context.params), [context.inputs[0]], [output]);
    return output;
  };
}

export const activationLowerings: Readonly<Record<string, Lowering>> = {
  ReLU: unary(() => ({ op: 'relu' })),
  LeakyReLU: unary((params) => ({ op: 'leakyRelu', alpha: params.alpha as number })),
  Sigmoid: unary(() => ({ op: 'sigmoid' })),
  Tanh: unary(() => ({ op: 'tanh' })),
  GELU: unary(() => ({ op: 'gelu', approximate: 'none' })),
  BinaryStep: unary(() => ({ op: 'binaryStep' })),
  Linear: unary(() => ({ op: 'identity' })),
  Softmax: unary(() => ({ op: 'softmax' })),
};
