// How the training benchmark talks to its engine drivers: each driver is a child process that
// reads one JSON request per line on stdin and answers each with one JSON line on stdout, so that
// trials of every engine can take turns (round-robin) while each keeps its model warm.
import { createInterface } from 'node:readline';
import type { ModelSpec } from './models.ts';

export type Request =
  | { readonly command: 'info' }
  /** Builds the model, runs a few warm-up steps, answers its trainable parameter count. */
  | { readonly command: 'prepare'; readonly model: ModelSpec }
  /** Trains the prepared model for at least `seconds` (and at least one step). */
  | { readonly command: 'trial'; readonly model: string; readonly seconds: number }
  | { readonly command: 'matmul'; readonly size: number; readonly seconds: number }
  /** Heap in use after garbage collection, before and after `steps` training steps (Netloom only). */
  | { readonly command: 'heap'; readonly model: ModelSpec; readonly steps: number };

export interface EngineInfo {
  readonly engine: string;
  readonly version: string;
  readonly threads: number;
  /** Netloom only: the backend's name (wasm, cpu). */
  readonly backend?: string;
  /** Anything else worth a line: the BLAS, the backend, the SIMD variant. */
  readonly details: readonly string[];
  /** Loud problems (e.g. PyTorch on the reference BLAS). */
  readonly warnings: readonly string[];
}

export interface TrialReply {
  readonly steps: number;
  readonly seconds: number;
}

export interface HeapReply {
  readonly steps: number;
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly externalBeforeBytes: number;
  readonly externalAfterBytes: number;
}

export type Reply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Calls `step` until `seconds` have passed (at least once) and says how many steps ran in how long. */
export async function timeSteps(seconds: number, step: () => unknown): Promise<TrialReply> {
  const start = performance.now();
  let steps = 0;
  let elapsed = 0;
  do {
    await step();
    steps++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  return { steps, seconds: elapsed };
}

/** A driver's main loop: answers requests in order until stdin closes. */
export async function serveRequests(handle: (request: Request) => unknown): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let reply: Reply;
    try {
      reply = { ok: true, value: await handle(JSON.parse(line) as Request) };
    } catch (cause) {
      reply = { ok: false, error: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  }
}

/** What one run of the training benchmark measures (bench/options.ts parses it from the command line). */
export interface TrainingOptions {
  /** Trials per model and engine; the median is reported. */
  readonly trials: number;
  /** Seconds each trial trains (at least one step). */
  readonly seconds: number;
  /** The Netloom backend to measure (its targets are checked). */
  readonly backend: string;
  /** Thread counts: a threaded Netloom backend and PyTorch are each measured at every one. */
  readonly threads: readonly number[];
  /** Also measures Netloom's cpu reference backend (1 thread), without targets. */
  readonly withCpu: boolean;
  /** Netloom training steps in the heap check (0 skips it). */
  readonly heapSteps: number;
}
