// What a layer's ONNX emitter sees: its node, params, input values and shapes, the builder, and the
// trained weights of the node by name.
import type { GraphNode, Params, TensorShape } from '../../../graph/index.ts';
import type { GraphBuilder, Value } from '../graphBuilder.ts';

export interface EmitContext {
  readonly builder: GraphBuilder;
  readonly node: GraphNode;
  readonly params: Params;
  readonly inputs: readonly Value[];
  /** Without the batch, in Netloom's layout. */
  readonly inputShapes: readonly TensorShape[];
  readonly outputShape: TensorShape;
  /** The node's weight `name` (as the compiler names it: weights, bias, gamma…). */
  weight(name: string): Float32Array;
}

/** Emits a layer's nodes; returns the value holding its output. */
export type Emitter = (context: EmitContext) => Value;

/** The values reordered so physical axis i holds axis `perm[i]` of `dims` (an N-d transpose). */
export function permuted(values: Float32Array, dims: readonly number[], perm: readonly number[]): { values: Float32Array; dims: number[] } {
  const rank = dims.length;
  const outDims = perm.map((axis) => dims[axis]);
  const strides = new Array<number>(rank).fill(1);
  for (let axis = rank - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1] * dims[axis + 1];
  const sourceStrides = perm.map((axis) => strides[axis]);
  const result = new Float32Array(values.length);
  const index = new Array<number>(rank).fill(0);
  for (let target = 0; target < result.length; target++) {
    let source = 0;
    for (let axis = 0; axis < rank; axis++) source += index[axis] * sourceStrides[axis];
    result[target] = values[source];
    for (let axis = rank - 1; axis >= 0; axis--) {
      if (++index[axis] < outDims[axis]) break;
      index[axis] = 0;
    }
  }
  return { values: result, dims: outDims };
}

/** A float initializer named after the node and weight. */
export function initializer(context: EmitContext, name: string, values: Float32Array, dims: readonly number[]): string {
  return context.builder.floatTensor(`${context.node.id}/${name}`, values, dims);
}

/** A float scalar constant (shape []). */
export function scalar(context: EmitContext, name: string, value: number): string {
  return context.builder.floatTensor(`${context.node.id}/${name}`, Float32Array.of(value), []);
}
