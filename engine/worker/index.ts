// The engine's Web Worker entry: the only engine code that calls postMessage. Requests are
// handled in order; a run yields between steps so pause and stop get through.
import { setBackendEnvironment } from '../backends/index.ts';
import type { WasmBuild } from '../backends/wasm/index.ts';
import { createFetchFileSource } from './fetchFileSource.ts';
import { EngineHost } from './host.ts';
import { SessionFiles } from './sessionFiles.ts';
import { browserMemoryLimit } from './memoryLimit.ts';
import { spawnBrowserPoolWorker } from './poolWorkers.ts';
import { FASHION_MNIST_FOLDER } from '../data/addedFiles.ts';
import type { EngineRequest } from '../protocol/index.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The wasm kernels, bundled by Vite from the build scripts/buildWasm.mjs writes. */
async function loadWasm(build: WasmBuild): Promise<ArrayBuffer> {
  const url = new URL(`../backends/wasm/build/kernels-${build}.wasm`, import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The wasm kernels could not be loaded (${url.pathname}: HTTP ${response.status}).`);
  return response.arrayBuffer();
}

// navigator.gpu where the browser offers WebGPU (a worker has it too): the host probes its adapter (backends/choice.ts).
const gpu = (navigator as { gpu?: GPU }).gpu;
setBackendEnvironment({ loadWasm, spawnPoolWorker: spawnBrowserPoolWorker, cores: navigator.hardwareConcurrency, gpu });
// A user's files first, then the app's own (the bundled MNIST digits).
const sessionFiles = new SessionFiles(createFetchFileSource(new URL('/', scope.location.href).href));
const host = new EngineHost((event, transfer) => scope.postMessage(event, transfer), {
  files: sessionFiles.source(),
  sessionFiles,
  mnistPath: 'data/mnist.bin',
  fashionMnistDirectory: FASHION_MNIST_FOLDER,
  yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
  crossOriginIsolated: scope.crossOriginIsolated,
  memoryLimit: browserMemoryLimit((navigator as { deviceMemory?: number }).deviceMemory),
});
scope.onmessage = (message: MessageEvent<EngineRequest>) => void host.handle(message.data);
