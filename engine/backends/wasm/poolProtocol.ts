// What the calling thread and the pool workers share: a control block of Int32 words in a
// SharedArrayBuffer (one job at a time: its kind, the memory slot, the kernel, the parameter block,
// the part count, the parts still running, an error flag, the next part to claim), and the few messages that carry what
// Atomics cannot (the compiled module, a Program's memory). Each word sits on its own cache line.

/** Word index of each field of the control block (× WORD_STRIDE Int32s apart). */
export const GENERATION = 0;
export const PENDING = 1;
export const KIND = 2;
export const SLOT = 3;
export const KERNEL = 4;
export const PARAMS = 5;
export const PARTS = 6;
export const ERROR = 7;
/** The next part of a RUN job to claim (Atomics.add): any thread runs any part, so a thread that finishes early, or the calling thread when a worker is not scheduled, takes the parts left. */
export const NEXT = 8;
const FIELDS = 9;
/** NEXT while a job is being written or is not a RUN job: a claim sees no part. */
export const NO_PART = 1 << 30;
/** 16 Int32s = 64 bytes: one cache line per word, so a worker polling one word does not share a line with a writer of another. */
export const WORD_STRIDE = 16;
export const CONTROL_BYTES = FIELDS * WORD_STRIDE * 4;

/** A job's kind: run a kernel part; read one posted message (attach, detach); stop serving. */
export const RUN = 0;
export const RECEIVE = 1;
export const STOP = 2;

/**
 * Polls before sleeping in Atomics.wait (a worker waiting for the next job, the calling thread
 * waiting for the workers): a sleeping thread takes tens of microseconds to wake, and the calls
 * of a step follow each other closely. Measured: bench/wasmKernels.ts.
 */
export const SPINS = 20000;

export type PoolMessage =
  | { readonly type: 'start'; readonly module: WebAssembly.Module; readonly control: SharedArrayBuffer; readonly index: number }
  | { readonly type: 'attach'; readonly slot: number; readonly memory: WebAssembly.Memory }
  | { readonly type: 'detach'; readonly slot: number };

/** A worker as the pool sees it: the browser's Worker and Node's worker_threads Worker both fit. */
export interface PoolWorker {
  postMessage(message: PoolMessage): void;
  terminate(): unknown;
}

/** The kernels a job may name, by index: the module's exported functions in export order (the same on every thread). */
export function kernelNames(module: WebAssembly.Module): string[] {
  return WebAssembly.Module.exports(module).filter((entry) => entry.kind === 'function').map((entry) => entry.name);
}

export function word(field: number): number {
  return field * WORD_STRIDE;
}

/** Stops a kernel that hit an internal check (assembly `abort`). */
export function abortKernel(): never {
  throw new Error('A wasm kernel stopped on an internal check (abort).');
}

/** Polls `index` while it holds `value` (SPINS times), then sleeps until it changes or `timeout` ms pass; returns the value seen last. */
export function waitWhile(control: Int32Array, index: number, value: number, timeout = Infinity): number {
  for (let spin = 0; spin < SPINS; spin++) {
    const now = Atomics.load(control, index);
    if (now !== value) return now;
  }
  const deadline = performance.now() + timeout;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) return Atomics.load(control, index);
    Atomics.wait(control, index, value, Math.min(left, 1000));
    const now = Atomics.load(control, index);
    if (now !== value) return now;
  }
}
