// What a kernel binder gets: the heap (to place its parameter block), the shared kernel scratch
// and the thread count. A binder checks shapes once and returns the closure a step runs.
import type { WasmHeap } from '../heap.ts';
import type { WasmTensor } from '../tensor.ts';
import type { OpName, OpOf } from '../../../ir/index.ts';

export interface BindContext {
  readonly heap: WasmHeap;
  /** Byte address of the kernel scratch (GEMM_SCRATCH_BYTES per thread). */
  readonly scratch: () => number;
  readonly threads: number;
}

/** One bound call: runs its kernel on the buffers it was bound to. */
export type BoundKernel = () => void;

export type Binder<Name extends OpName> = (context: BindContext, op: OpOf<Name>, inputs: readonly WasmTensor[], outputs: readonly WasmTensor[]) => BoundKernel;

/** Writes `fields` (i32) into a fresh parameter block; returns its byte address. */
export function parameterBlock(heap: WasmHeap, fields: readonly number[]): number {
  const address = heap.reserve(fields.length * 4);
  new Int32Array(heap.memory.buffer, address, fields.length).set(fields);
  return address;
}
