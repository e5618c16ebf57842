// Node's pool workers for the wasm backend: worker_threads running engine/cli/poolWorker.mjs (which
// loads the TypeScript sources through tsx, then serves jobs). Unreferenced, so that a backend
// that was never disposed does not keep the process alive.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PoolMessage, PoolWorker } from '../backends/wasm/index.ts';

/** Starts one pool worker (pass as createWasmBackend's spawnWorker). */
export function spawnNodePoolWorker(): PoolWorker {
  const worker = new Worker(new URL('./poolWorker.mjs', import.meta.url));
  worker.unref();
  return {
    postMessage: (message: PoolMessage) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
}

/** The cores this process may use (the default thread count in Node). */
export function nodeCores(): number {
  return availableParallelism();
}
