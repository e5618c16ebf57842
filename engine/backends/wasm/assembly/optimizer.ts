// The optimizer updates (PyTorch's SGD, momentum, Adam/AdamW, RMSprop) two parameters at a time
// in double lanes, in the reference kernels' order of operations: every value is read as float32,
// computed in double and rounded to float32 where the reference stores it (and read back rounded
// where the reference reads the stored value), so the results match the cpu backend bit for bit.
// The host passes the step's constants (learning rate, bias corrections) as arguments.

/** Two float32 values at `at` (one, then a zero lane, when `pair` is false) as double lanes. */
// @ts-ignore: decorator
@inline function load2(at: usize, pair: bool): v128 {
  return f64x2.promote_low_f32x4(pair ? v128.load64_zero(at) : v128.load32_zero(at));
}

/** Stores two double lanes (or the first) at `at` as float32; returns the stored values as doubles. */
// @ts-ignore: decorator
@inline function store2(at: usize, value: v128, pair: bool): v128 {
  const rounded = f32x4.demote_f64x2_zero(value);
  if (pair) v128.store64_lane(at, rounded, 0);
  else v128.store32_lane(at, rounded, 0);
  return f64x2.promote_low_f32x4(rounded);
}

/** g = gradient (+ decay·value where `decay` is not 0). */
// @ts-ignore: decorator
@inline function decayed(gradient: v128, value: v128, decay: f64): v128 {
  return decay != 0 ? f64x2.add(gradient, f64x2.mul(f64x2.splat(decay), value)) : gradient;
}

/** value -= rate·g */
export function sgdUpdate(count: i32, value: usize, gradient: usize, decay: f64, rate: f64): void {
  for (let i = 0; i < count; i += 2) {
    const pair = i + 2 <= count, at = <usize>i << 2;
    const v = load2(value + at, pair);
    const g = decayed(load2(gradient + at, pair), v, decay);
    store2(value + at, f64x2.sub(v, f64x2.mul(f64x2.splat(rate), g)), pair);
  }
}

/** velocity = g on the first step, else momentum·velocity + g; value -= rate·(nesterov ? g + momentum·velocity : velocity). */
export function momentumUpdate(count: i32, value: usize, gradient: usize, velocity: usize, decay: f64, rate: f64, momentum: f64, first: bool, nesterov: bool): void {
  const m = f64x2.splat(momentum), r = f64x2.splat(rate);
  for (let i = 0; i < count; i += 2) {
    const pair = i + 2 <= count, at = <usize>i << 2;
    const v = load2(value + at, pair);
    const g = decayed(load2(gradient + at, pair), v, decay);
    const current = first ? g : f64x2.add(f64x2.mul(m, load2(velocity + at, pair)), g);
    store2(velocity + at, current, pair);
    const step = nesterov ? f64x2.add(g, f64x2.mul(m, current)) : current;
    store2(value + at, f64x2.sub(v, f64x2.mul(r, step)), pair);
  }
}

/** Adam: moments, then value = value·shrink - rateOverCorrection1·(first / (√second / correction2 + epsilon)). */
export function adamUpdate(count: i32, value: usize, gradient: usize, first: usize, second: usize, beta1: f64, beta2: f64, epsilon: f64, decay: f64, rateOverCorrection1: f64, correction2: f64, shrink: f64): void {
  const b1 = f64x2.splat(beta1), b2 = f64x2.splat(beta2), c1 = f64x2.splat(1 - beta1), c2 = f64x2.splat(1 - beta2);
  const e = f64x2.splat(epsilon), r = f64x2.splat(rateOverCorrection1), root = f64x2.splat(correction2), s = f64x2.splat(shrink);
  for (let i = 0; i < count; i += 2) {
    const pair = i + 2 <= count, at = <usize>i << 2;
    const v = load2(value + at, pair);
    const g = decayed(load2(gradient + at, pair), v, decay);
    const m = store2(first + at, f64x2.add(f64x2.mul(b1, load2(first + at, pair)), f64x2.mul(c1, g)), pair);
    const q = store2(second + at, f64x2.add(f64x2.mul(b2, load2(second + at, pair)), f64x2.mul(f64x2.mul(c2, g), g)), pair);
    const denominator = f64x2.add(f64x2.div(f64x2.sqrt(q), root), e);
    store2(value + at, f64x2.sub(f64x2.mul(v, s), f64x2.mul(r, f64x2.div(m, denominator))), pair);
  }
}

/** RMSprop: square = rho·square + (1 - rho)·g²; value -= rate·g / (√square + epsilon). */
export function rmspropUpdate(count: i32, value: usize, gradient: usize, square: usize, rho: f64, epsilon: f64, decay: f64, rate: f64): void {
  const p = f64x2.splat(rho), c = f64x2.splat(1 - rho), e = f64x2.splat(epsilon), r = f64x2.splat(rate);
  for (let i = 0; i < count; i += 2) {
    const pair = i + 2 <= count, at = <usize>i << 2;
    const v = load2(value + at, pair);
    const g = decayed(load2(gradient + at, pair), v, decay);
    const q = store2(square + at, f64x2.add(f64x2.mul(p, load2(square + at, pair)), f64x2.mul(f64x2.mul(c, g), g)), pair);
    store2(value + at, f64x2.sub(v, f64x2.div(f64x2.mul(r, g), f64x2.add(f64x2.sqrt(q), e))), pair);
  }
}
