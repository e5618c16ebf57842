// The Dense that ends a classifier starts with one unit per class of the graph's data: when it is
// added before the softmax cross-entropy head, or the head is added after it, and its units are
// still the catalog's default (a count the user typed is kept). A dataset changed later is fixed
// by the class-count problem's one-click fix, not silently.
import { classifierDense, dataFacts } from './datasetFit.ts';
import type { GraphDocument } from './document.ts';
import { inferShapes } from './infer.ts';
import { layerCatalog } from './layers/index.ts';
import { checkWiring } from './structure.ts';

export interface UnitsEdit {
  readonly nodeId: string;
  readonly units: number;
}

/** The units edits for classifiers ended by a node in `added` (a Dense or the head); none where the classes are unknown. */
export function classifierUnitsFor(document: GraphDocument, added: ReadonlySet<string>): UnitsEdit[] {
  const task = document.training.task;
  if (document.dataset === undefined || (task !== 'classify' && task !== 'sequence')) return [];
  const known = dataFacts(document.dataset, document);
  if (!('facts' in known) || known.facts === null || known.facts.classCount === null) return [];
  const classCount = known.facts.classCount;
  const wiring = checkWiring(document, layerCatalog);
  const { nodeShapes } = inferShapes(document, wiring);
  const defaultUnits = layerCatalog.get('Dense')?.params.units.default;
  const edits: UnitsEdit[] = [];
  for (const [headId, spec] of wiring.specs) {
    if (spec.type !== 'SoftmaxCrossEntropy') continue;
    const source = wiring.incoming.get(headId)?.get('in')?.source;
    const dense = source === undefined ? null : classifierDense(wiring, nodeShapes, source);
    if (dense === null || (!added.has(dense) && !added.has(headId))) continue;
    const units = wiring.nodes.get(dense)?.params.units;
    if ((units === undefined || units === defaultUnits) && units !== classCount) edits.push({ nodeId: dense, units: classCount });
  }
  return edits;
}
