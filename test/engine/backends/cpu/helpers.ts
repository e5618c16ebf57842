// Shared test helpers: tensors, seeded random inputs, closeness checks, finite-difference gradient
// checks and the PyTorch fixtures (test/fixtures/torch, written by generate.py there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Op } from '../../../../engine/ir/index.ts';
import { elementCount, nextNormal, nextUniform, seedRandomState, type RandomState } from '../../../../engine/ir/index.ts';
import { runKernel, type CpuTensor, type FloatArray } from '../../../../engine/backends/cpu/index.ts';

export type Precision = 'f32' | 'f64';

/** A real-valued tensor, as the tests build them. */
export interface FloatTensor extends CpuTensor {
  readonly data: FloatArray;
}

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/torch', `${name}.json`), 'utf8')) as T;
}

export function floatArray(values: ArrayLike<number> | number, precision: Precision = 'f64'): FloatArray {
  const source = typeof values === 'number' ? new Array<number>(values).fill(0) : Array.from(values);
  return precision === 'f64' ? Float64Array.from(source) : Float32Array.from(source);
}

/** A float tensor of `shape` holding `values` (zeros when omitted). */
export function tensor(shape: readonly number[], values?: ArrayLike<number>, precision: Precision = 'f64'): FloatTensor {
  return { shape, data: floatArray(values ?? elementCount(shape), precision) };
}

export function fromFixture(fixture: FixtureTensor, precision: Precision = 'f64'): FloatTensor {
  return tensor(fixture.shape, fixture.data, precision);
}

export function integerTensor(shape: readonly number[], values: ArrayLike<number>): CpuTensor {
  return { shape, data: Int32Array.from(Array.from(values)) };
}

export function run(op: Op, inputs: readonly CpuTensor[], outputs: readonly CpuTensor[]): void {
  runKernel(op, inputs, outputs);
}

export function randomState(seed: number): RandomState {
  return seedRandomState(seed);
}

/** Normal values, or uniform in [low, high) when given; `margin` pushes them at least that far from 0. */
export function randomValues(count: number, random: RandomState, options: { low?: number; high?: number; margin?: number } = {}): Float64Array {
  const values = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const draw = options.low === undefined ? nextNormal(random) : options.low + ((options.high ?? 1) - options.low) * nextUniform(random);
    values[index] = options.margin === undefined ? draw : Math.sign(draw || 1) * (options.margin + Math.abs(draw));
  }
  return values;
}

/** Distinct values (a shuffled ramp with spacing 0.1), so max pooling has no near-ties. */
export function distinctValues(count: number, random: RandomState): Float64Array {
  const values = Float64Array.from({ length: count }, (_, index) => (index - count / 2) * 0.1);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(nextUniform(random) * (index + 1));
    [values[index], values[other]] = [values[other], values[index]];
  }
  return values;
}

/**
 * Tolerances against float64 PyTorch references: float64 kernels agree to ~1e-12; float32 kernels to
 * 1e-5 relative, or 1e-7 of the tensor's largest value for elements near zero (float32 rounding).
 */
export function fixtureTolerance(precision: Precision): [relative: number, spread: number] {
  return precision === 'f64' ? [1e-11, 1e-3] : [1e-5, 1e-2];
}

/** Every element within relative · max(|expected|, floor) of its reference, floor = the largest |expected| (at least 1) times `spread`. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, relative: number, spread = 1e-3): void {
  expect(actual.length).toBe(expected.length);
  let largest = 1;
  for (let index = 0; index < expected.length; index++) largest = Math.max(largest, Math.abs(expected[index]));
  for (let index = 0; index < expected.length; index++) {
    const bound = relative * Math.max(Math.abs(expected[index]), largest * spread);
    if (!(Math.abs(actual[index] - expected[index]) <= bound)) {
      expect.fail(`element ${index}: ${actual[index]} differs from ${expected[index]} by more than ${bound}`);
    }
  }
}

export interface GradientCheck {
  /** The arrays to perturb (float64), by name. */
  readonly inputs: Readonly<Record<string, Float64Array>>;
  /** Runs the forward pass on the current input values; returns the output to differentiate. */
  forward(): FloatArray;
  /** Runs the backward pass for the upstream gradient dOutput; returns a gradient per input name. */
  backward(dOutput: Float64Array): Readonly<Record<string, FloatArray>>;
}

/**
 * Central differences of L = Σ w·forward() against the analytic gradients backward(w), with random
 * weights w: every element must agree within `tolerance` relative (plus 1e-9 absolute, for zeros).
 */
export function checkGradients(check: GradientCheck, { step = 1e-5, tolerance = 1e-6, seed = 99 } = {}): void {
  const weights = randomValues(check.forward().length, seedRandomState(seed));
  const objective = () => {
    const output = check.forward();
    let sum = 0;
    for (let index = 0; index < output.length; index++) sum += weights[index] * output[index];
    return sum;
  };
  check.forward();
  const analytic = Object.fromEntries(Object.entries(check.backward(weights)).map(([name, gradient]) => [name, Float64Array.from(gradient)]));
  for (const [name, values] of Object.entries(check.inputs)) {
    const gradient = analytic[name];
    expect(gradient, `no gradient for ${name}`).toBeDefined();
    for (let index = 0; index < values.length; index++) {
      const original = values[index];
      values[index] = original + step;
      const above = objective();
      values[index] = original - step;
      const below = objective();
      values[index] = original;
      const numeric = (above - below) / (2 * step);
      const bound = tolerance * Math.max(Math.abs(numeric), Math.abs(gradient[index])) + 1e-9;
      if (!(Math.abs(numeric - gradient[index]) <= bound)) {
        expect.fail(`d/d${name}[${index}]: analytic ${gradient[index]}, numeric ${numeric}`);
      }
    }
  }
}
