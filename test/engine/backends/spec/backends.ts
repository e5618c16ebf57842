// The backends the op spec runs, by name: each entry makes a fresh backend. A third backend plugs
// in by adding a line here (and its skip list in opSpec.test.ts).
import type { Backend, BackendName } from '../../../../engine/backends/backend.ts';
import { createWasmBackend, type WasmVariant } from '../../../../engine/backends/wasm/index.ts';
import { enableRelaxedSimd, loadWasmModule } from '../../../../engine/cli/wasmModules.ts';

export interface BackendUnderTest {
  readonly label: string;
  readonly name: BackendName;
  readonly create: () => Promise<Backend>;
}

export function wasmBackend(variant?: WasmVariant): Promise<Backend> {
  enableRelaxedSimd();
  return createWasmBackend({ loadModule: loadWasmModule, variant });
}

export const BACKENDS_UNDER_TEST: readonly BackendUnderTest[] = [
  { label: 'wasm (plain SIMD)', name: 'wasm', create: () => wasmBackend('simd') },
  { label: 'wasm (relaxed SIMD)', name: 'wasm', create: () => wasmBackend('relaxed') },
];
