// Parameter initializers on the seeded generator. He (Kaiming) suits ReLU layers, Glorot (Xavier) suits
// tanh and sigmoid. Normal forms are plain (untruncated) normals, as PyTorch's init functions.
// 'randomState' seeds an i32 [4] random state buffer (the one dropout advances).
import type { RandomState } from './random.ts';
import { nextNormal, nextUniform, seedRandomState } from './random.ts';
import type { FloatArray } from './tensor.ts';

export type Initializer =
  | { readonly kind: 'zeros' }
  | { readonly kind: 'ones' }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly deviation: number }
  | { readonly kind: 'heNormal'; readonly fanIn: number }
  | { readonly kind: 'heUniform'; readonly fanIn: number }
  | { readonly kind: 'glorotNormal'; readonly fanIn: number; readonly fanOut: number }
  | { readonly kind: 'glorotUniform'; readonly fanIn: number; readonly fanOut: number }
  | { readonly kind: 'randomState'; readonly seed: number };

/**
 * Fan-in and fan-out of a weight whose last two axes are [in, out] and whose leading axes are the
 * receptive field: Dense [in, out], Conv2D [kernelH, kernelW, in, out], recurrent [in, gates·H].
 */
export function weightFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) throw new RangeError(`A weight needs at least two axes [in, out], not [${shape.join(', ')}].`);
  let receptive = 1;
  for (let axis = 0; axis < shape.length - 2; axis++) receptive *= shape[axis];
  return { fanIn: receptive * shape[shape.length - 2], fanOut: receptive * shape[shape.length - 1] };
}

function fillUniform(target: FloatArray, low: number, high: number, state: RandomState): void {
  for (let index = 0; index < target.length; index++) target[index] = low + (high - low) * nextUniform(state);
}

function fillNormal(target: FloatArray, mean: number, deviation: number, state: RandomState): void {
  for (let index = 0; index < target.length; index++) target[index] = mean + deviation * nextNormal(state);
}

/** Fills `target` in order, drawing from `state` (constant initializers and 'randomState' draw nothing). */
export function initialize(target: FloatArray | Int32Array, initializer: Initializer, state: RandomState): void {
  switch (initializer.kind) {
    case 'zeros':
      return void target.fill(0);
    case 'ones':
      return void target.fill(1);
    case 'constant':
      return void target.fill(initializer.value);
    case 'randomState':
      if (!(target instanceof Int32Array)) throw new TypeError('A random state buffer must hold integers (i32).');
      return void seedRandomState(initializer.seed, target);
  }
  if (target instanceof Int32Array) throw new TypeError(`The ${initializer.kind} initializer fills real numbers, not integers.`);
  initializeRandom(target, initializer, state);
}

function initializeRandom(target: FloatArray, initializer: Exclude<Initializer, { kind: 'zeros' | 'ones' | 'constant' | 'randomState' }>, state: RandomState): void {
  switch (initializer.kind) {
    case 'uniform':
      return fillUniform(target, initializer.low, initializer.high, state);
    case 'normal':
      return fillNormal(target, initializer.mean, initializer.deviation, state);
    case 'heNormal':
      return fillNormal(target, 0, Math.sqrt(2 / initializer.fanIn), state);
    case 'heUniform': {
      const limit = Math.sqrt(6 / initializer.fanIn);
      return fillUniform(target, -limit, limit, state);
    }
    case 'glorotNormal':
      return fillNormal(target, 0, Math.sqrt(2 / (initializer.fanIn + initializer.fanOut)), state);
    case 'glorotUniform': {
      const limit = Math.sqrt(6 / (initializer.fanIn + initializer.fanOut));
      return fillUniform(target, -limit, limit, state);
    }
  }
}
