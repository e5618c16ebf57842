// What the backends need from Node: the wasm kernels' bytes (built by scripts/buildWasm.mjs; the
// wasm backend is offered only when they are there), relaxed SIMD turned on where V8 keeps it
// behind a flag (Node 20), worker_threads for the wasm backend's pool, the cores, and for
// --backend webgpu the `webgpu` package's GPU.
import { setBackendEnvironment, type BackendEnvironment } from '../backends/index.ts';
import { UsageError } from './loadGraph.ts';
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
 * Hands the `webgpu` package's GPU (Dawn) to the backends when the command line asks for webgpu;
 * the package is imported only then. A missing package or adapter is one UsageError line. Without
 * a GPU, Dawn finds SwiftShader's Vulkan driver when VK_ICD_FILENAMES names it (slow: for checking
 * only). The command disposes the backend before it returns (disposeBackend): Dawn aborts a
 * process that exits with device work still pending.
 */
export async function offerNodeGpu(argv: readonly string[]): Promise<void> {
  if (!asksForWebGpu(argv)) return;
  let module: typeof import('webgpu');
  try {
    module = await import('webgpu');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new UsageError(`--backend webgpu needs the \`webgpu\` npm package, which did not load (${reason}): install it with \`npm install webgpu\`, or use --backend wasm or cpu.`);
  }
  Object.assign(globalThis, module.globals);
  const gpu = module.create([]);
  if ((await gpu.requestAdapter()) === null) {
    const driver = process.env.VK_ICD_FILENAMES === undefined ? ` (without a GPU, SwiftShader runs it slowly: VK_ICD_FILENAMES=${SWIFTSHADER})` : ` (VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES})`;
    throw new UsageError(`--backend webgpu: no WebGPU adapter was found on this machine${driver}; use --backend wasm or cpu.`);
  }
  setBackendEnvironment({ ...nodeBackendEnvironment(), gpu });
}

/** Debian's Chromium ships SwiftShader's Vulkan driver here. */
const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';
