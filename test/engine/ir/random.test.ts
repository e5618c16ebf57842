// The seeded generator: xoshiro128** test vectors, determinism, and the shape of its draws;
// the initializers built on it.
import { describe, expect, it } from 'vitest';
import { initialize, nextNormal, nextUint32, nextUniform, seedRandomState, weightFans, type Initializer } from '../../../engine/ir/index.ts';

function stream(seed: number, count: number, draw: (state: Int32Array) => number): number[] {
  const state = seedRandomState(seed);
  return Array.from({ length: count }, () => draw(state));
}

/** Within 3% of the expected value (50,000 draws put the sampling error near 1%). */
function expectNear(value: number, expected: number): void {
  expect(Math.abs(value / expected - 1)).toBeLessThan(0.03);
}

function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  const mean = sum / values.length;
  let squares = 0;
  for (let index = 0; index < values.length; index++) squares += (values[index] - mean) ** 2;
  return { mean, variance: squares / values.length };
}

describe('xoshiro128**', () => {
  it('reproduces the reference test vector from the state [1, 2, 3, 4]', () => {
    const state = Int32Array.from([1, 2, 3, 4]);
    const outputs = Array.from({ length: 10 }, () => nextUint32(state));
    expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it('gives one stream per seed, bit for bit, and different streams for different seeds', () => {
    expect(stream(42, 1000, nextUint32)).toEqual(stream(42, 1000, nextUint32));
    expect(stream(42, 1000, nextNormal)).toEqual(stream(42, 1000, nextNormal));
    expect(stream(43, 8, nextUint32)).not.toEqual(stream(42, 8, nextUint32));
    expect(stream(0, 8, nextUint32)).not.toEqual(new Array<number>(8).fill(0));
    expect(stream(2 ** 32 + 5, 8, nextUint32)).toEqual(stream(5, 8, nextUint32));
  });

  it('pins the stream of seed 42 (a change here changes every saved experiment)', () => {
    expect(stream(42, 4, nextUint32)).toEqual([2837322924, 544945897, 479756282, 3500138142]);
  });

  it('draws uniforms in [0, 1), exact in float32, with mean 1/2 and variance 1/12', () => {
    const values = stream(7, 100000, nextUniform);
    expect(values.every((value) => value >= 0 && value < 1 && Math.fround(value) === value)).toBe(true);
    const { mean, variance } = moments(values);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const { mean, variance } = moments(stream(8, 100000, nextNormal));
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });

  it('rejects seeds that are not integers', () => {
    expect(() => seedRandomState(1.5)).toThrow(/integer/);
  });
});

describe('initializers', () => {
  function sample(initializer: Initializer, count = 50000, seed = 11): Float64Array {
    const values = new Float64Array(count);
    initialize(values, initializer, seedRandomState(seed));
    return values;
  }

  it('computes fans of Dense and Conv2D weights', () => {
    expect(weightFans([64, 10])).toEqual({ fanIn: 64, fanOut: 10 });
    expect(weightFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
  });

  it('He and Glorot normals have the variance their formulas give', () => {
    expectNear(moments(sample({ kind: 'heNormal', fanIn: 50 })).variance, 2 / 50);
    expectNear(moments(sample({ kind: 'glorotNormal', fanIn: 30, fanOut: 70 })).variance, 2 / 100);
  });

  it('He and Glorot uniforms stay inside their limits with the uniform variance', () => {
    const he = sample({ kind: 'heUniform', fanIn: 24 });
    expect(Math.max(...he.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 24));
    expectNear(moments(he).variance, 2 / 24);
    const glorot = sample({ kind: 'glorotUniform', fanIn: 10, fanOut: 20 });
    expect(Math.max(...glorot.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 30));
    expectNear(moments(glorot).variance, 2 / 30);
  });

  it('zeros, ones and constants; one seed gives the same weights', () => {
    expect(Array.from(sample({ kind: 'zeros' }, 3))).toEqual([0, 0, 0]);
    expect(Array.from(sample({ kind: 'ones' }, 3))).toEqual([1, 1, 1]);
    expect(Array.from(sample({ kind: 'constant', value: 0.5 }, 2))).toEqual([0.5, 0.5]);
    expect(sample({ kind: 'heNormal', fanIn: 9 }, 100, 3)).toEqual(sample({ kind: 'heNormal', fanIn: 9 }, 100, 3));
    const float32 = new Float32Array(4);
    initialize(float32, { kind: 'glorotUniform', fanIn: 2, fanOut: 2 }, seedRandomState(3));
    expect(Array.from(float32)).toEqual(Array.from(sample({ kind: 'glorotUniform', fanIn: 2, fanOut: 2 }, 4, 3)).map(Math.fround));
  });

  it('seeds random state buffers and refuses to mix integers and reals', () => {
    const state = new Int32Array(4);
    initialize(state, { kind: 'randomState', seed: 5 }, seedRandomState(0));
    expect(Array.from(state)).toEqual(Array.from(seedRandomState(5)));
    expect(() => initialize(new Float32Array(4), { kind: 'randomState', seed: 5 }, state)).toThrow(/i32/);
    expect(() => initialize(new Int32Array(4), { kind: 'heNormal', fanIn: 1 }, state)).toThrow(/not integers/);
  });
});
