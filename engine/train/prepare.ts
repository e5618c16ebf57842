// The run set-up shared by the worker host and the command line: the loop a graph's task needs,
// on the chosen backend, resumed from a checkpoint when one is given, driven by a TrainingRun.
import type { Backend } from '../backends/index.ts';
import type { Dataset } from '../data/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import type { EngineEvent, RunSettings } from '../protocol/index.ts';
import { loadCheckpoint, type CheckpointHeader } from './checkpoint.ts';
import { createGanLoop } from './loops/gan.ts';
import { TrainingRun, type RunOptions } from './run.ts';
import { effectiveSettings, prepareSupervised, type PreparedRun } from './setup.ts';

/** The loop for the graph's task (supervised, autoencoder, sequence or GAN) with the run's overrides. */
export function prepareRun(document: GraphDocument, dataset: Dataset, overrides: RunSettings, backend?: Backend): PreparedRun {
  if (document.training.task !== 'gan') return prepareSupervised(document, dataset, overrides, backend);
  const settings = effectiveSettings(document, overrides);
  const loop = createGanLoop({ ...document, training: settings }, dataset, { batchSize: settings.batchSize, seed: settings.seed, epochs: settings.epochs, backend, memoryLimit: overrides.memoryLimit });
  return { loop, settings };
}

export interface RunSetup {
  readonly prepared: PreparedRun;
  readonly run: TrainingRun;
  readonly resumedFrom: CheckpointHeader | null;
}

export interface RunHooks {
  readonly emit: (event: EngineEvent) => void;
  readonly backend?: Backend;
  readonly checkpoint?: Uint8Array;
  readonly yieldControl?: RunOptions['yieldControl'];
  readonly onStep?: RunOptions['onStep'];
  /** Epoch reports a second at the most, where the run's settings ask for no telemetry rate of their own (RunOptions.epochReportRate). */
  readonly epochReportRate?: number;
  /** Milliseconds between the loop's mid-epoch pictures (RunOptions.previewInterval). */
  readonly previewInterval?: number;
}

/** A run ready to start: prepared, resumed from the checkpoint, stopping after `settings.steps` more steps. */
export function setUpRun(document: GraphDocument, dataset: Dataset, settings: RunSettings, hooks: RunHooks): RunSetup {
  const prepared = prepareRun(document, dataset, settings, hooks.backend);
  const resumedFrom = hooks.checkpoint === undefined ? null : loadCheckpoint(hooks.checkpoint, prepared.loop.models, prepared.loop.trainers);
  const options: RunOptions = {
    epochs: prepared.settings.epochs,
    maxSteps: settings.steps === undefined ? undefined : (resumedFrom?.steps ?? 0) + settings.steps,
    telemetryRate: settings.telemetryRate,
    epochReportRate: settings.telemetryRate === undefined ? hooks.epochReportRate : undefined,
    previewInterval: hooks.previewInterval,
    earlyStopping: prepared.settings.earlyStopping,
    startEpoch: resumedFrom?.epoch,
    startIndex: resumedFrom?.index,
    startSteps: resumedFrom?.steps,
    yieldControl: hooks.yieldControl,
    onStep: hooks.onStep,
  };
  return { prepared, run: new TrainingRun(prepared.loop, options, hooks.emit), resumedFrom };
}
