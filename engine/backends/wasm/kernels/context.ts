// What a kernel binder gets: the heap (to place its parameter block), the shared kernel scratch
// and the threads. A binder checks shapes once and returns the closure a step runs.
//
// Splitting a kernel across threads: a kernel that can split exports (params, part, parts) and
// computes only its part (a share of rows, pixels, channels, or of a reduction into per-part
// scratch); its binder asks `partsFor(flops)` how many parts the work is worth (1 below the
// measured threshold or on one thread) and runs it with `split(name, params, parts)`, which runs
// part 0 on the calling thread and the others on the pool, and returns when all are done. A
// kernel in phases (a split reduction, then the sum of the parts) is one `split` per phase. The
// parts are fixed by shape and thread count, never by timing, so results repeat bit for bit.
import type { PartKernel, WasmHeap } from '../heap.ts';
import type { WasmTensor } from '../tensor.ts';
import type { OpName, OpOf } from '../../../ir/index.ts';

export interface BindContext {
  readonly heap: WasmHeap;
  /** Byte address of the kernel scratch (GEMM_SCRATCH_BYTES per thread). */
  readonly scratch: () => number;
  readonly threads: number;
  /** How many parts `flops` of work should run in: 1 (this thread) for small work or one thread. */
  readonly partsFor: (flops: number) => number;
  /** Runs the exported kernel `name` over `parts` parts on the pool (or here, for one part). */
  readonly split: (name: string, params: number, parts: number) => BoundKernel;
}

/** One bound call: runs its kernel on the buffers it was bound to. */
export type BoundKernel = () => void;

export type Binder<Name extends OpName> = (context: BindContext, op: OpOf<Name>, inputs: readonly WasmTensor[], outputs: readonly WasmTensor[]) => BoundKernel;

/** Writes `fields` (i32) into a parameter block (reused when the same fields were bound before); returns its byte address. */
export function parameterBlock(heap: WasmHeap, fields: readonly number[]): number {
  return heap.parameterBlock(fields);
}

export type { PartKernel };
