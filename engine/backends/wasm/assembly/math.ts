// 4-lane elementary functions for the gate and activation kernels: exp (Cephes' expf: range
// reduction by ln 2, a degree-6 polynomial, 2^n built in the exponent bits; relative error about
// 1e-7 over [-87, 88]), the logistic function and tanh from it (tanh by an odd polynomial below
// |x| < 0.625, where 1 - 2/(e^2x + 1) would cancel). And partial loads and stores for the last
// 1-3 lanes of a row, so that one vector loop serves any width.

const LOG2E: f32 = 1.44269504088896341;
const LN2_HIGH: f32 = 0.693359375;
const LN2_LOW: f32 = -2.12194440e-4;

/** e^(x - n·ln 2) per lane for n = round(x·log2 e): the reduced argument's degree-6 polynomial, before the scale 2^n. */
// @ts-ignore: decorator
@inline export function expMantissa(x: v128, n: v128): v128 {
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HIGH))), f32x4.mul(n, f32x4.splat(LN2_LOW)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  return f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1));
}

/** e^x per lane (x clamped to [-87.3, 88.3], so the result stays a normal float). */
// @ts-ignore: decorator
@inline export function exp4(x: v128): v128 {
  x = f32x4.min(f32x4.max(x, f32x4.splat(-87.3)), f32x4.splat(88.3));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(LOG2E)));
  const y = expMantissa(x, n);
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, scale);
}

/** 1 / (1 + e^-x) per lane. */
// @ts-ignore: decorator
@inline export function sigmoid4(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, exp4(f32x4.neg(x))));
}

/** tanh x per lane. */
// @ts-ignore: decorator
@inline export function tanh4(x: v128): v128 {
  const one = f32x4.splat(1);
  const magnitude = f32x4.abs(x);
  // Large |x|: 1 - 2 / (e^2|x| + 1), with x's sign.
  const far = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(exp4(f32x4.add(magnitude, magnitude)), one)));
  const signed = v128.or(far, v128.and(x, i32x4.splat(0x80000000)));
  // Small |x|: x + x³·P(x²).
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
  const near = f32x4.add(f32x4.mul(f32x4.mul(p, z), x), x);
  return v128.bitselect(near, signed, f32x4.lt(magnitude, f32x4.splat(0.625)));
}

/** The first `count` (1-4) floats at `at`, the other lanes zero. */
// @ts-ignore: decorator
@inline export function load4(at: usize, count: i32): v128 {
  if (count >= 4) return v128.load(at);
  if (count == 3) return v128.load32_lane(at, v128.load64_zero(at), 2, 8);
  return count == 2 ? v128.load64_zero(at) : v128.load32_zero(at);
}

/** Stores the first `count` (1-4) lanes of `value` at `at`. */
// @ts-ignore: decorator
@inline export function store4(at: usize, value: v128, count: i32): void {
  if (count >= 4) v128.store(at, value);
  else if (count >= 2) {
    v128.store64_lane(at, value, 0);
    if (count == 3) v128.store32_lane(at, value, 2, 8);
  } else v128.store32_lane(at, value, 0);
}
