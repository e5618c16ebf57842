// matmul (matmul.wgsl): C = op(A)·op(B) over the last two axes, batched over the leading axes (an
// operand with a batch of 1 is shared), 64×64 tiles per workgroup.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectCount, expectReal, Parameters, shapeText, type Dispatch } from './context.ts';

interface Operand {
  readonly batch: number;
  /** Rows and columns of op(X), and the strides that walk them in storage. */
  readonly rows: number;
  readonly columns: number;
  readonly rowStride: number;
  readonly columnStride: number;
}

function operand(tensor: GpuTensor, transpose: boolean, what: string): Operand {
  const shape = tensor.shape;
  if (shape.length < 2) throw new RangeError(`matmul: ${what} must have at least two axes, but has shape ${shapeText(shape)}.`);
  expectReal(tensor, `matmul ${what}`);
  const [stored, storedColumns] = [shape[shape.length - 2], shape[shape.length - 1]];
  const batch = shape.slice(0, -2).reduce((product, size) => product * size, 1);
  return transpose
    ? { batch, rows: storedColumns, columns: stored, rowStride: 1, columnStride: storedColumns }
    : { batch, rows: stored, columns: storedColumns, rowStride: storedColumns, columnStride: 1 };
}

export function matmul(op: OpOf<'matmul'>, [a, b]: readonly GpuTensor[], [product]: readonly GpuTensor[]): Dispatch[] {
  const left = operand(a, op.transposeA, 'A');
  const right = operand(b, op.transposeB, 'B');
  if (left.columns !== right.rows) {
    throw new RangeError(`matmul: A is ${shapeText(a.shape)} and B is ${shapeText(b.shape)}; their inner sizes ${left.columns} and ${right.rows} differ.`);
  }
  if (left.batch !== right.batch && left.batch !== 1 && right.batch !== 1) throw new RangeError(`matmul: batch sizes ${left.batch} and ${right.batch} differ.`);
  const batch = Math.max(left.batch, right.batch);
  const [rows, inner, columns] = [left.rows, left.columns, right.columns];
  expectCount(product, batch * rows * columns, 'matmul product');
  const parameters = new Parameters().u32(
    rows, columns, inner,
    left.batch === 1 ? 0 : rows * inner, right.batch === 1 ? 0 : inner * columns,
    left.rowStride, left.columnStride, right.rowStride, right.columnStride,
  );
  return [{ shader: ['matmul'], parameters, buffers: [a.buffer, b.buffer, product.buffer], workgroups: [Math.ceil(columns / 64), Math.ceil(rows / 64), batch] }];
}
