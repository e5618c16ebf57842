// matmul: C = op(A)·op(B) over the last two axes, batched over the leading axes.
import type { OpOf } from '../../../ir/index.ts';
import { expectCount, floats, rowsAndColumns, type CpuTensor } from '../tensor.ts';

interface Operand {
  batch: number;
  rows: number;
  columns: number;
  /** Distance between consecutive rows and columns of op(X) in memory. */
  rowStride: number;
  columnStride: number;
}

function operand(shape: readonly number[], transpose: boolean, what: string): Operand {
  if (shape.length < 2) throw new RangeError(`matmul: ${what} must have at least two axes, but has shape [${shape.join(', ')}].`);
  const stored = [shape[shape.length - 2], shape[shape.length - 1]];
  const batch = rowsAndColumns(shape, shape.length - 2).rows;
  return transpose
    ? { batch, rows: stored[1], columns: stored[0], rowStride: 1, columnStride: stored[1] }
    : { batch, rows: stored[0], columns: stored[1], rowStride: stored[1], columnStride: 1 };
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
  for (let item = 0; item < batch; item++) {
    const aBase = item * aBatchStride;
    const bBase = item * bBatchStride;
    const cBase = item * rows * columns;
    for (let row = 0; row < rows; row++) {
      const aRow = aBase + row * left.rowStride;
      for (let column = 0; column < columns; column++) {
        const bColumn = bBase + column * right.columnStride;
        let sum = 0;
        for (let k = 0; k < inner; k++) sum += aData[aRow + k * left.columnStride] * bData[bColumn + k * right.rowStride];
        cData[cBase + row * columns + column] = sum;
      }
    }
  }
}
