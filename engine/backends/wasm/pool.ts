// The calling thread's side of the worker pool: it starts the workers (the module compiled once
// and posted to each), attaches each Program's shared memory to them, and runs a kernel's parts:
// publish the job in the control block, wake the workers (Atomics.notify), run part 0 here, wait
// (polling, then Atomics.wait) until the other parts are counted done. No message per kernel call.
import * as P from './poolProtocol.ts';

/**
 * Work below this many floating-point operations per part stays on fewer threads: waking the
 * workers and waiting for them costs about as much as this (measured: bench/wasmKernels.ts).
 */
export const MIN_FLOPS_PER_PART = 2_000_000;

/** How many parts `flops` of work is worth on `threads` threads (1: run it on the calling thread); `minimum` 0 splits everything. */
export function partsFor(flops: number, threads: number, minimum = MIN_FLOPS_PER_PART): number {
  if (minimum <= 0) return threads;
  return Math.max(1, Math.min(threads, Math.floor(flops / minimum)));
}

/** How long the workers may take to start or to read a posted message before the pool gives up. */
const RECEIVE_TIMEOUT_MS = 120_000;

export class WorkerPool {
  /** Threads running parts: the workers and the calling thread. */
  readonly threads: number;
  private readonly control: Int32Array;
  private readonly workers: readonly P.PoolWorker[];
  private readonly names: readonly string[];
  private nextSlot = 1;
  private stopped = false;

  private constructor(module: WebAssembly.Module, workers: readonly P.PoolWorker[]) {
    this.workers = workers;
    this.threads = workers.length + 1;
    this.names = P.kernelNames(module);
    this.control = new Int32Array(new SharedArrayBuffer(P.CONTROL_BYTES));
  }

  /** Starts `threads - 1` workers over `module` (compiled for shared memory); resolves once each is listening (this thread stays free meanwhile). */
  static async start(module: WebAssembly.Module, threads: number, spawnWorker: () => P.PoolWorker): Promise<WorkerPool> {
    const pool = new WorkerPool(module, Array.from({ length: threads - 1 }, () => spawnWorker()));
    const { control } = pool;
    Atomics.store(control, P.word(P.KIND), P.RECEIVE);
    Atomics.store(control, P.word(P.PENDING), pool.workers.length);
    pool.publish();
    pool.workers.forEach((worker, index) => worker.postMessage({ type: 'start', module, control: control.buffer as SharedArrayBuffer, index }));
    const deadline = performance.now() + RECEIVE_TIMEOUT_MS;
    while (Atomics.load(control, P.word(P.PENDING)) !== 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    try {
      pool.finish(deadline, 'start');
    } catch (error) {
      pool.dispose();
      throw error;
    }
    return pool;
  }

  /** Gives the workers a Program's memory; returns the slot that jobs on it name. */
  attach(memory: WebAssembly.Memory): number {
    const slot = this.nextSlot++;
    this.receive((worker) => worker.postMessage({ type: 'attach', slot, memory }), 'attach a memory');
    return slot;
  }

  /** Lets the workers drop a Program's memory (after its last job). */
  detach(slot: number): void {
    if (!this.stopped) this.receive((worker) => worker.postMessage({ type: 'detach', slot }), 'detach a memory');
  }

  /** The index jobs use for the kernel exported as `name`. */
  kernel(name: string): number {
    const index = this.names.indexOf(name);
    if (index < 0) throw new Error(`The wasm kernels export no function '${name}'; rebuild them with \`npm run build:wasm\`.`);
    return index;
  }

  /**
   * Runs kernel(params, part, parts) for every part: part 0 on this thread (`local`); the others
   * go to whichever thread claims them first (workers, or this thread once part 0 is done), so a
   * worker that is not scheduled delays nothing. A part's result does not depend on the thread
   * that runs it (scratch is per part), so a thread count always gives the same bits.
   */
  run(slot: number, kernel: number, params: number, parts: number, local: (params: number, part: number, parts: number) => void): void {
    const { control } = this;
    this.checkRunning();
    // No part can be claimed while the job is written; then parts 1.. are open to every thread.
    Atomics.store(control, P.word(P.NEXT), P.NO_PART);
    Atomics.store(control, P.word(P.KIND), P.RUN);
    Atomics.store(control, P.word(P.SLOT), slot);
    Atomics.store(control, P.word(P.KERNEL), kernel);
    Atomics.store(control, P.word(P.PARAMS), params);
    Atomics.store(control, P.word(P.PARTS), parts);
    Atomics.store(control, P.word(P.PENDING), parts - 1);
    Atomics.store(control, P.word(P.NEXT), 1);
    this.publish();
    try {
      local(params, 0, parts);
      // Parts no worker has claimed yet (a worker the system has not scheduled): run them here.
      for (let part = Atomics.add(control, P.word(P.NEXT), 1); part < parts; part = Atomics.add(control, P.word(P.NEXT), 1)) {
        local(params, part, parts);
        Atomics.sub(control, P.word(P.PENDING), 1);
      }
    } finally {
      this.finish(Infinity, `run ${this.names[kernel]}`);
    }
  }

  /** Stops the workers (they leave their wait loop first, so terminating interrupts no kernel). */
  dispose(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.control, P.word(P.KIND), P.STOP);
    this.publish();
    for (const worker of this.workers) worker.terminate();
  }

  private publish(): void {
    Atomics.add(this.control, P.word(P.GENERATION), 1);
    Atomics.notify(this.control, P.word(P.GENERATION));
  }

  /** A RECEIVE job: every worker leaves its wait loop and reads the one message `post` sends it. */
  private receive(post: (worker: P.PoolWorker, index: number) => void, what: string): void {
    this.checkRunning();
    Atomics.store(this.control, P.word(P.NEXT), P.NO_PART);
    Atomics.store(this.control, P.word(P.KIND), P.RECEIVE);
    Atomics.store(this.control, P.word(P.PENDING), this.workers.length);
    this.publish();
    this.workers.forEach(post);
    this.finish(performance.now() + RECEIVE_TIMEOUT_MS, what);
  }

  /** Waits until every part of the job is counted done (or the deadline, for RECEIVE jobs), then reports a worker's failure. */
  private finish(deadline: number, what: string): void {
    const { control } = this;
    let pending = Atomics.load(control, P.word(P.PENDING));
    while (pending !== 0) {
      if (performance.now() >= deadline) throw new Error(`The wasm worker pool did not ${what} within ${RECEIVE_TIMEOUT_MS / 1000} s (${pending} of ${this.workers.length} workers silent): run with threads: 1.`);
      pending = P.waitWhile(control, P.word(P.PENDING), pending, Math.max(1, deadline - performance.now()));
    }
    if (Atomics.exchange(control, P.word(P.ERROR), 0) !== 0) throw new Error(`A wasm pool worker failed to ${what}.`);
  }

  private checkRunning(): void {
    if (this.stopped) throw new Error('The wasm worker pool was disposed with its backend; create the backend again.');
  }
}
