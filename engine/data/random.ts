// A small seeded PRNG for data generation, shuffling and splitting: mulberry32 (32-bit state,
// period 2^32, good enough for data order and synthetic noise; not cryptographic).
// Local to engine/data on purpose: dataset bytes must not change when another module's
// generator does.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, count). */
  integer(count: number): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** Mixes a seed with a stream number (e.g. an epoch) into a new 32-bit seed (murmur3 finalizer). */
export function mixSeed(seed: number, stream: number): number {
  let hash = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

export function createRandom(seed: number): Random {
  let state = mixSeed(seed >>> 0, 0);
  let spareNormal: number | undefined;

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  function normal(): number {
    if (spareNormal !== undefined) {
      const value = spareNormal;
      spareNormal = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  return {
    next,
    normal,
    integer: (count) => Math.floor(next() * count),
    uniform: (low, high) => low + (high - low) * next(),
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace(values: Int32Array, random: Random): Int32Array {
  for (let index = values.length - 1; index > 0; index--) {
    const other = random.integer(index + 1);
    const kept = values[index];
    values[index] = values[other];
    values[other] = kept;
  }
  return values;
}

/** 0..count-1 in a seeded random order. */
export function permutation(count: number, seed: number): Int32Array {
  const values = new Int32Array(count);
  for (let index = 0; index < count; index++) values[index] = index;
  return shuffleInPlace(values, createRandom(seed));
}
