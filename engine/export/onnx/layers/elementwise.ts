// Activations, Dropout and Linear: one value in, the same layout out.
import { floatAttribute, intAttribute, type Value } from '../graphBuilder.ts';
import { scalar, type EmitContext, type Emitter } from './context.ts';

function unary(opType: string, attributes: (context: EmitContext) => ReturnType<typeof floatAttribute>[] = () => []): Emitter {
  return (context) => {
    const [input] = context.inputs;
    return { name: context.builder.op(context.node.id, opType, [input.name], attributes(context)), perm: input.perm };
  };
}

/** GELU, exact: x·Φ(x) = 0.5·x·(1 + erf(x/√2)); opset 17 has no Gelu, so it is composed from Erf. */
const gelu: Emitter = (context) => {
  const { builder, node } = context;
  const [input] = context.inputs;
  const scaled = builder.op(node.id, 'Mul', [input.name, scalar(context, 'inverseSqrt2', Math.SQRT1_2)]);
  const erf = builder.op(node.id, 'Erf', [scaled]);
  const shifted = builder.op(node.id, 'Add', [erf, scalar(context, 'one', 1)]);
  const product = builder.op(node.id, 'Mul', [input.name, shifted]);
  return { name: builder.op(node.id, 'Mul', [product, scalar(context, 'half', 0.5)]), perm: input.perm };
};

/** 1 where x ≥ 0, else 0. */
const binaryStep: Emitter = (context) => {
  const { builder, node } = context;
  const [input] = context.inputs;
  const test = builder.op(node.id, 'GreaterOrEqual', [input.name, scalar(context, 'zero', 0)]);
  return { name: builder.op(node.id, 'Cast', [test], [intAttribute('to', 1)]), perm: input.perm };
};

/** Softmax over Netloom's last axis, wherever the layout holds it. */
const softmax: Emitter = (context) => {
  const [input] = context.inputs;
  const axis = input.perm.indexOf(input.perm.length - 1);
  return { name: context.builder.op(context.node.id, 'Softmax', [input.name], [intAttribute('axis', axis)]), perm: input.perm };
};

/** Dropout is off at inference and Linear is the identity: the input passes through. */
const passThrough: Emitter = (context): Value => context.inputs[0];

export const elementwiseEmitters: Readonly<Record<string, Emitter>> = {
  ReLU: unary('Relu'),
  LeakyReLU: unary('LeakyRelu', (context) => [floatAttribute('alpha', context.params.alpha as number)]),
  Sigmoid: unary('Sigmoid'),
  Tanh: unary('Tanh'),
  GELU: gelu,
  BinaryStep: binaryStep,
  Softmax: softmax,
  Linear: passThrough,
  Dropout: passThrough,
};
