// A browser pool worker's entry (a module Worker: engine/worker/poolWorkers.ts starts it): hands
// its messages to the pool's server, which then waits for jobs on shared memory.
import { servePool } from './poolServer.ts';
import type { PoolMessage } from './poolProtocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
servePool((handler) => {
  scope.onmessage = (event: MessageEvent<PoolMessage>) => handler(event.data);
});
