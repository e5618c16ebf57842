// The one place where the two builds differ: a fused multiply-add where the runtime has relaxed
// SIMD (f32x4.relaxed_madd), a multiply then an add otherwise. ASC_FEATURE_RELAXED_SIMD is a
// compile-time constant, so each build keeps only its branch.

// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** The i-th 32-bit field of a kernel's parameter block (written by the host at bind time). */
// @ts-ignore: decorator
@inline export function field(params: usize, index: i32): i32 {
  return load<i32>(params + (<usize>index << 2));
}

/** The part [begin, end) of `total` items that thread `part` of `parts` takes, in whole `grain`s. */
// @ts-ignore: decorator
@inline export function partBegin(total: i32, grain: i32, part: i32, parts: i32): i32 {
  const units = (total + grain - 1) / grain;
  const begin = <i32>((<i64>units * part) / parts) * grain;
  return begin < total ? begin : total;
}
