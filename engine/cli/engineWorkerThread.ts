// Inside a worker_threads worker: the engine host, talking through parentPort.
import { parentPort } from 'node:worker_threads';
import type { EngineRequest } from '../protocol/index.ts';
import { EngineHost } from '../worker/host.ts';
import { useNodeBackends } from './backendEnvironment.ts';
import { createNodeFileSource } from './fileSource.ts';
import { defaultMemoryLimit } from './memoryLimit.ts';
import { MNIST_PATH } from './session.ts';

if (parentPort === null) throw new Error('engineWorkerThread runs inside a worker thread.');
const port = parentPort;
useNodeBackends();
const host = new EngineHost((event, transfer) => port.postMessage(event, transfer), {
  files: createNodeFileSource(process.cwd()),
  mnistPath: MNIST_PATH,
  yieldControl: () => new Promise((resolve) => setImmediate(resolve)),
  memoryLimit: defaultMemoryLimit(),
});
port.on('message', (request: EngineRequest) => void host.handle(request));
