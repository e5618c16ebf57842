// The backends the op spec runs, by name: each entry makes a backend for one case (dispose it
// after). These are kernel variants of the backends of the whole suite (../underTest.ts, where
// each backend's skipped ops are listed); a third backend plugs in by adding a line here too.
import type { Backend, BackendName } from '../../../../engine/backends/backend.ts';
import { createWasmBackend, type WasmVariant } from '../../../../engine/backends/wasm/index.ts';
import { spawnNodePoolWorker } from '../../../../engine/cli/poolWorkers.ts';
import { enableRelaxedSimd, loadWasmModule } from '../../../../engine/cli/wasmModules.ts';

export interface BackendUnderTest {
  readonly label: string;
  readonly name: BackendName;
  readonly create: () => Promise<Backend>;
}

/** A wasm backend; with threads > 1 over Node's pool workers, splitting every kernel that can split (however small) unless told otherwise. */
export function wasmBackend(variant?: WasmVariant, threads = 1, minimumFlopsPerPart = 0): Promise<Backend> {
  enableRelaxedSimd();
  return createWasmBackend({ loadModule: loadWasmModule, variant, threads, spawnWorker: spawnNodePoolWorker, minimumFlopsPerPart });
}

let threaded: Promise<Backend> | undefined;

/** One 2-thread backend for every case (its workers start once); each case's dispose leaves it running. */
function sharedThreadedBackend(): Promise<Backend> {
  threaded ??= wasmBackend(undefined, 2);
  return threaded.then((backend) => ({ ...backend, dispose: () => {} }));
}

/** Stops the shared threaded backend's workers (after the suite). */
export async function disposeSharedBackends(): Promise<void> {
  (await threaded)?.dispose();
  threaded = undefined;
}

export const BACKENDS_UNDER_TEST: readonly BackendUnderTest[] = [
  { label: 'wasm (plain SIMD)', name: 'wasm', create: () => wasmBackend('simd') },
  { label: 'wasm (relaxed SIMD)', name: 'wasm', create: () => wasmBackend('relaxed') },
  { label: 'wasm (2 threads, every kernel split)', name: 'wasm', create: sharedThreadedBackend },
];
