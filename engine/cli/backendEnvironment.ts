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

