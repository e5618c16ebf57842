// What the recurrent sequence kernels (lstm.ts, gru.ts, rnn.ts) share: their parameter block, a
// bump allocator over their workspace, matrix products on the packed gemm, and the bookkeeping
// of backpropagation through time (the previous hidden states as one matrix, column sums).
// Layouts as on the cpu backend: x [B, T, F], states [B, H], per-step tensors [B, T, width],
// weights [F, G·H] and [H, G·H] with the gates stacked along the columns.
//
// Parameter block (i32): [batch, time, features, units, gemm scratch, workspace, then the byte
// address of every input and output in the op's signature order].
import * as L from './layout';
import { gemm, GEMM_SCRATCH_BYTES } from './gemm';
import { field } from './simd';

export const BATCH = 0;
export const TIME = 1;
export const FEATURES = 2;
export const UNITS = 3;
const SCRATCH = 4;
const WORKSPACE = 5;
/** Field of the first input's address; the outputs follow the inputs. */
export const TENSORS = 6;

/** The byte address of tensor `index` (inputs then outputs). */
// @ts-ignore: decorator
@inline export function tensor(params: usize, index: i32): usize {
  return <usize>field(params, TENSORS + index);
}

/** Bytes a workspace section of `floats` takes (64-byte aligned; the host's copy is kernels/recurrent.ts). */
// @ts-ignore: decorator
@inline export function sectionBytes(floats: i32): usize {
  return (<usize>floats * 4 + 63) & ~(<usize>63);
}

/** The gemm parameter block lives at the start of the workspace, sections follow. */
const BLOCK_BYTES: usize = 256;
let gemmBlock: usize = 0;
let gemmScratch: usize = 0;
let nextSection: usize = 0;

/** Starts a kernel: the gemm block and scratch, and the first free workspace byte. */
export function begin(params: usize): void {
  gemmBlock = <usize>field(params, WORKSPACE);
  gemmScratch = <usize>field(params, SCRATCH);
  nextSection = gemmBlock + BLOCK_BYTES;
}

/** Takes the next workspace section of `floats`. */
export function section(floats: i32): usize {
  const start = nextSection;
  nextSection += sectionBytes(floats);
  return start;
}

// @ts-ignore: decorator
@inline function put(index: i32, value: i32): void {
  store<i32>(gemmBlock + (<usize>index << 2), value);
}

/**
 * C[rows, columns] (row stride cRow) = A·B over `depth`, A(m, k) = a[m·aRow + k·aColumn],
 * B(k, n) = b[k·bRow + n·bColumn]. One thread (a split by rows of C is where threads would go).
 */
export function product(rows: i32, columns: i32, depth: i32, a: usize, aRow: i32, aColumn: i32, b: usize, bRow: i32, bColumn: i32, c: usize, cRow: i32): void {
  memory.fill(gemmBlock, 0, <usize>L.GEMM_FIELDS << 2);
  put(L.A_MODE, L.A_MATRIX);
  put(L.B_MODE, L.B_MATRIX);
  put(L.BATCH, 1);
  put(L.ROWS, rows);
  put(L.COLUMNS, columns);
  put(L.DEPTH, depth);
  put(L.A_POINTER, <i32>a);
  put(L.A_ROW_STRIDE, aRow);
  put(L.A_COLUMN_STRIDE, aColumn);
  put(L.B_POINTER, <i32>b);
  put(L.B_ROW_STRIDE, bRow);
  put(L.B_COLUMN_STRIDE, bColumn);
  put(L.C_POINTER, <i32>c);
  put(L.C_ROW_STRIDE, cRow);
  put(L.SCRATCH, <i32>gemmScratch);
  put(L.SCRATCH_PER_PART, GEMM_SCRATCH_BYTES);
  gemm(gemmBlock, 0, 1);
}

/** out[columns, rows] = in[rows, columns]ᵀ. */
export function transpose(source: usize, rows: i32, columns: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const from = source + (<usize>r * columns << 2);
    for (let c = 0; c < columns; c++) store<f32>(out + ((<usize>c * rows + r) << 2), load<f32>(from + (<usize>c << 2)));
  }
}

/** out[B·T, H]: row (b, t) is h_{t-1} of sample b (h0 when t = 0), so that dWh = outᵀ·dGates. */
export function previousStates(h0: usize, hidden: usize, batch: i32, time: i32, units: i32, out: usize): void {
  const rowBytes = <usize>units << 2;
  for (let b = 0; b < batch; b++) {
    const first = out + <usize>b * time * rowBytes;
    memory.copy(first, h0 + <usize>b * rowBytes, rowBytes);
    if (time > 1) memory.copy(first + rowBytes, hidden + <usize>b * time * rowBytes, <usize>(time - 1) * rowBytes);
  }
}

/** out[columns] = Σ over `rows` rows of m[rows, columns]. */
export function columnSums(m: usize, rows: i32, columns: i32, out: usize): void {
  memory.fill(out, 0, <usize>columns << 2);
  for (let r = 0; r < rows; r++) {
    const row = m + (<usize>r * columns << 2);
    let c = 0;
    for (; c + 4 <= columns; c += 4) {
      const at = <usize>c << 2;
      v128.store(out + at, f32x4.add(v128.load(out + at), v128.load(row + at)));
    }
    for (; c < columns; c++) {
      const at = <usize>c << 2;
      store<f32>(out + at, load<f32>(out + at) + load<f32>(row + at));
    }
  }
}

/** The weight and input gradients of every step at once, from the stacked pre-activation gradients
 * dPre [B·T, G]: dx = dPre·Wxᵀ, dWx = xᵀ·dPre, dWh = previousᵀ·dHiddenPre. */
export function affineGradients(params: usize, columns: i32, dPre: usize, dHiddenPre: usize, x: usize, wx: usize, dx: usize, dwx: usize, dwh: usize, previous: usize): void {
  const rows = field(params, BATCH) * field(params, TIME), features = field(params, FEATURES), units = field(params, UNITS);
  // dx last: every input is read before any gradient is written.
  product(features, columns, rows, x, 1, features, dPre, columns, 1, dwx, columns);
  product(units, columns, rows, previous, 1, units, dHiddenPre, columns, 1, dwh, columns);
  product(rows, features, columns, dPre, columns, 1, wx, 1, columns, dx, features);
}
