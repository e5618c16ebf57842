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
 * Hands the `webgpu` package's GPU to the backends when the command line asks for webgpu. Without
 * a GPU, Dawn finds SwiftShader's Vulkan driver when VK_ICD_FILENAMES names it
 * (/usr/lib/chromium/vk_swiftshader_icd.json on Debian; slow, for checking only).
 */
export async function offerNodeGpu(argv: readonly string[]): Promise<void> {
  if (!asksForWebGpu(argv)) return;
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  setBackendEnvironment({ ...nodeBackendEnvironment(), gpu: create([]) });
}
