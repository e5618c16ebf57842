// worker_threads entry of a wasm pool worker: loads the TypeScript sources through tsx (under
// plain node and under tsx alike), then hands this worker's messages to the pool's server.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { servePool } = await import('../backends/wasm/poolServer.ts');
servePool((handler) => parentPort.on('message', handler));
