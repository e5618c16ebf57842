// Sums over adjacent axes: y[o, i] = factor · Σ_m x[o, m, i] (reduceSum, reduceMean and
// sumToShape whose reduced axes are adjacent, e.g. the bias gradient: the leading axes). Rows are
// added in float, 4 lanes at a time, 16 rows per block; the blocks go into double-precision
// sums (workspace: inner doubles), so long columns stay as accurate as the cpu's double sums.
// Parameter block (i32): [outer, middle, inner, x, y, workspace, factor (f32 bits)].
// A thread split by columns (inner) or by outer is where threads would go.
import { load4 } from './math';
import { field } from './simd';

const OUTER = 0, MIDDLE = 1, INNER = 2, X = 3, Y = 4, WORKSPACE = 5, FACTOR = 6;
const BLOCK = 16;

/** Σ of `count` contiguous floats (a whole reduction to one value). */
function sumContiguous(x: usize, count: i32): f64 {
  let total: f64 = 0;
  for (let start = 0; start < count; start += 64) {
    const end = min(count, start + 64);
    let sum = f32x4.splat(0);
    for (let i = start; i < end; i += 4) sum = f32x4.add(sum, load4(x + (<usize>i << 2), end - i));
    total += <f64>f32x4.extract_lane(sum, 0) + <f64>f32x4.extract_lane(sum, 1) + <f64>f32x4.extract_lane(sum, 2) + <f64>f32x4.extract_lane(sum, 3);
  }
  return total;
}

/** sums[i] += Σ over rows [first, end) of x[m, i], for every i < inner. */
function addBlock(x: usize, inner: i32, first: i32, end: i32, sums: usize): void {
  const rowBytes = <usize>inner << 2;
  for (let i = 0; i < inner; i += 4) {
    const lanes = min(4, inner - i);
    let sum = f32x4.splat(0);
    let row = x + <usize>first * rowBytes + (<usize>i << 2);
    for (let m = first; m < end; m++) {
      sum = f32x4.add(sum, load4(row, lanes));
      row += rowBytes;
    }
    const at = sums + (<usize>i << 3);
    v128.store(at, f64x2.add(v128.load(at), f64x2.promote_low_f32x4(sum)));
    v128.store(at, f64x2.add(v128.load(at, 16), f64x2.promote_low_f32x4(i32x4.shuffle(sum, sum, 2, 3, 0, 1))), 16);
  }
}

export function sumBlocks(params: usize): void {
  const outer = field(params, OUTER), middle = field(params, MIDDLE), inner = field(params, INNER);
  const x = <usize>field(params, X), y = <usize>field(params, Y), sums = <usize>field(params, WORKSPACE);
  const factor = <f64>reinterpret<f32>(field(params, FACTOR));
  for (let o = 0; o < outer; o++) {
    const block = x + (<usize>o * middle * inner << 2);
    const out = y + (<usize>o * inner << 2);
    if (inner == 1) {
      store<f32>(out, <f32>(sumContiguous(block, middle) * factor));
      continue;
    }
    // Whole vectors of doubles: the workspace holds inner rounded up to 4.
    memory.fill(sums, 0, <usize>((inner + 3) & ~3) << 3);
    for (let first = 0; first < middle; first += BLOCK) addBlock(block, inner, first, min(middle, first + BLOCK), sums);
    for (let i = 0; i < inner; i++) store<f32>(out + (<usize>i << 2), <f32>(load<f64>(sums + (<usize>i << 3)) * factor));
  }
}
