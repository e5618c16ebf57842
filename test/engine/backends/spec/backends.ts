// The backends the op spec runs, by name: each entry makes a backend for one case (dispose it
// after). These are kernel variants of the backends of the whole suite (../underTest.ts, where
// each backend's skipped ops are listed); a third backend plugs in by adding a line here too.
// WebGPU runs where the `webgpu` package finds an adapter (SwiftShader on a machine without a GPU).
import type { Backend, BackendName } from '../../../../engine/backends/backend.ts';
import { createWasmBackend, type WasmVariant } from '../../../../engine/backends/wasm/index.ts';
import { createWebGpuBackend } from '../../../../engine/backends/webgpu/index.ts';
import { spawnNodePoolWorker } from '../../../../engine/cli/poolWorkers.ts';
import { enableRelaxedSimd, loadWasmModule } from '../../../../engine/cli/wasmModules.ts';
import { nodeGpu } from '../webgpu/nodeGpu.ts';

export interface BackendUnderTest {
  readonly label: string;
  readonly name: BackendName;
  readonly create: () => Promise<Backend>;
  /** Why this runtime cannot run it (no GPU adapter): its cases are skipped with this reason. */
  readonly unavailable?: string;
}

/** A wasm backend; with threads > 1 over Node's pool workers, splitting every kernel that can split (however small) unless told otherwise. */
export function wasmBackend(variant?: WasmVariant, threads = 1, minimumFlopsPerPart = 0): Promise<Backend> {
  enableRelaxedSimd();
  return createWasmBackend({ loadModule: loadWasmModule, variant, threads, spawnWorker: spawnNodePoolWorker, minimumFlopsPerPart });
}

let threaded: Promise<Backend> | undefined;
let webgpu: Promise<Backend> | undefined;

/** One WebGPU device for every case (its pipelines are created once); each case's dispose leaves it open. */
function sharedWebGpuBackend(gpu: GPU): Promise<Backend> {
  webgpu ??= createWebGpuBackend({ gpu });
  return webgpu.then((backend) => ({ ...backend, dispose: () => {} }));
}

/** One 2-thread backend for every case (its workers start once); each case's dispose leaves it running. */
function sharedThreadedBackend(): Promise<Backend> {
  threaded ??= wasmBackend(undefined, 2);
  return threaded.then((backend) => ({ ...backend, dispose: () => {} }));
}

/** Stops the shared threaded backend's workers (after the suite). */
export async function disposeSharedBackends(): Promise<void> {
  (await threaded)?.dispose();
  threaded = undefined;
  (await webgpu)?.dispose();
  webgpu = undefined;
}

export const BACKENDS_UNDER_TEST: readonly BackendUnderTest[] = [
  { label: 'wasm (plain SIMD)', name: 'wasm', create: () => wasmBackend('simd') },
  { label: 'wasm (relaxed SIMD)', name: 'wasm', create: () => wasmBackend('relaxed') },
  { label: 'wasm (2 threads, every kernel split)', name: 'wasm', create: sharedThreadedBackend },
  webgpuUnderTest(await nodeGpu()),
];

/** WebGPU through the `webgpu` package (SwiftShader without a GPU), or its skip reason. */
function webgpuUnderTest({ gpu, reason }: { gpu?: GPU; reason?: string }): BackendUnderTest {
  const create = () => (gpu === undefined ? Promise.reject(new Error(reason)) : sharedWebGpuBackend(gpu));
  return { label: 'webgpu', name: 'webgpu', create, unavailable: gpu === undefined ? reason : undefined };
}
