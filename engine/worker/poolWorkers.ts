// The browser's pool workers for the wasm backend (pass as createWasmBackend's spawnWorker, with
// threads: navigator.hardwareConcurrency): module workers that Vite bundles from
// engine/backends/wasm/poolWorker.ts. Threads need cross-origin isolation (SharedArrayBuffer).
import type { PoolWorker } from '../backends/wasm/index.ts';

export function spawnBrowserPoolWorker(): PoolWorker {
  return new Worker(new URL('../backends/wasm/poolWorker.ts', import.meta.url), { type: 'module', name: 'netloom-wasm-pool' });
}
