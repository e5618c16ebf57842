// Runs the engine in a worker_threads worker, for Node callers that must not block their thread.
import { Worker } from 'node:worker_threads';
import type { EngineEvent, EngineRequest } from '../protocol/index.ts';

export interface EngineWorker {
  send(request: EngineRequest): void;
  /** Resolves with the first event that passes the test. */
  next(test: (event: EngineEvent) => boolean): Promise<EngineEvent>;
  readonly events: EngineEvent[];
  terminate(): Promise<number>;
}

export function startEngineWorker(): EngineWorker {
  const worker = new Worker(new URL('./engineWorker.mjs', import.meta.url));
  const events: EngineEvent[] = [];
  const waiting: { test: (event: EngineEvent) => boolean; resolve: (event: EngineEvent) => void }[] = [];
  worker.on('message', (event: EngineEvent) => {
    events.push(event);
    for (const waiter of [...waiting]) {
      if (!waiter.test(event)) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  });
  return {
    events,
    send: (request) => worker.postMessage(request),
    next: (test) => {
      const found = events.find(test);
      return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ test, resolve }));
    },
    terminate: () => worker.terminate(),
  };
}
