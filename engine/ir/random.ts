// A seeded generator: xoshiro128** (Blackman and Vigna), its four 32-bit words kept in an Int32Array so
// a Program can hold it in a buffer, a checkpoint can save it, and dropout can advance it in place.
// One seed gives the same stream, bit for bit, on every platform: only 32-bit integer math is used
// before the final conversion to a float.

/** Four 32-bit words, never all zero. */
export type RandomState = Int32Array;
export const RANDOM_STATE_LENGTH = 4;

const GOLDEN = 0x9e3779b9;
const UNIFORM_SCALE = 2 ** -24;

/** Murmur3's 32-bit finalizer: spreads one seed over independent-looking words. */
function mix(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

/** Fills `state` (or a new one) from an integer seed; seeds are taken modulo 2^32. */
export function seedRandomState(seed: number, state: RandomState = new Int32Array(RANDOM_STATE_LENGTH)): RandomState {
  if (!Number.isInteger(seed)) throw new RangeError(`A random seed must be an integer, not ${seed}.`);
  if (state.length !== RANDOM_STATE_LENGTH) throw new RangeError(`A random state has ${RANDOM_STATE_LENGTH} words, not ${state.length}.`);
  const base = seed % 2 ** 32;
  for (let word = 0; word < RANDOM_STATE_LENGTH; word++) state[word] = mix(base + Math.imul(word + 1, GOLDEN));
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** The next 32 random bits, as an unsigned integer. */
export function nextUint32(state: RandomState): number {
  const result = Math.imul(rotateLeft(Math.imul(state[1], 5), 7), 9);
  const shifted = state[1] << 9;
  state[2] ^= state[0];
  state[3] ^= state[1];
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= shifted;
  state[3] = rotateLeft(state[3], 11);
  return result >>> 0;
}

/** Uniform in [0, 1) with 24 random bits, so every value is exact in float32 too. */
export function nextUniform(state: RandomState): number {
  return (nextUint32(state) >>> 8) * UNIFORM_SCALE;
}

/** Standard normal by Box–Muller from two uniforms (the second value is not kept: the state says it all). */
export function nextNormal(state: RandomState): number {
  const radius = Math.sqrt(-2 * Math.log(1 - nextUniform(state)));
  return radius * Math.cos(2 * Math.PI * nextUniform(state));
}
