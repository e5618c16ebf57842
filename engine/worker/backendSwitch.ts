// Switching backend loses no work: before the old backend goes, the last run's weights and
// optimizer state are read into an in-memory checkpoint, and the next run of the same model starts
// from it on the new backend (the checkpoint resume path of train/prepare.ts). A stopped run goes
// on where it stopped; one that trained all its epochs trains them again from the weights it reached. A run
// that diverged carries nothing (its weights are not finite).
import type { GraphDocument } from '../graph/index.ts';
import type { BackendName } from '../protocol/index.ts';
import type { TrainingRun } from '../train/run.ts';

export interface CarriedWeights {
  readonly from: BackendName;
  readonly steps: number;
  /** The model the weights fit (modelKey): another graph, or this one edited, starts fresh. */
  readonly model: string;
  readonly bytes: Uint8Array;
}

/** What decides the shapes of a graph's weights and optimizer state: its layers, their links and the optimizer (never positions). */
export function modelKey(document: GraphDocument): string {
  const nodes = document.nodes.map(({ id, type, params }) => ({ id, type, params }));
  return JSON.stringify({ nodes, edges: document.edges, optimizer: document.training.optimizer });
}

/** Whether the run trained all its epochs (a run given a number of steps goes on from where they ended). */
function finished(run: TrainingRun): boolean {
  return run.epoch >= run.options.epochs;
}

/** The last run's weights, read through the backend seam (`save`: the run's in-memory checkpoint at a position) before its backend is disposed; null when there is nothing worth carrying. */
export async function carryWeights(run: TrainingRun, document: GraphDocument, from: BackendName, save: (position: { epoch: number; index: number }) => Promise<Uint8Array>): Promise<CarriedWeights | null> {
  if (run.steps === 0 || run.state === 'failed' || run.state === 'running') return null;
  const bytes = await save(finished(run) ? { epoch: 0, index: 0 } : { epoch: run.epoch, index: run.index });
  return { from, steps: run.steps, model: modelKey(document), bytes };
}
