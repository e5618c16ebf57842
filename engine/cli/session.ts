// A training session in this process: data, loop, optional checkpoint to resume from, on the
// chosen backend. The set-up itself is engine/train/prepare.ts, shared with the worker host.
import type { Backend } from '../backends/index.ts';
import { loadDataset, type Dataset } from '../data/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import type { EngineEvent, RunSettings } from '../protocol/index.ts';
import { setUpRun, type RunSetup } from '../train/prepare.ts';
import { createNodeFileSource } from './fileSource.ts';
import { UsageError } from './loadGraph.ts';

export const MNIST_PATH = new URL('../../build/data/mnist.bin', import.meta.url).pathname;

/** The graph's dataset (paths relative to the working directory, see loadGraph); `graphFile` names the graph in messages. */
export async function loadData(document: GraphDocument, graphFile: string, onProgress?: (done: number, total: number) => void): Promise<Dataset> {
  if (document.dataset === undefined) {
    throw new UsageError(`${graphFile} names no dataset: pass one with --data PATH, or add a "dataset" section to the graph (a built-in set such as {"source": "builtin", "name": "mnist"}, or a file).`);
  }
  return loadDataset(document.dataset, { files: createNodeFileSource(process.cwd()), mnistPath: MNIST_PATH, onProgress: onProgress && ((progress) => onProgress(progress.done, progress.total)) });
}

export type Session = RunSetup;

export function createSession(document: GraphDocument, dataset: Dataset, settings: RunSettings, emit: (event: EngineEvent) => void, checkpoint?: Uint8Array, backend?: Backend): Session {
  return setUpRun(document, dataset, settings, { emit, checkpoint, backend });
}
