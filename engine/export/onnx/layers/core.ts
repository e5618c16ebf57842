// Dense, BatchNorm, Flatten and Reshape, Add and Concat, Embedding.
import { identity, intAttribute, floatAttribute, type Value } from '../graphBuilder.ts';
import { initializer, type EmitContext, type Emitter } from './context.ts';

/** Dense: Gemm on [batch, features]; MatMul + Add on a sequence [batch, steps, features]. */
const dense: Emitter = (context) => {
  const { builder, node, params } = context;
  const input = builder.canonical(context.inputs[0], node.id);
  const features = context.inputShapes[0].dims[context.inputShapes[0].dims.length - 1];
  const units = params.units as number;
  const weights = initializer(context, 'weights', context.weight('weights'), [features, units]);
  const bias = params.useBias ? [initializer(context, 'bias', context.weight('bias'), [units])] : [];
  const rank = input.perm.length;
  if (rank === 2) return { name: builder.op(node.id, 'Gemm', [input.name, weights, ...bias]), perm: identity(2) };
  const product = builder.op(node.id, 'MatMul', [input.name, weights]);
  return { name: bias.length === 0 ? product : builder.op(node.id, 'Add', [product, bias[0]]), perm: identity(rank) };
};

/** BatchNorm in inference form (running statistics), channels first as ONNX wants them. */
const batchNorm: Emitter = (context) => {
  const { builder, node } = context;
  const rank = context.inputShapes[0].dims.length + 1;
  const channelsFirst = [0, rank - 1, ...identity(rank).slice(1, rank - 1)];
  const input = builder.inLayout(context.inputs[0], channelsFirst, node.id);
  const channels = context.outputShape.dims[context.outputShape.dims.length - 1];
  const statistics = ['gamma', 'beta', 'runningMean', 'runningVariance'].map((name) => initializer(context, name, context.weight(name), [channels]));
  return { name: builder.op(node.id, 'BatchNormalization', [input.name, ...statistics], [floatAttribute('epsilon', context.params.epsilon as number)]), perm: channelsFirst };
};

/** Flatten and Reshape: Netloom's row-major order (NHWC), so the input is made canonical first. */
const reshape: Emitter = (context) => {
  const { builder, node } = context;
  const input = builder.canonical(context.inputs[0], node.id);
  const shape = builder.int64Tensor(`${node.id}/shape`, [-1, ...context.outputShape.dims]);
  return { name: builder.op(node.id, 'Reshape', [input.name, shape]), perm: identity(context.outputShape.dims.length + 1) };
};

/** The inputs in one layout: the first's when all share it, else Netloom's. */
function sameLayout(context: EmitContext): Value[] {
  const [first] = context.inputs;
  if (context.inputs.every((input) => input.perm.join() === first.perm.join())) return [...context.inputs];
  return context.inputs.map((input) => context.builder.canonical(input, context.node.id));
}

const add: Emitter = (context) => {
  const inputs = sameLayout(context);
  return { name: context.builder.op(context.node.id, 'Add', inputs.map((input) => input.name)), perm: inputs[0].perm };
};

const concat: Emitter = (context) => {
  const inputs = sameLayout(context);
  const rank = context.outputShape.dims.length;
  const wanted = context.params.axis as number;
  const axis = 1 + (wanted < 0 ? rank + wanted : wanted);
  const physical = inputs[0].perm.indexOf(axis);
  return { name: context.builder.op(context.node.id, 'Concat', inputs.map((input) => input.name), [intAttribute('axis', physical)]), perm: inputs[0].perm };
};

/** Embedding: the table's rows gathered by the int32 ids. */
const embedding: Emitter = (context) => {
  const { params } = context;
  const table = initializer(context, 'table', context.weight('table'), [params.vocabulary as number, params.dimension as number]);
  const ids = context.builder.canonical(context.inputs[0], context.node.id);
  return { name: context.builder.op(context.node.id, 'Gather', [table, ids.name], [intAttribute('axis', 0)]), perm: identity(context.outputShape.dims.length + 1) };
};

export const coreEmitters: Readonly<Record<string, Emitter>> = {
  Dense: dense,
  BatchNorm: batchNorm,
  Flatten: reshape,
  Reshape: reshape,
  Add: add,
  Concat: concat,
  Embedding: embedding,
};
