// The optimizer updates (PyTorch's SGD, momentum, Adam/AdamW, RMSprop), 4 parameters at a time in
// float32, in the reference kernels' order of operations (which compute in double and store
// float32: the two agree within float32 rounding). A partial vector takes the last 1-3 parameters.
// Parameter block, rewritten by the host before every step (i32 words, then float32 constants):
// [count, value, gradient, state, state2, flag, constants...]; the constants per optimizer below.
// Threads: each part takes a share of the parameters (whole vectors).
import { load4, store4 } from './math';
import { field, partBegin } from './simd';

const COUNT = 0, VALUE = 1, GRADIENT = 2, STATE = 3, STATE2 = 4, FLAG = 5, CONSTANTS = 6;

/** Constant `index` (float32) of the block. */
// @ts-ignore: decorator
@inline function constant(params: usize, index: i32): f32 {
  return load<f32>(params + (<usize>(CONSTANTS + index) << 2));
}

/** g = gradient (+ decay·value where `decay` is not 0). */
// @ts-ignore: decorator
@inline function decayed(gradient: v128, value: v128, decay: f32): v128 {
  return decay != 0 ? f32x4.add(gradient, f32x4.mul(f32x4.splat(decay), value)) : gradient;
}

/** Constants [decay, rate]: value -= rate·g. */
export function sgdUpdate(params: usize, part: i32, parts: i32): void {
  const count = field(params, COUNT), value = <usize>field(params, VALUE), gradient = <usize>field(params, GRADIENT);
  const decay = constant(params, 0), r = f32x4.splat(constant(params, 1));
  const end = partBegin(count, 4, part + 1, parts);
  for (let i = partBegin(count, 4, part, parts); i < end; i += 4) {
    const lanes = end - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    store4(value + at, f32x4.sub(v, f32x4.mul(r, g)), lanes);
  }
}

/**
 * Constants [decay, rate, momentum]; flag: 1 on the first step, + 2 for Nesterov. velocity = g on
 * the first step, else momentum·velocity + g; value -= rate·(nesterov ? g + momentum·velocity : velocity).
 */
export function momentumUpdate(params: usize, part: i32, parts: i32): void {
  const count = field(params, COUNT), value = <usize>field(params, VALUE), gradient = <usize>field(params, GRADIENT), velocity = <usize>field(params, STATE);
  const first = (field(params, FLAG) & 1) != 0, nesterov = (field(params, FLAG) & 2) != 0;
  const decay = constant(params, 0), r = f32x4.splat(constant(params, 1)), m = f32x4.splat(constant(params, 2));
  const end = partBegin(count, 4, part + 1, parts);
  for (let i = partBegin(count, 4, part, parts); i < end; i += 4) {
    const lanes = end - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    const current = first ? g : f32x4.add(f32x4.mul(m, load4(velocity + at, lanes)), g);
    store4(velocity + at, current, lanes);
    const step = nesterov ? f32x4.add(g, f32x4.mul(m, current)) : current;
    store4(value + at, f32x4.sub(v, f32x4.mul(r, step)), lanes);
  }
}

/**
 * Adam. Constants [decay, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, rate / correction1,
 * correction2, shrink] (1 - beta rounded once from double): moments, then
 * value = value·shrink - rate/correction1·(first / (√second / correction2 + epsilon)).
 */
export function adamUpdate(params: usize, part: i32, parts: i32): void {
  const count = field(params, COUNT), value = <usize>field(params, VALUE), gradient = <usize>field(params, GRADIENT);
  const first = <usize>field(params, STATE), second = <usize>field(params, STATE2);
  const decay = constant(params, 0), b1 = f32x4.splat(constant(params, 1)), c1 = f32x4.splat(constant(params, 2));
  const b2 = f32x4.splat(constant(params, 3)), c2 = f32x4.splat(constant(params, 4)), e = f32x4.splat(constant(params, 5));
  const r = f32x4.splat(constant(params, 6)), root = f32x4.splat(constant(params, 7)), s = f32x4.splat(constant(params, 8));
  const end = partBegin(count, 4, part + 1, parts);
  for (let i = partBegin(count, 4, part, parts); i < end; i += 4) {
    const lanes = end - i, at = <usize>i << 2;
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

/** RMSprop. Constants [decay, rho, 1 - rho, epsilon, rate]: square = rho·square + (1 - rho)·g²; value -= rate·g / (√square + epsilon). */
export function rmspropUpdate(params: usize, part: i32, parts: i32): void {
  const count = field(params, COUNT), value = <usize>field(params, VALUE), gradient = <usize>field(params, GRADIENT), square = <usize>field(params, STATE);
  const decay = constant(params, 0), p = f32x4.splat(constant(params, 1)), c = f32x4.splat(constant(params, 2));
  const e = f32x4.splat(constant(params, 3)), r = f32x4.splat(constant(params, 4));
  const end = partBegin(count, 4, part + 1, parts);
  for (let i = partBegin(count, 4, part, parts); i < end; i += 4) {
    const lanes = end - i, at = <usize>i << 2;
    const v = load4(value + at, lanes);
    const g = decayed(load4(gradient + at, lanes), v, decay);
    const q = f32x4.add(f32x4.mul(p, load4(square + at, lanes)), f32x4.mul(f32x4.mul(c, g), g));
    store4(square + at, q, lanes);
    store4(value + at, f32x4.sub(v, f32x4.div(f32x4.mul(r, g), f32x4.add(f32x4.sqrt(q), e))), lanes);
  }
}
