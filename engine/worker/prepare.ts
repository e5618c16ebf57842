// Picks the loop a graph's task needs.
import type { Dataset } from '../data/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import type { RunSettings } from '../protocol/index.ts';
import { createGanLoop } from '../train/loops/gan.ts';
import { effectiveSettings, prepareSupervised, type PreparedRun } from '../train/setup.ts';

export function prepareRun(document: GraphDocument, dataset: Dataset, overrides: RunSettings): PreparedRun {
  if (document.training.task !== 'gan') return prepareSupervised(document, dataset, overrides);
  const settings = effectiveSettings(document, overrides);
  const loop = createGanLoop({ ...document, training: settings }, dataset, { batchSize: settings.batchSize, seed: settings.seed, epochs: settings.epochs });
  return { loop, settings };
}
