// The gate activations of the recurrent kernels (lstm.ts, gru.ts, rnn.ts): math.ts's exponential
// (Cephes' expf polynomial) and logistic function, tanh from the logistic function, and a cheaper
// range reduction: n = round(x·log2 e) and 2^n both come from one
// float addition of 1.5·2^23 (the rounding of the addition is round-to-nearest-even, as
// f32x4.nearest; the low bits of the sum are n), where math.ts converts n back with
// i32x4.trunc_sat_f32x4_s, which x64 has no single instruction for. Fewer instructions in the
// epilogues, which run B·T·H times per call.
import { expMantissa } from './math';

const LOG2E: f32 = 1.44269504088896341;
/** 1.5·2^23: adding it rounds a float of magnitude < 2^22 to an integer kept in the low mantissa bits. */
const ROUNDER: f32 = 12582912.0;
/** The bits of ROUNDER less the exponent bias: (bits(n + ROUNDER) + BIAS_SHIFT) << 23 is 2^n as a float. */
const BIAS_SHIFT: i32 = 127 - 0x4b400000;

/** e^x per lane (x clamped to [-87.3, 88.3]). */
// @ts-ignore: decorator
@inline export function gateExp(x: v128): v128 {
  // pmin/pmax: one instruction each on x64, where min/max handle NaN and -0 in several.
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-87.3)), f32x4.splat(88.3));
  const shifted = f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E)), f32x4.splat(ROUNDER));
  const n = f32x4.sub(shifted, f32x4.splat(ROUNDER));
  const y = expMantissa(x, n);
  const scale = i32x4.shl(i32x4.add(shifted, i32x4.splat(BIAS_SHIFT)), 23);
  return f32x4.mul(y, scale);
}

/** 1 / (1 + e^-x) per lane. */
// @ts-ignore: decorator
@inline export function gateSigmoid(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, gateExp(f32x4.neg(x))));
}

/**
 * tanh x per lane, as 2·σ(2x) - 1: one exponential and one division, no polynomial branch. Its
 * error is absolute (about 1.2e-7, the rounding of σ near 1/2) rather than relative near 0, well
 * inside float32 training's noise and the op spec's tolerance.
 */
// @ts-ignore: decorator
@inline export function gateTanh(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.sub(f32x4.div(f32x4.splat(2), f32x4.add(one, gateExp(f32x4.mul(x, f32x4.splat(-2))))), one);
}
