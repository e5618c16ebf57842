// The engine's Web Worker entry: the only engine code that calls postMessage. Requests are
// handled in order; a run yields between steps so pause and stop get through.
import { createFetchFileSource } from './fetchFileSource.ts';
import { EngineHost } from './host.ts';
import type { EngineRequest } from '../protocol/index.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new EngineHost((event, transfer) => scope.postMessage(event, transfer), {
  files: createFetchFileSource(new URL('/', scope.location.href).href),
  mnistPath: 'data/mnist.bin',
  yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
});
scope.onmessage = (message: MessageEvent<EngineRequest>) => void host.handle(message.data);
