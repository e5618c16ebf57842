// matmul on the packed SIMD gemm: transposes become strides (the packing reads them), a batch of 1
// is shared across the other operand's batch (batch stride 0).
import { rowsAndColumns } from '../../cpu/tensor.ts';
import * as L from '../layout.ts';
import type { WasmTensor } from '../tensor.ts';
import type { Binder } from './context.ts';
import { bindGemm, type MatrixOperand } from './gemmParameters.ts';

interface Stored {
  readonly batch: number;
  readonly rows: number;
  readonly columns: number;
}

function stored(tensor: WasmTensor, what: string): Stored {
  const shape = tensor.shape;
  if (tensor.dtype !== 'f32') throw new TypeError(`matmul: ${what} must hold real numbers (f32).`);
  if (shape.length < 2) throw new RangeError(`matmul: ${what} must have at least two axes, but has shape [${shape.join(', ')}].`);
  return { batch: rowsAndColumns(shape, shape.length - 2).rows, rows: shape[shape.length - 2], columns: shape[shape.length - 1] };
}

/** op(X)(i, j) as strides over X stored [rows, columns]. */
function operand(tensor: WasmTensor, matrix: Stored, transpose: boolean, batch: number): MatrixOperand {
  const batchStride = matrix.batch === 1 && batch > 1 ? 0 : matrix.rows * matrix.columns;
  return transpose
    ? { address: tensor.address, batchStride, rowStride: 1, columnStride: matrix.columns }
    : { address: tensor.address, batchStride, rowStride: matrix.columns, columnStride: 1 };
}

export const matmul: Binder<'matmul'> = (context, op, [a, b], [product]) => {
  const [left, right] = [stored(a, 'A'), stored(b, 'B')];
  const [rows, depth] = op.transposeA ? [left.columns, left.rows] : [left.rows, left.columns];
  const [innerB, columns] = op.transposeB ? [right.columns, right.rows] : [right.rows, right.columns];
  if (depth !== innerB) throw new RangeError(`matmul: A is [${a.shape.join(', ')}] and B is [${b.shape.join(', ')}]; their inner sizes ${depth} and ${innerB} differ.`);
  if (left.batch !== right.batch && left.batch !== 1 && right.batch !== 1) throw new RangeError(`matmul: batch sizes ${left.batch} and ${right.batch} differ.`);
  const batch = Math.max(left.batch, right.batch);
  if (product.length !== batch * rows * columns) throw new RangeError(`matmul: the product has shape [${product.shape.join(', ')}], expected ${batch * rows * columns} values.`);
  return bindGemm(context, {
    shape: { batch, rows, columns, depth },
    a: { mode: L.A_MATRIX, ...operand(a, left, op.transposeA, batch) },
    b: { mode: L.B_MATRIX, ...operand(b, right, op.transposeB, batch) },
    c: { address: product.address, batchStride: rows * columns, rowStride: columns },
  });
};
