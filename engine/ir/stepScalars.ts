// The per-step scalars buffer of the optimizer ops (ops/optimizer.ts): an i32 buffer holding the
// step count and the learning rate as the two 32-bit words of a float64 (low word first), so every
// backend gets exactly the rate the schedule computed. The host encodes, kernels decode.

/** Values of the scalars buffer: [step, learning rate low word, learning rate high word]. */
export const STEP_SCALARS = 3;

const words = new Int32Array(2);
const rate = new Float64Array(words.buffer);

export interface StepScalars {
  readonly step: number;
  readonly learningRate: number;
}

/** What the host writes into the scalars buffer before a step's update (into `target` where given: no allocation per step). */
export function encodeStepScalars(step: number, learningRate: number, target: Int32Array = new Int32Array(STEP_SCALARS)): Int32Array {
  rate[0] = learningRate;
  target[0] = step;
  target[1] = words[0];
  target[2] = words[1];
  return target;
}

/** The step and learning rate held by a scalars buffer's values. */
export function decodeStepScalars(values: ArrayLike<number>): StepScalars {
  if (values.length < STEP_SCALARS) throw new RangeError(`The optimizer's step scalars hold ${values.length} values, not ${STEP_SCALARS} (step, learning rate low and high word).`);
  words[0] = values[1];
  words[1] = values[2];
  return { step: values[0], learningRate: rate[0] };
}
