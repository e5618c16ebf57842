// A training session in this process: data, loop, optional checkpoint to resume from.
import { loadDataset, type Dataset } from '../data/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import type { EngineEvent, RunSettings } from '../protocol/index.ts';
import { loadCheckpoint, type CheckpointHeader } from '../train/checkpoint.ts';
import { TrainingRun } from '../train/run.ts';
import { prepareRun } from '../worker/prepare.ts';
import { createNodeFileSource } from './fileSource.ts';
import type { PreparedRun } from '../train/setup.ts';

export const MNIST_PATH = new URL('../../build/data/mnist.bin', import.meta.url).pathname;

export async function loadData(document: GraphDocument, onProgress?: (done: number, total: number) => void): Promise<Dataset> {
  if (document.dataset === undefined) throw new Error('The graph names no dataset: add one, or pass --data PATH.');
  return loadDataset(document.dataset, { files: createNodeFileSource(process.cwd()), mnistPath: MNIST_PATH, onProgress: onProgress && ((progress) => onProgress(progress.done, progress.total)) });
}

export interface Session {
  readonly prepared: PreparedRun;
  readonly run: TrainingRun;
  readonly resumedFrom: CheckpointHeader | null;
}

export function createSession(document: GraphDocument, dataset: Dataset, settings: RunSettings, emit: (event: EngineEvent) => void, checkpoint?: Uint8Array): Session {
  const prepared = prepareRun(document, dataset, settings);
  const resumedFrom = checkpoint === undefined ? null : loadCheckpoint(checkpoint, prepared.loop.models, prepared.loop.trainers);
  const run = new TrainingRun(
    prepared.loop,
    {
      epochs: prepared.settings.epochs,
      maxSteps: settings.steps === undefined ? undefined : (resumedFrom?.steps ?? 0) + settings.steps,
      telemetryRate: settings.telemetryRate,
      earlyStopping: prepared.settings.earlyStopping,
      startEpoch: resumedFrom?.epoch,
      startIndex: resumedFrom?.index,
      startSteps: resumedFrom?.steps,
    },
    emit,
  );
  return { prepared, run, resumedFrom };
}
