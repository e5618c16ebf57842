// Add, Concat and Embedding.
import type { Lowering } from './context.ts';

export const lowerAdd: Lowering = (context) => {
  const output = context.activation();
  context.emit({ op: 'add' }, context.inputs, [output]);
  return output;
};

export const lowerConcat: Lowering = (context) => {
  const rank = context.outputShape.dims.length;
  const axis = context.params.axis as number;
  const output = context.activation();
  context.emit({ op: 'concat', axis: 1 + (axis < 0 ? rank + axis : axis) }, context.inputs, [output]);
  return output;
};

export const lowerEmbedding: Lowering = (context) => {
  const vocabulary = context.params.vocabulary as number;
  const dimension = context.params.dimension as number;
  const table = context.parameter('table', [vocabulary, dimension], { kind: 'normal', mean: 0, deviation: 1 }, false);
  const output = context.activation();
  context.emit({ op: 'embedding' }, [context.inputs[0], table], [output]);
  return output;
};
