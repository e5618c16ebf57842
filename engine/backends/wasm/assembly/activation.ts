// Elementwise activations, their gradients and same-shape arithmetic, 4 lanes at a time (the cpu
// kernels' semantics; sigmoid and tanh through math.ts, relative error about 2e-7).
// Parameter block (i32): [count, a, b, out, parameter (f32 bits: alpha or factor)], byte addresses;
// `b` is the second operand or dOutput, unused by the forward activations.
import { load4, sigmoid4, store4, tanh4 } from './math';
import { field } from './simd';

const COUNT = 0, A = 1, B = 2, OUT = 3, PARAMETER = 4;

/** The block's f32 parameter in every lane. */
// @ts-ignore: decorator
@inline function parameter(params: usize): v128 {
  return f32x4.splat(reinterpret<f32>(field(params, PARAMETER)));
}

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

export function sigmoid(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), out = <usize>field(params, OUT);
  for (let i = 0; i < count; i += 4) store4(at(out, i), sigmoid4(load4(at(a, i), count - i)), count - i);
}

/** dx = dy·y·(1 - y), from the output y. */
export function sigmoidBackward(params: usize): void {
  const count = field(params, COUNT), y = <usize>field(params, A), dy = <usize>field(params, B), out = <usize>field(params, OUT);
  const one = f32x4.splat(1);
  for (let i = 0; i < count; i += 4) {
    const value = load4(at(y, i), count - i);
    store4(at(out, i), f32x4.mul(load4(at(dy, i), count - i), f32x4.mul(value, f32x4.sub(one, value))), count - i);
  }
}

export function tanh(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), out = <usize>field(params, OUT);
  for (let i = 0; i < count; i += 4) store4(at(out, i), tanh4(load4(at(a, i), count - i)), count - i);
}

/** dx = dy·(1 - y²), from the output y. */
export function tanhBackward(params: usize): void {
  const count = field(params, COUNT), y = <usize>field(params, A), dy = <usize>field(params, B), out = <usize>field(params, OUT);
  const one = f32x4.splat(1);
  for (let i = 0; i < count; i += 4) {
    const value = load4(at(y, i), count - i);
    store4(at(out, i), f32x4.mul(load4(at(dy, i), count - i), f32x4.sub(one, f32x4.mul(value, value))), count - i);
  }
}

/** y = x where x > 0, alpha·x otherwise. */
export function leakyRelu(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), out = <usize>field(params, OUT);
  const alpha = parameter(params), zero = f32x4.splat(0);
  for (let i = 0; i < count; i += 4) {
    const x = load4(at(a, i), count - i);
    store4(at(out, i), v128.bitselect(x, f32x4.mul(alpha, x), f32x4.gt(x, zero)), count - i);
  }
}

/** dx = dy where x > 0, alpha·dy otherwise. */
export function leakyReluBackward(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), dy = <usize>field(params, B), out = <usize>field(params, OUT);
  const alpha = parameter(params), zero = f32x4.splat(0);
  for (let i = 0; i < count; i += 4) {
    const gradient = load4(at(dy, i), count - i);
    store4(at(out, i), v128.bitselect(gradient, f32x4.mul(alpha, gradient), f32x4.gt(load4(at(a, i), count - i), zero)), count - i);
  }
}

/** out = factor·a (scale, and scaleBackward with a = dOutput). */
export function scaleValues(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), out = <usize>field(params, OUT);
  const factor = parameter(params);
  for (let i = 0; i < count; i += 4) store4(at(out, i), f32x4.mul(factor, load4(at(a, i), count - i)), count - i);
}

export function addSame(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), b = <usize>field(params, B), out = <usize>field(params, OUT);
  for (let i = 0; i < count; i += 4) store4(at(out, i), f32x4.add(load4(at(a, i), count - i), load4(at(b, i), count - i)), count - i);
}

export function subSame(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), b = <usize>field(params, B), out = <usize>field(params, OUT);
  for (let i = 0; i < count; i += 4) store4(at(out, i), f32x4.sub(load4(at(a, i), count - i), load4(at(b, i), count - i)), count - i);
}

export function mulSame(params: usize): void {
  const count = field(params, COUNT), a = <usize>field(params, A), b = <usize>field(params, B), out = <usize>field(params, OUT);
  for (let i = 0; i < count; i += 4) store4(at(out, i), f32x4.mul(load4(at(a, i), count - i), load4(at(b, i), count - i)), count - i);
}
