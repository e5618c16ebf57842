// Gradients of data movement, linear algebra, broadcasting arithmetic and reductions.
import type { CoreOp, OpOf } from '../../ir/index.ts';
import { sameDims } from '../builder.ts';
import { noGradient, type GradientContext, type GradientRule, type GradientTable } from './context.ts';

/** Gives `gradient` to input `index`, summed down to that input's shape where it was broadcast. */
function giveBroadcast(context: GradientContext, index: number, gradient: number): void {
  if (!context.needsInput(index)) return;
  const input = context.forward.inputs[index];
  if (sameDims(context.builder.shape(input), context.builder.shape(gradient))) return context.give(index, gradient);
  context.giveComputed(index, { op: 'sumToShape' }, [gradient]);
}

const matmul: GradientRule = (context) => {
  const { transposeA, transposeB } = context.forward.op as OpOf<'matmul'>;
  const [a, b] = context.forward.inputs;
  const dProduct = context.dOutput();
  const dA = transposeA ? { inputs: [b, dProduct], flags: [transposeB, true] } : { inputs: [dProduct, b], flags: [false, !transposeB] };
  const dB = transposeB ? { inputs: [dProduct, a], flags: [true, transposeA] } : { inputs: [a, dProduct], flags: [!transposeA, false] };
  context.giveComputed(0, { op: 'matmul', transposeA: dA.flags[0], transposeB: dA.flags[1] }, dA.inputs);
  context.giveComputed(1, { op: 'matmul', transposeA: dB.flags[0], transposeB: dB.flags[1] }, dB.inputs);
};

const biasAdd: GradientRule = (context) => {
  const dOutput = context.dOutput();
  if (context.needsInput(0)) context.give(0, dOutput);
  const rank = context.builder.shape(dOutput).length;
  context.giveComputed(1, { op: 'reduceSum', axes: Array.from({ length: rank - 1 }, (_, axis) => axis) }, [dOutput]);
};

const add: GradientRule = (context) => {
  giveBroadcast(context, 0, context.dOutput());
  giveBroadcast(context, 1, context.dOutput());
};

const sub: GradientRule = (context) => {
  giveBroadcast(context, 0, context.dOutput());
  if (!context.needsInput(1)) return;
  const negated = context.gradientBuffer(context.dOutput());
  context.emit({ op: 'negate' }, [context.dOutput()], [negated]);
  giveBroadcast(context, 1, negated);
};

const mul: GradientRule = (context) => {
  const [a, b] = context.forward.inputs;
  for (const [index, other] of [[0, b], [1, a]] as const) {
    if (!context.needsInput(index)) continue;
    const product = context.gradientBuffer(context.dOutput());
    context.emit({ op: 'mul' }, [context.dOutput(), other], [product]);
    giveBroadcast(context, index, product);
  }
};

const copy: GradientRule = (context) => {
  if (context.needsInput(0)) context.give(0, context.dOutput());
};

/** d(reduce) = the upstream gradient spread back over the reduced axes (scaled for a mean). */
function reduceRule(mean: boolean): GradientRule {
  return (context) => {
    if (!context.needsInput(0)) return;
    const { axes } = context.forward.op as OpOf<'reduceSum'>;
    const inputShape = context.builder.shape(context.forward.inputs[0]);
    const kept = context.builder.view(context.dOutput(), inputShape.map((size, axis) => (axes.includes(axis) ? 1 : size)));
    const spread = context.gradientBuffer(context.forward.inputs[0]);
    context.emit({ op: 'broadcast' }, [kept], [spread]);
    if (!mean) return context.give(0, spread);
    const count = axes.reduce((product, axis) => product * inputShape[axis], 1);
    context.giveComputed(0, { op: 'scale', factor: 1 / count }, [spread]);
  };
}

const concat: GradientRule = (context) => {
  const { axis } = context.forward.op as OpOf<'concat'>;
  const parts = context.forward.inputs.map((input) => context.gradientBuffer(input));
  context.emit({ op: 'split', axis }, [context.dOutput()], parts);
  parts.forEach((part, index) => context.needsInput(index) && context.give(index, part));
};

const slice: GradientRule = (context) => {
  const { axis, start } = context.forward.op as OpOf<'slice'>;
  context.giveComputed(0, { op: 'sliceBackward', axis, start }, [context.dOutput()]);
};

const embedding: GradientRule = (context) => {
  context.giveComputed(1, { op: 'embeddingBackward' }, [context.forward.inputs[0], context.dOutput()]);
};

export const coreGradients: GradientTable<CoreOp['op']> = {
  matmul,
  biasAdd,
  add,
  sub,
  mul,
  copy,
  reduceSum: reduceRule(false),
  reduceMean: reduceRule(true),
  concat,
  slice,
  embedding,
  fill: noGradient('fill writes a constant: nothing flows back to an input'),
  div: noGradient('no lowering emits div in a forward pass; add a rule before one does'),
  broadcast: noGradient('broadcast is emitted only by gradient rules (reduceSum, reduceMean), never differentiated again'),
  sumToShape: noGradient('sumToShape is emitted only by gradient rules (broadcast arithmetic), never differentiated again'),
  split: noGradient('split is emitted only by the concat gradient rule, never differentiated again'),
};
