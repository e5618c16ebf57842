// The WebAssembly backend: buffers in WebAssembly memory, SIMD kernels compiled from
// AssemblyScript (assembly/, built by scripts/buildWasm.mjs), the cpu reference kernels for the
// rest (registry.ts), and a pool of workers over shared memory that runs parts of the large
// kernels (pool.ts). The host supplies the compiled module bytes and, for threads, a way to start
// a worker: this folder imports no Node module and fetches nothing (engine/cli/wasmModules.ts and
// engine/cli/poolWorkers.ts do it in Node, engine/worker/poolWorkers.ts in a browser).
import type { AllocateOptions, Backend, BackendBuffers } from '../backend.ts';
import type { Program } from '../../ir/index.ts';
import { WasmBuffers } from './buffers.ts';
import { WASM_PROGRAM_BYTES } from './heap.ts';
import { WorkerPool } from './pool.ts';
import type { PoolWorker } from './poolProtocol.ts';
import { detectVariant, sharedMemorySupported, type WasmBuild, type WasmVariant } from './variants.ts';

export { detectVariant, relaxedSimdSupported, sharedMemorySupported, simdSupported, type WasmBuild, type WasmVariant } from './variants.ts';
export { simdOps, wasmKernels } from './registry.ts';
export type { PoolMessage, PoolWorker } from './poolProtocol.ts';
export { MIN_FLOPS_PER_PART } from './pool.ts';

/** The most threads the backend starts unless told otherwise (more rarely pays: memory bandwidth). */
export const DEFAULT_MAXIMUM_THREADS = 8;

export interface WasmBackendOptions {
  /** The bytes of build/kernels-<build>.wasm (scripts/buildWasm.mjs writes them). */
  readonly loadModule: (build: WasmBuild) => Promise<BufferSource>;
  /** Forces a variant (tests); by default the fastest this runtime validates. */
  readonly variant?: WasmVariant;
  /**
   * Threads running the kernels (the calling thread and threads - 1 pool workers). Default: the
   * cores (navigator.hardwareConcurrency where the runtime has it, else 1), at most
   * DEFAULT_MAXIMUM_THREADS. 1 where `spawnWorker` is missing or shared memory is not available.
   */
  readonly threads?: number;
  /** Starts one pool worker (engine/cli/poolWorkers.ts in Node, engine/worker/poolWorkers.ts in a browser). */
  readonly spawnWorker?: () => PoolWorker;
  /** Work per part below which a kernel runs on fewer threads (default MIN_FLOPS_PER_PART; 0 splits every kernel that can split: tests). */
  readonly minimumFlopsPerPart?: number;
  /** Whether shared WebAssembly memory works here (injected by tests; default: probed). */
  readonly sharedMemory?: () => boolean;
}

const DESCRIPTIONS: Record<WasmVariant, string> = {
  simd: 'WebAssembly SIMD',
  relaxed: 'WebAssembly SIMD with relaxed fused multiply-add',
};

function defaultThreads(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  return Math.min(cores, DEFAULT_MAXIMUM_THREADS);
}

/** The threads the backend will use: the wish, or 1 where workers or shared memory are missing. */
export function threadsFor(options: Pick<WasmBackendOptions, 'threads' | 'spawnWorker' | 'sharedMemory'>): number {
  const wanted = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  if (wanted === 1 || options.spawnWorker === undefined) return 1;
  return (options.sharedMemory ?? sharedMemorySupported)() ? wanted : 1;
}

export async function createWasmBackend(options: WasmBackendOptions): Promise<Backend> {
  const variant = options.variant ?? detectVariant();
  if (variant === undefined) throw new Error('The wasm backend needs WebAssembly SIMD, which this runtime lacks: train on the cpu backend instead.');
  const threads = threadsFor(options);
  const module = await WebAssembly.compile(await options.loadModule(threads > 1 ? `${variant}-shared` : variant));
  const pool = threads > 1 && options.spawnWorker !== undefined ? await WorkerPool.start(module, threads, options.spawnWorker) : undefined;
  return {
    name: 'wasm',
    description: `${DESCRIPTIONS[variant]}, ${threads} thread${threads === 1 ? '' : 's'}`,
    threads,
    maxProgramBytes: WASM_PROGRAM_BYTES,
    allocate(program: Program, { precision, seed }: AllocateOptions): BackendBuffers {
      if (precision !== 'f32') throw new Error(`The wasm backend computes in float32 only; precision '${precision}' (gradient checks) runs on the cpu backend.`);
      return new WasmBuffers(module, program, seed, pool, options.minimumFlopsPerPart);
    },
    dispose(): void {
      pool?.dispose();
    },
  };
}
