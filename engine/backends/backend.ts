// What a backend is: it allocates a Program's buffers once, binds lists of kernel calls once,
// replays them (a training step), and lets the host write inputs and read buffers back. The
// engine above this seam (Model, the training loops, the worker host, the CLI) sees only these
// interfaces and chooses a backend by name; it never imports a backend's kernels.
import type { BufferId, KernelCall, Program } from '../ir/index.ts';

export type BackendName = 'cpu' | 'wasm' | 'webgpu';

/** 'f64' stores real numbers in Float64Array (gradient checks; the cpu backend only). */
export type Precision = 'f32' | 'f64';

/** A buffer's values on the host: real numbers or integer ids and labels. */
export type HostArray = Float32Array | Float64Array | Int32Array;

export interface AllocateOptions {
  readonly precision: Precision;
  /** Seeds the random initializers, drawn in buffer order from one stream (same values on every backend). */
  readonly seed: number;
}

export interface Backend {
  readonly name: BackendName;
  /** One line for people: what runs and how, e.g. "WebAssembly SIMD with relaxed FMA, 2 threads". */
  readonly description: string;
  /** Threads the backend's kernels use (1 where it runs on the calling thread only). */
  readonly threads: number;
  /**
   * The most bytes one Program's buffers may take on this backend (wasm: a 32-bit memory, 4 GiB,
   * less room for the kernels' own data and workspaces); absent where only the machine limits it.
   */
  readonly maxProgramBytes?: number;
  /** Allocates and initializes every buffer of `program`; throws when the program is malformed. */
  allocate(program: Program, options: AllocateOptions): BackendBuffers;
  /** Ends the backend's workers; allocations made by it are unusable afterwards. */
  dispose(): void;
}

/** Calls resolved to a backend's buffers once, replayed by `run` as often as needed. */
export interface BoundCalls {
  readonly count: number;
}

/** The buffers of one Program on one backend. */
export interface BackendBuffers {
  bind(calls: readonly KernelCall[]): BoundCalls;
  /** Runs bound calls in order; an error names the call, its op and its graph node. */
  run(calls: BoundCalls): void;
  /**
   * The live host array of a buffer where the backend keeps its buffers in host memory (cpu,
   * wasm): writes to it are what the next run reads. Undefined where buffers live on a device.
   */
  hostArray(buffer: BufferId): HostArray | undefined;
  /** A copy of a buffer's values once every call run so far has finished. */
  read(buffer: BufferId): Promise<HostArray>;
  /** Overwrites a buffer (or its first values) before the next run. */
  write(buffer: BufferId, values: ArrayLike<number>): void;
  /** Frees the buffers. */
  dispose(): void;
}
