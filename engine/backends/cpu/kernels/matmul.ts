// matmul: C = op(A)·op(B) over the last two axes, batched over the leading axes (a batch of 1
// broadcasts). The product runs as C = op(A)·(op(B)ᵀ)ᵀ in gemm.ts, which wants the rows of op(A)
// and the columns of op(B) contiguous: A is used in place unless transposed, B in place only when
// transposed; the other cases are transposed once into scratch (see scratch.ts).
import type { OpOf } from '../../../ir/index.ts';
import { expectCount, floats, rowsAndColumns, type CpuTensor, type FloatArray } from '../tensor.ts';
import { multiplyTransposed, rowMajor, transposeInto, type MatrixView } from './gemm.ts';
import { scratchLike } from './scratch.ts';

interface Operand {
  batch: number;
  /** Rows and columns of op(X). */
  rows: number;
  columns: number;
}

function operand(shape: readonly number[], transpose: boolean, what: string): Operand {
  if (shape.length < 2) throw new RangeError(`matmul: ${what} must have at least two axes, but has shape [${shape.join(', ')}].`);
  // `| 0`: small integers for V8 even when the shape arrives as doubles (see integerShape).
  const [storedRows, storedColumns] = [shape[shape.length - 2] | 0, shape[shape.length - 1] | 0];
  const batch = rowsAndColumns(shape, shape.length - 2).rows | 0;
  return transpose ? { batch, rows: storedColumns, columns: storedRows } : { batch, rows: storedRows, columns: storedColumns };
}

/**
 * A stored matrix of `rows` × `depth` as a view whose rows run along `depth`: in place when
 * `contiguous`, else (stored depth × rows) transposed into `scratch`, only when `refresh`.
 */
function rowsAlongDepth(data: FloatArray, offset: number, rows: number, depth: number, contiguous: boolean, scratch: FloatArray, refresh: boolean): MatrixView {
  if (contiguous) return rowMajor(data, offset, depth);
  if (refresh) transposeInto(data, offset, depth, rows, scratch);
  return rowMajor(scratch, 0, depth);
}

export function matmul(op: OpOf<'matmul'>, [a, b]: readonly CpuTensor[], [product]: readonly CpuTensor[]): void {
  const left = operand(a.shape, op.transposeA, 'A');
  const right = operand(b.shape, op.transposeB, 'B');
  if (left.columns !== right.rows) {
    throw new RangeError(`matmul: A is [${a.shape.join(', ')}] and B is [${b.shape.join(', ')}]; their inner sizes ${left.columns} and ${right.rows} differ.`);
  }
  if (left.batch !== right.batch && left.batch !== 1 && right.batch !== 1) throw new RangeError(`matmul: batch sizes ${left.batch} and ${right.batch} differ.`);
  const batch = Math.max(left.batch, right.batch);
  const [rows, inner, columns] = [left.rows, left.columns, right.columns];
  expectCount(product, batch * rows * columns, 'matmul product');
  const [aData, bData, cData] = [floats(a, 'matmul A'), floats(b, 'matmul B'), floats(product, 'matmul product')];
  const aBatchStride = left.batch === 1 ? 0 : rows * inner;
  const bBatchStride = right.batch === 1 ? 0 : inner * columns;
  const aScratch = scratchLike('leftOperand', aData, op.transposeA ? rows * inner : 0);
  const bScratch = scratchLike('rightOperand', bData, op.transposeB ? 0 : inner * columns);
  for (let item = 0; item < batch; item++) {
    const leftView = rowsAlongDepth(aData, item * aBatchStride, rows, inner, !op.transposeA, aScratch, item === 0 || aBatchStride > 0);
    const rightView = rowsAlongDepth(bData, item * bBatchStride, columns, inner, op.transposeB, bScratch, item === 0 || bBatchStride > 0);
    multiplyTransposed(rows, columns, inner, leftView, rightView, rowMajor(cData, item * rows * columns, columns));
  }
}
