// The matrix product C = A·B that matmul and the three convolutions run on: cache blocks of
// KC depths × NC columns of B and MC rows of A are packed (pack.ts), then a 4×8 register tile of C
// is accumulated by the micro-kernel with 4-lane SIMD (fused multiply-add in the relaxed build).
// Two ways to share one product among threads (the host picks, by shape):
// - gemm: a thread takes a share of the rows of C (part of parts);
// - gemmDepthPart then gemmDepthSum: a thread takes a share of the depth and writes its partial
//   product (part 0 into C, the others into their scratch), then the rows of C are split and each
//   adds the partials in part order: the same part count always sums in the same order.
// Every thread packs its own blocks into its own scratch: SCRATCH + part · SCRATCH_PER_PART.
import * as L from './layout';
import { MR, NR, packA, packB } from './pack';
import { field, madd, partBegin } from './simd';

export const KC = 256;
export const MC = 64;
export const NC = 512;
/** Depth shares of the depth split are whole multiples of this many depths. */
const DEPTH_GRAIN = 16;
/** Where a thread's partial product starts in its scratch (after its packs and edge tile). */
const PARTIAL_OFFSET: i32 = (MC * KC + KC * NC + MR * NR) * 4;
/** Scratch bytes one thread needs: a packed A block, a packed B block, one edge tile, a partial C. */
export const GEMM_SCRATCH_BYTES: i32 = PARTIAL_OFFSET + L.GEMM_PARTIAL_FLOATS * 4;

/** Stores (or adds) a tile's valid rows × columns, then applies the bias and ReLU on the last depth block. */
function storeEdge(tile: usize, c: usize, rowStride: i32, rows: i32, columns: i32, accumulate: bool): void {
  for (let r = 0; r < rows; r++) {
    const out = c + (<usize>r * rowStride << 2);
    for (let j = 0; j < columns; j++) {
      const value = load<f32>(tile + (<usize>(r * NR + j) << 2));
      const at = out + (<usize>j << 2);
      store<f32>(at, accumulate ? load<f32>(at) + value : value);
    }
  }
}

// @ts-ignore: decorator
@inline function put(at: usize, value: v128, accumulate: bool): void {
  v128.store(at, accumulate ? f32x4.add(v128.load(at), value) : value);
}

/** C tile (MR × NR at c) = or += packed A panel · packed B panel over `depth`. */
function microKernel(depth: i32, a: usize, b: usize, c: usize, rowStride: i32, rows: i32, columns: i32, accumulate: bool, tile: usize): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let k = 0; k < depth; k++) {
    const b0 = v128.load(b), b1 = v128.load(b, 16);
    const a0 = v128.load32_splat(a), a1 = v128.load32_splat(a, 4);
    c00 = madd(a0, b0, c00);
    c01 = madd(a0, b1, c01);
    c10 = madd(a1, b0, c10);
    c11 = madd(a1, b1, c11);
    const a2 = v128.load32_splat(a, 8), a3 = v128.load32_splat(a, 12);
    c20 = madd(a2, b0, c20);
    c21 = madd(a2, b1, c21);
    c30 = madd(a3, b0, c30);
    c31 = madd(a3, b1, c31);
    a += MR << 2;
    b += NR << 2;
  }
  const full = rows == MR && columns == NR;
  const target = full ? c : tile;
  const stride: usize = full ? <usize>rowStride << 2 : NR << 2;
  const add = full && accumulate;
  put(target, c00, add);
  put(target + 16, c01, add);
  put(target + stride, c10, add);
  put(target + stride + 16, c11, add);
  put(target + 2 * stride, c20, add);
  put(target + 2 * stride + 16, c21, add);
  put(target + 3 * stride, c30, add);
  put(target + 3 * stride + 16, c31, add);
  if (!full) storeEdge(tile, c, rowStride, rows, columns, accumulate);
}

/** Zeroes rows [begin, end) of C (a product over an empty depth). */
function zeroRows(c: usize, rowStride: i32, begin: i32, end: i32, columns: i32): void {
  for (let m = begin; m < end; m++) memory.fill(c + (<usize>m * rowStride << 2), 0, <usize>columns << 2);
}

/** One item of the batch: rows [mBegin, mEnd) of C (row stride rowStride) over depths [kBegin, kEnd). */
function multiplyItem(params: usize, a: usize, b: usize, c: usize, rowStride: i32, mBegin: i32, mEnd: i32, kBegin: i32, kEnd: i32, scratch: usize): void {
  const columns = field(params, L.COLUMNS);
  if (kBegin >= kEnd) return zeroRows(c, rowStride, mBegin, mEnd, columns);
  const packedA = scratch, packedB = scratch + (<usize>(MC * KC) << 2), tile = packedB + (<usize>(KC * NC) << 2);
  for (let n0 = 0; n0 < columns; n0 += NC) {
    const nc = min(NC, columns - n0);
    for (let k0 = kBegin; k0 < kEnd; k0 += KC) {
      const kc = min(KC, kEnd - k0);
      packB(params, b, k0, kc, n0, nc, packedB);
      for (let m0 = mBegin; m0 < mEnd; m0 += MC) {
        const mc = min(MC, mEnd - m0);
        packA(params, a, m0, mc, k0, kc, packedA);
        for (let j = 0; j < nc; j += NR) {
          const panelB = packedB + (<usize>j * kc << 2);
          for (let i = 0; i < mc; i += MR) {
            const out = c + ((<usize>(m0 + i) * rowStride + n0 + j) << 2);
            microKernel(kc, packedA + (<usize>i * kc << 2), panelB, out, rowStride, min(MR, mc - i), min(NR, nc - j), k0 > kBegin, tile);
          }
        }
      }
    }
  }
}

/** Adds the bias (per column) and applies ReLU to rows [begin, end) of C. */
function epilogue(params: usize, c: usize, begin: i32, end: i32): void {
  const bias = <usize>field(params, L.BIAS_POINTER), relu = field(params, L.RELU) != 0;
  if (bias == 0 && !relu) return;
  const columns = field(params, L.COLUMNS), rowStride = field(params, L.C_ROW_STRIDE);
  const zero = f32x4.splat(0);
  for (let m = begin; m < end; m++) {
    const row = c + (<usize>m * rowStride << 2);
    let j = 0;
    for (; j + 4 <= columns; j += 4) {
      let value = v128.load(row + (<usize>j << 2));
      if (bias != 0) value = f32x4.add(value, v128.load(bias + (<usize>j << 2)));
      if (relu) value = f32x4.max(value, zero);
      v128.store(row + (<usize>j << 2), value);
    }
    for (; j < columns; j++) {
      let value = load<f32>(row + (<usize>j << 2));
      if (bias != 0) value += load<f32>(bias + (<usize>j << 2));
      if (relu) value = max<f32>(value, 0);
      store<f32>(row + (<usize>j << 2), value);
    }
  }
}

/** C = A·B for every item of the batch; this thread computes its share of C's rows. */
export function gemm(params: usize, part: i32, parts: i32): void {
  const rows = field(params, L.ROWS);
  const mBegin = partBegin(rows, MR, part, parts), mEnd = partBegin(rows, MR, part + 1, parts);
  if (mBegin >= mEnd) return;
  const scratch = <usize>field(params, L.SCRATCH) + <usize>part * field(params, L.SCRATCH_PER_PART);
  const batch = field(params, L.BATCH);
  for (let item = 0; item < batch; item++) {
    const a = <usize>field(params, L.A_POINTER) + (<usize>item * field(params, L.A_BATCH_STRIDE) << 2);
    const b = <usize>field(params, L.B_POINTER) + (<usize>item * field(params, L.B_BATCH_STRIDE) << 2);
    const c = <usize>field(params, L.C_POINTER) + (<usize>item * field(params, L.C_BATCH_STRIDE) << 2);
    multiplyItem(params, a, b, c, field(params, L.C_ROW_STRIDE), mBegin, mEnd, 0, field(params, L.DEPTH), scratch);
    epilogue(params, c, mBegin, mEnd);
  }
}

/** The partial product of part `part`: C itself for part 0, the part's scratch otherwise (row stride = columns). */
function partial(params: usize, part: i32): usize {
  return <usize>field(params, L.SCRATCH) + <usize>part * field(params, L.SCRATCH_PER_PART) + PARTIAL_OFFSET;
}

/** Depth split, first phase (batch 1, rows · columns ≤ GEMM_PARTIAL_FLOATS): this part's share of the depth. */
export function gemmDepthPart(params: usize, part: i32, parts: i32): void {
  const depth = field(params, L.DEPTH), rows = field(params, L.ROWS);
  const kBegin = partBegin(depth, DEPTH_GRAIN, part, parts), kEnd = partBegin(depth, DEPTH_GRAIN, part + 1, parts);
  const scratch = <usize>field(params, L.SCRATCH) + <usize>part * field(params, L.SCRATCH_PER_PART);
  const a = <usize>field(params, L.A_POINTER), b = <usize>field(params, L.B_POINTER);
  if (part == 0) multiplyItem(params, a, b, <usize>field(params, L.C_POINTER), field(params, L.C_ROW_STRIDE), 0, rows, kBegin, kEnd, scratch);
  else multiplyItem(params, a, b, partial(params, part), field(params, L.COLUMNS), 0, rows, kBegin, kEnd, scratch);
}

/** Depth split, second phase: rows of C += the other parts' partials, in part order; then the epilogue. */
export function gemmDepthSum(params: usize, part: i32, parts: i32): void {
  const rows = field(params, L.ROWS), columns = field(params, L.COLUMNS), rowStride = field(params, L.C_ROW_STRIDE);
  const sumParts = field(params, L.DEPTH_PARTS);
  const mBegin = partBegin(rows, 1, part, parts), mEnd = partBegin(rows, 1, part + 1, parts);
  const c = <usize>field(params, L.C_POINTER);
  for (let m = mBegin; m < mEnd; m++) {
    const row = c + (<usize>m * rowStride << 2);
    for (let p = 1; p < sumParts; p++) {
      const source = partial(params, p) + (<usize>m * columns << 2);
      let j = 0;
      for (; j + 4 <= columns; j += 4) v128.store(row + (<usize>j << 2), f32x4.add(v128.load(row + (<usize>j << 2)), v128.load(source + (<usize>j << 2))));
      for (; j < columns; j++) store<f32>(row + (<usize>j << 2), load<f32>(row + (<usize>j << 2)) + load<f32>(source + (<usize>j << 2)));
    }
  }
  epilogue(params, c, mBegin, mEnd);
}

/** Scratch bytes per thread for gemm. */
export function gemmScratchBytes(): i32 {
  return GEMM_SCRATCH_BYTES;
}
