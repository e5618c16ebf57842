// What the backends need from Node: the wasm kernels' bytes (built by scripts/buildWasm.mjs; the
// wasm backend is offered only when they are there), relaxed SIMD turned on where V8 keeps it
// behind a flag (Node 20), worker_threads for the wasm backend's pool, and the cores.
import { setBackendEnvironment, type BackendEnvironment } from '../backends/index.ts';
import { nodeCores, spawnNodePoolWorker } from './poolWorkers.ts';
import { enableRelaxedSimd, loadWasmModule, wasmModulesBuilt } from './wasmModules.ts';

export function nodeBackendEnvironment(): BackendEnvironment {
  enableRelaxedSimd();
  return { loadWasm: wasmModulesBuilt() ? loadWasmModule : undefined, spawnPoolWorker: spawnNodePoolWorker, cores: nodeCores() };
}

/** Sets the Node environment for every backend created in this process (or worker thread). */
export function useNodeBackends(): void {
  setBackendEnvironment(nodeBackendEnvironment());
}


/** Whether the command line asks for the webgpu backend (`--backend webgpu` or `--backend=webgpu`). */
export function asksForWebGpu(argv: readonly string[]): boolean {
  return argv.some((arg, index) => arg === '--backend=webgpu' || (arg === '--backend' && argv[index + 1] === 'webgpu'));
}

/**
 * The webgpu backend runs the op spec (its kernels agree with the cpu reference), but the training
 * loops still read the loss and fill inputs in host memory, so `train --backend webgpu` is refused
 * here, before any GPU device is made. The tests hand the `webgpu` package's GPU to the backends
 * themselves (test/setup/webgpu.ts).
 */
export const WEBGPU_NOT_YET = 'The webgpu backend cannot train yet: its kernels pass the op spec, but the training loops still read the loss from host memory. Use --backend wasm (the default) or cpu.';
