// Picks the loop a graph's task needs.
import type { Dataset } from '../data/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import type { RunSettings } from '../protocol/index.ts';
import { prepareSupervised, type PreparedRun } from '../train/setup.ts';

export function prepareRun(document: GraphDocument, dataset: Dataset, settings: RunSettings): PreparedRun {
  return prepareSupervised(document, dataset, settings);
}
