// A training session in this process: data, loop, optional checkpoint to resume from, on the
// chosen backend. The set-up itself is engine/train/prepare.ts, shared with the worker host.
import type { Backend } from '../backends/index.ts';
import { loadDataset, type Dataset } from '../data/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import type { EngineEvent, RunSettings } from '../protocol/index.ts';
import { setUpRun, type RunSetup } from '../train/prepare.ts';
import { createNodeFileSource } from './fileSource.ts';

export const MNIST_PATH = new URL('../../build/data/mnist.bin', import.meta.url).pathname;

export async function loadData(document: GraphDocument, onProgress?: (done: number, total: number) => void): Promise<Dataset> {
  if (document.dataset === undefined) throw new Error('The graph names no dataset: add one, or pass --data PATH.');
  return loadDataset(document.dataset, { files: createNodeFileSource(process.cwd()), mnistPath: MNIST_PATH, onProgress: onProgress && ((progress) => onProgress(progress.done, progress.total)) });
}

export type Session = RunSetup;

export function createSession(document: GraphDocument, dataset: Dataset, settings: RunSettings, emit: (event: EngineEvent) => void, checkpoint?: Uint8Array, backend?: Backend): Session {
  return setUpRun(document, dataset, settings, { emit, checkpoint, backend });
}
