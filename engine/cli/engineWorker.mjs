// worker_threads entry for the engine: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./engineWorkerThread.ts');
