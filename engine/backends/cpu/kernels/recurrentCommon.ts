// Shapes and the two inner products shared by the fused recurrent kernels.
// x [B, T, F], initial hidden [B, H], input weights [F, G·H], hidden weights [H, G·H].
import { expectCount, expectShape, type CpuTensor, type FloatArray } from '../tensor.ts';

export interface RecurrentLayout {
  readonly batch: number;
  readonly time: number;
  readonly features: number;
  readonly units: number;
  /** G·H: the width of the stacked gates. */
  readonly columns: number;
}

export function recurrentLayout(name: string, gates: number, input: CpuTensor, initialHidden: CpuTensor, inputWeights: CpuTensor, hiddenWeights: CpuTensor): RecurrentLayout {
  if (input.shape.length !== 3 || initialHidden.shape.length !== 2) {
    throw new RangeError(`${name}: input must be [batch, time, features] and the initial state [batch, units], not [${input.shape.join(', ')}] and [${initialHidden.shape.join(', ')}].`);
  }
  const [batch, time, features] = input.shape;
  const units = initialHidden.shape[1];
  expectShape(initialHidden, [batch, units], `${name} initial state`);
  expectShape(inputWeights, [features, gates * units], `${name} input weights`);
  expectShape(hiddenWeights, [units, gates * units], `${name} hidden weights`);
  return { batch, time, features, units, columns: gates * units };
}

/** Checks a per-step tensor [B, T, width]. */
export function expectSteps(name: string, tensor: CpuTensor, layout: RecurrentLayout, width: number, what: string): void {
  expectShape(tensor, [layout.batch, layout.time, width], `${name} ${what}`);
}

/** Checks that scratch holds at least `count` values. */
export function expectScratch(name: string, scratch: CpuTensor, count: number): void {
  if (scratch.data.length < count) expectCount(scratch, count, `${name} scratch`);
}

/** Σ_i vector[vectorBase + i] · matrix[i, column], for a matrix with `columns` columns. */
export function columnDot(vector: FloatArray, vectorBase: number, length: number, matrix: FloatArray, columns: number, column: number): number {
  let sum = 0;
  for (let row = 0; row < length; row++) sum += vector[vectorBase + row] * matrix[row * columns + column];
  return sum;
}

/** A weight matrix [rows, columns] and its gradient, as the backward kernels walk them. */
export interface WeightPair {
  readonly weights: FloatArray;
  readonly dWeights: FloatArray;
  readonly rows: number;
  readonly columns: number;
}

/**
 * Backpropagates a gradient g [columns] (starting at gBase) through y = vector·W, vector [rows]:
 * dW += vector ⊗ g, and dVector = W·g (added to dVector instead when `accumulate`).
 */
export function backThroughWeights(pair: WeightPair, g: FloatArray, gBase: number, vector: FloatArray, vectorBase: number, dVector: FloatArray, dVectorBase: number, accumulate: boolean): void {
  const { weights, dWeights, rows, columns } = pair;
  for (let row = 0; row < rows; row++) {
    const rowBase = row * columns;
    const value = vector[vectorBase + row];
    let sum = 0;
    for (let column = 0; column < columns; column++) {
      sum += weights[rowBase + column] * g[gBase + column];
      dWeights[rowBase + column] += value * g[gBase + column];
    }
    dVector[dVectorBase + row] = accumulate ? dVector[dVectorBase + row] + sum : sum;
  }
}
