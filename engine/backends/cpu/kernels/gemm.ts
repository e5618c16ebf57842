// The matrix product at the heart of matmul and the convolutions, in the one layout that keeps
// plain JavaScript fast: C = A·Bᵀ, where every element of C is a dot product of a row of A with a
// row of B, both contiguous in memory. Callers lay their operands out that way (transposing into
// scratch when needed). Elements are computed in tiles of 4 rows × 2 columns: the 8 running sums
// live in registers and each step loads 6 numbers for 8 multiply-adds, about 3× the speed of one
// dot product at a time. Every element is still one dot product summed in double precision in the
// order k = 0, 1, …, so the tiling does not change any result.
import type { FloatArray } from '../tensor.ts';

/** A row-major matrix inside a flat array: element (r, k) is data[offset + r·stride + k]. */
export interface MatrixView {
  readonly data: FloatArray;
  readonly offset: number;
  /** Distance between the starts of consecutive rows. */
  readonly stride: number;
}

/** A view of rows `stride` apart starting at `offset`. */
export function rowMajor(data: FloatArray, offset: number, stride: number): MatrixView {
  return { data, offset, stride };
}

/** Σ_k x[xStart + k] · y[yStart + k] over `depth` terms. */
function dot(x: FloatArray, xStart: number, y: FloatArray, yStart: number, depth: number): number {
  let sum = 0;
  for (let k = 0; k < depth; k++) sum += x[xStart + k] * y[yStart + k];
  return sum;
}

function store(c: FloatArray, index: number, value: number, accumulate: boolean): void {
  c[index] = accumulate ? c[index] + value : value;
}

function storePair(c: FloatArray, index: number, first: number, second: number, accumulate: boolean): void {
  store(c, index, first, accumulate);
  store(c, index + 1, second, accumulate);
}

/** The 4×2 tile of C whose top-left element is (row, column). */
function tile(a: MatrixView, b: MatrixView, c: MatrixView, row: number, column: number, depth: number, accumulate: boolean): void {
  const x = a.data;
  const y = b.data;
  const a0 = a.offset + row * a.stride;
  const a1 = a0 + a.stride;
  const a2 = a1 + a.stride;
  const a3 = a2 + a.stride;
  const b0 = b.offset + column * b.stride;
  const b1 = b0 + b.stride;
  let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
  for (let k = 0; k < depth; k++) {
    const x0 = x[a0 + k], x1 = x[a1 + k], x2 = x[a2 + k], x3 = x[a3 + k];
    const y0 = y[b0 + k], y1 = y[b1 + k];
    s00 += x0 * y0;
    s01 += x0 * y1;
    s10 += x1 * y0;
    s11 += x1 * y1;
    s20 += x2 * y0;
    s21 += x2 * y1;
    s30 += x3 * y0;
    s31 += x3 * y1;
  }
  const start = c.offset + row * c.stride + column;
  storePair(c.data, start, s00, s01, accumulate);
  storePair(c.data, start + c.stride, s10, s11, accumulate);
  storePair(c.data, start + 2 * c.stride, s20, s21, accumulate);
  storePair(c.data, start + 3 * c.stride, s30, s31, accumulate);
}

/** The elements outside the tiles: rows from `tiledRows` on, and columns from `tiledColumns` on. */
function edges(rows: number, columns: number, tiledRows: number, tiledColumns: number, depth: number, a: MatrixView, b: MatrixView, c: MatrixView, accumulate: boolean): void {
  for (let row = 0; row < rows; row++) {
    for (let column = row < tiledRows ? tiledColumns : 0; column < columns; column++) {
      const sum = dot(a.data, a.offset + row * a.stride, b.data, b.offset + column * b.stride, depth);
      store(c.data, c.offset + row * c.stride + column, sum, accumulate);
    }
  }
}

/**
 * C = A·Bᵀ, or C += A·Bᵀ with `accumulate`. A is rows × depth, B is columns × depth, C is
 * rows × columns. C must not overlap A or B.
 */
export function multiplyTransposed(rows: number, columns: number, depth: number, a: MatrixView, b: MatrixView, c: MatrixView, accumulate = false): void {
  // Every loop here runs on every call, so V8's optimized code never meets an untried branch.
  const tiledRows = rows - (rows % 4);
  const tiledColumns = columns - (columns % 2);
  for (let row = 0; row < tiledRows; row += 4) {
    for (let column = 0; column < tiledColumns; column += 2) tile(a, b, c, row, column, depth, accumulate);
  }
  edges(rows, columns, tiledRows, tiledColumns, depth, a, b, c, accumulate);
}

/** target[c·rows + r] = source[offset + r·columns + c]: a contiguous rows × columns block, transposed. */
export function transposeInto(source: FloatArray, offset: number, rows: number, columns: number, target: FloatArray): void {
  for (let r = 0; r < rows; r++) {
    const start = offset + r * columns;
    for (let column = 0; column < columns; column++) target[column * rows + r] = source[start + column];
  }
}
