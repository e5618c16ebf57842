// Gradients of the elementwise activations and softmax: each has its own backward op.
import { BACKWARD_FROM_OUTPUT, type Op, type OpName } from '../../ir/index.ts';
import type { GradientRule } from './context.ts';

const fromOutput: readonly string[] = BACKWARD_FROM_OUTPUT;

function unaryRule(name: OpName): GradientRule {
  return (context) => {
    const { forward } = context;
    const saved = fromOutput.includes(name) ? forward.outputs[0] : forward.inputs[0];
    const backward = { ...forward.op, op: `${name}Backward` } as Op;
    context.giveComputed(0, backward, [saved, context.dOutput()]);
  };
}

function softmaxRule(backward: 'softmaxBackward' | 'logSoftmaxBackward'): GradientRule {
  return (context) => context.giveComputed(0, { op: backward }, [context.forward.outputs[0], context.dOutput()]);
}

const unaryOps = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'gelu', 'binaryStep', 'identity', 'exp', 'log', 'negate', 'scale'] as const;

export const activationGradients: Partial<Record<OpName, GradientRule>> = {
  ...Object.fromEntries(unaryOps.map((name) => [name, unaryRule(name)])),
  softmax: softmaxRule('softmaxBackward'),
  logSoftmax: softmaxRule('logSoftmaxBackward'),
};
