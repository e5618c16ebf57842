// Node's side of the wasm backend: reads the compiled kernels that scripts/buildWasm.mjs wrote to
// engine/backends/wasm/build/, and turns on relaxed SIMD in Node 20 (behind a V8 flag there), so
// the backend's own probe (WebAssembly.validate) can find it. Call before createWasmBackend.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import type { WasmBuild } from '../backends/wasm/index.ts';

const BUILD = new URL('../backends/wasm/build/', import.meta.url);

/** Lets V8 compile relaxed SIMD where it is behind a flag (Node 20); harmless where it is on already. */
export function enableRelaxedSimd(): void {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
}

/** The bytes of one build of the kernels; the error says how to build them when they are missing. */
export async function loadWasmModule(build: WasmBuild): Promise<Uint8Array<ArrayBuffer>> {
  const file = new URL(`kernels-${build}.wasm`, BUILD);
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new Error(`The wasm backend's kernels are not built (${file.pathname} is missing): run \`npm run build:wasm\`.`, { cause: error });
  }
}

/** Whether every build of the kernels is on disk (`npm install` builds them; so does `npm run build:wasm`). */
export function wasmModulesBuilt(): boolean {
  return (['simd', 'relaxed', 'simd-shared', 'relaxed-shared'] as const).every((build) => existsSync(new URL(`kernels-${build}.wasm`, BUILD)));
}
