// Reusable workspace for the kernels that repack data before multiplying (matmul, the convolutions).
// Each named slot keeps one array per element type, grows to the largest request seen and is then
// reused, so a training step that replays the same calls allocates nothing. The arrays live as long
// as the module (one worker or process) and hold no state between calls: a kernel writes a slot
// before it reads it. Kernels never call each other while holding a slot, so slots cannot clash.
import type { FloatArray } from '../tensor.ts';

/** What a slot holds, named by its user. */
export type ScratchSlot = 'leftOperand' | 'rightOperand' | 'patches' | 'gradientRows' | 'weights' | 'sums';

const single = new Map<ScratchSlot, Float32Array>();
const double = new Map<ScratchSlot, Float64Array>();

/** Growth beyond the request, so slowly growing requests do not reallocate every time. */
function capacity(length: number): number {
  return Math.max(64, Math.ceil(length * 1.25));
}

/** A Float64Array of at least `length` elements (contents undefined). */
export function doubleScratch(slot: ScratchSlot, length: number): Float64Array {
  let array = double.get(slot);
  if (array === undefined || array.length < length) {
    array = new Float64Array(capacity(length));
    double.set(slot, array);
  }
  return array;
}

/**
 * An array of the same element type as `like` with at least `length` elements (contents
 * undefined). Matching the type keeps the inner loops monomorphic; copies into it are exact.
 */
export function scratchLike(slot: ScratchSlot, like: FloatArray, length: number): FloatArray {
  if (like instanceof Float64Array) return doubleScratch(slot, length);
  let array = single.get(slot);
  if (array === undefined || array.length < length) {
    array = new Float32Array(capacity(length));
    single.set(slot, array);
  }
  return array;
}
