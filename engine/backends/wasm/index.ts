// The WebAssembly backend: buffers in WebAssembly memory, SIMD kernels compiled from
// AssemblyScript (assembly/, built by scripts/buildWasm.mjs), the cpu reference kernels for the
// rest (registry.ts). The host supplies the compiled module bytes: this folder imports no Node
// module and fetches nothing (engine/cli/wasmModules.ts reads them in Node).
import type { AllocateOptions, Backend, BackendBuffers } from '../backend.ts';
import type { Program } from '../../ir/index.ts';
import { WasmBuffers } from './buffers.ts';
import { detectVariant, type WasmVariant } from './variants.ts';

export { detectVariant, relaxedSimdSupported, simdSupported, type WasmVariant } from './variants.ts';
export { simdOps, wasmKernels } from './registry.ts';

export interface WasmBackendOptions {
  /** The bytes of build/kernels-<variant>.wasm (scripts/buildWasm.mjs writes them). */
  readonly loadModule: (variant: WasmVariant) => Promise<BufferSource>;
  /** Forces a variant (tests); by default the fastest this runtime validates. */
  readonly variant?: WasmVariant;
}

const DESCRIPTIONS: Record<WasmVariant, string> = {
  simd: 'WebAssembly SIMD',
  relaxed: 'WebAssembly SIMD with relaxed fused multiply-add',
};

export async function createWasmBackend(options: WasmBackendOptions): Promise<Backend> {
  const variant = options.variant ?? detectVariant();
  if (variant === undefined) throw new Error('The wasm backend needs WebAssembly SIMD, which this runtime lacks: train on the cpu backend instead.');
  const module = await WebAssembly.compile(await options.loadModule(variant));
  const threads = 1;
  return {
    name: 'wasm',
    description: `${DESCRIPTIONS[variant]}, ${threads} thread${threads === 1 ? '' : 's'}`,
    threads,
    allocate(program: Program, { precision, seed }: AllocateOptions): BackendBuffers {
      if (precision !== 'f32') throw new Error(`The wasm backend computes in float32 only; precision '${precision}' (gradient checks) runs on the cpu backend.`);
      return new WasmBuffers(module, program, seed, threads);
    },
    dispose(): void {},
  };
}
