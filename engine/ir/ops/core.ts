// Data movement, linear algebra, broadcasting arithmetic and reductions.
// Inputs and outputs of every op are listed in ../signatures.ts.

/** Sets every element to `value`. */
export interface FillOp {
  readonly op: 'fill';
  readonly value: number;
}

/** Copies a buffer into another of the same element count (a reshape that copies). */
export interface CopyOp {
  readonly op: 'copy';
}

/**
 * Batched matrix product C = op(A)·op(B), where op transposes the last two axes when its flag is set.
 * A is [...batch, M, K] (or [...batch, K, M] transposed), B is [...batch, K, N] (or [...batch, N, K]).
 * Batch axes must be equal, or one operand has none (rank 2) and is shared across the batch.
 */
export interface MatmulOp {
  readonly op: 'matmul';
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** y = x + bias, bias [C] added along the last axis. Its gradient is reduceSum over all other axes. */
export interface BiasAddOp {
  readonly op: 'biasAdd';
}

/**
 * Elementwise arithmetic with numpy broadcasting (shapes aligned on the right; size-1 axes stretch).
 * Gradients: sumToShape brings an upstream gradient back to each operand's shape.
 */
export interface BinaryOp {
  readonly op: 'add' | 'sub' | 'mul' | 'div';
}

/** Stretches x to the output shape with numpy broadcasting rules (the adjoint of sumToShape). */
export interface BroadcastOp {
  readonly op: 'broadcast';
}

/** Sums x over the axes along which the output shape was broadcast (the adjoint of broadcast). */
export interface SumToShapeOp {
  readonly op: 'sumToShape';
}

/**
 * Sum or mean over `axes` (non-negative, ascending). The output may keep reduced axes as size 1 or drop
 * them; only its element count is checked. Gradient: broadcast (then scale by 1/count for the mean) into
 * a view that keeps the axes as size 1.
 */
export interface ReduceOp {
  readonly op: 'reduceSum' | 'reduceMean';
  readonly axes: readonly number[];
}

/** Joins tensors along `axis`; split is its gradient (and the reverse: sizes come from the outputs). */
export interface ConcatOp {
  readonly op: 'concat' | 'split';
  readonly axis: number;
}

/**
 * slice: takes output.shape[axis] entries along `axis` starting at `start` (e.g. the last time step).
 * sliceBackward: its gradient, the upstream gradient placed at `start` in zeros.
 */
export interface SliceOp {
  readonly op: 'slice' | 'sliceBackward';
  readonly axis: number;
  readonly start: number;
}

/** Row lookup: ids (i32) pick rows of a [vocabulary, dimension] table; the backward scatter-adds. */
export interface EmbeddingOp {
  readonly op: 'embedding' | 'embeddingBackward';
}

export type CoreOp = FillOp | CopyOp | MatmulOp | BiasAddOp | BinaryOp | BroadcastOp | SumToShapeOp | ReduceOp | ConcatOp | SliceOp | EmbeddingOp;
