// The optimizer updates (PyTorch's SGD, momentum, Adam/AdamW, RMSprop), 4 parameters at a time in
// float32, in the reference kernels' order of operations (which compute in double and store
// float32: the two agree within float32 rounding). The host passes the step's constants (learning
// rate, bias corrections) as arguments; a partial vector takes the last 1-3 parameters.
import { load4, store4 } from './math';

/** g = gradient (+ decay·value where `decay` is not 0). */
// @ts-ignore: decorator
@inline function decayed(gradient: v128, value: v128, decay: f32): v128 {
  return decay != 0 ? f32x4.add(gradient, f32x4.mul(f32x4.splat(decay), value)) : gradient;
}

/** value -= rate·g */
export function sgdUpdate(count: i32, value: usize, gradient: usize, decay: f32, rate: f32): void {
  const r = f32x4.splat(rate);
  for (let i = 0; i < count; i += 4) {
    const lanes = count - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    store4(value + at, f32x4.sub(v, f32x4.mul(r, g)), lanes);
  }
}

/** velocity = g on the first step, else momentum·velocity + g; value -= rate·(nesterov ? g + momentum·velocity : velocity). */
export function momentumUpdate(count: i32, value: usize, gradient: usize, velocity: usize, decay: f32, rate: f32, momentum: f32, first: bool, nesterov: bool): void {
  const m = f32x4.splat(momentum), r = f32x4.splat(rate);
  for (let i = 0; i < count; i += 4) {
    const lanes = count - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    const current = first ? g : f32x4.add(f32x4.mul(m, load4(velocity + at, lanes)), g);
    store4(velocity + at, current, lanes);
    const step = nesterov ? f32x4.add(g, f32x4.mul(m, current)) : current;
    store4(value + at, f32x4.sub(v, f32x4.mul(r, step)), lanes);
  }
}

/** Adam (keep1 = 1 - beta1, keep2 = 1 - beta2, rounded once from double): moments, then value = value·shrink - rateOverCorrection1·(first / (√second / correction2 + epsilon)). */
export function adamUpdate(count: i32, value: usize, gradient: usize, first: usize, second: usize, beta1: f32, keep1: f32, beta2: f32, keep2: f32, epsilon: f32, decay: f32, rateOverCorrection1: f32, correction2: f32, shrink: f32): void {
  const b1 = f32x4.splat(beta1), b2 = f32x4.splat(beta2), c1 = f32x4.splat(keep1), c2 = f32x4.splat(keep2);
  const e = f32x4.splat(epsilon), r = f32x4.splat(rateOverCorrection1), root = f32x4.splat(correction2), s = f32x4.splat(shrink);
  for (let i = 0; i < count; i += 4) {
    const lanes = count - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    const m = f32x4.add(f32x4.mul(b1, load4(first + at, lanes)), f32x4.mul(c1, g));
    const q = f32x4.add(f32x4.mul(b2, load4(second + at, lanes)), f32x4.mul(f32x4.mul(c2, g), g));
    store4(first + at, m, lanes);
    store4(second + at, q, lanes);
    const denominator = f32x4.add(f32x4.div(f32x4.sqrt(q), root), e);
    store4(value + at, f32x4.sub(f32x4.mul(v, s), f32x4.mul(r, f32x4.div(m, denominator))), lanes);
  }
}

/** RMSprop (keep = 1 - rho, rounded once from double): square = rho·square + (1 - rho)·g²; value -= rate·g / (√square + epsilon). */
export function rmspropUpdate(count: i32, value: usize, gradient: usize, square: usize, rho: f32, keep: f32, epsilon: f32, decay: f32, rate: f32): void {
  const p = f32x4.splat(rho), c = f32x4.splat(keep), e = f32x4.splat(epsilon), r = f32x4.splat(rate);
  for (let i = 0; i < count; i += 4) {
    const lanes = count - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    const q = f32x4.add(f32x4.mul(p, load4(square + at, lanes)), f32x4.mul(f32x4.mul(c, g), g));
    store4(square + at, q, lanes);
    store4(value + at, f32x4.sub(v, f32x4.div(f32x4.mul(r, g), f32x4.add(f32x4.sqrt(q), e))), lanes);
  }
}
