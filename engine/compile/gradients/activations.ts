// Gradients of the elementwise activations and softmax: each has its own backward op.
import { BACKWARD_FROM_OUTPUT, type ActivationOp, type Op, type OpName, type OpOf, type UnaryFunction } from '../../ir/index.ts';
import type { GradientRule, GradientTable } from './context.ts';

type UnaryName = UnaryFunction['op'];

const fromOutput: readonly string[] = BACKWARD_FROM_OUTPUT;

/** Each unary function's backward op, carrying the forward op's attributes. */
const unaryBackward: { readonly [Name in UnaryName]: (forward: OpOf<Name>) => OpOf<`${Name}Backward`> } = {
  relu: () => ({ op: 'reluBackward' }),
  leakyRelu: ({ alpha }) => ({ op: 'leakyReluBackward', alpha }),
  sigmoid: () => ({ op: 'sigmoidBackward' }),
  tanh: () => ({ op: 'tanhBackward' }),
  gelu: ({ approximate }) => ({ op: 'geluBackward', approximate }),
  binaryStep: () => ({ op: 'binaryStepBackward' }),
  identity: () => ({ op: 'identityBackward' }),
  exp: () => ({ op: 'expBackward' }),
  log: () => ({ op: 'logBackward' }),
  negate: () => ({ op: 'negateBackward' }),
  scale: ({ factor }) => ({ op: 'scaleBackward', factor }),
};

function isOp<Name extends OpName>(op: Op, name: Name): op is OpOf<Name> {
  return op.op === name;
}

function unaryRule<Name extends UnaryName>(name: Name): GradientRule {
  const backward = unaryBackward[name];
  return (context) => {
    const { forward } = context;
    if (!isOp(forward.op, name)) throw new Error(`The ${name} gradient rule was given a ${forward.op.op} call.`);
    const saved = fromOutput.includes(name) ? forward.outputs[0] : forward.inputs[0];
    context.giveComputed(0, backward(forward.op), [saved, context.dOutput()]);
  };
}

function softmaxRule(backward: 'softmaxBackward' | 'logSoftmaxBackward'): GradientRule {
  return (context) => context.giveComputed(0, { op: backward }, [context.forward.outputs[0], context.dOutput()]);
}

export const activationGradients: GradientTable<ActivationOp['op']> = {
  relu: unaryRule('relu'),
  leakyRelu: unaryRule('leakyRelu'),
  sigmoid: unaryRule('sigmoid'),
  tanh: unaryRule('tanh'),
  gelu: unaryRule('gelu'),
  binaryStep: unaryRule('binaryStep'),
  identity: unaryRule('identity'),
  exp: unaryRule('exp'),
  log: unaryRule('log'),
  negate: unaryRule('negate'),
  scale: unaryRule('scale'),
  softmax: softmaxRule('softmaxBackward'),
  logSoftmax: softmaxRule('logSoftmaxBackward'),
};
