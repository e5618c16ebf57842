// A layer added from the palette that ends a classifier (a Dense before the softmax cross-entropy
// head, or the head after a Dense) gives the Dense one unit per class of the graph's data, part of
// the same edit. The rule is the engine's (classifierUnitsFor); this applies it to an add.
import { classifierUnitsFor, type GraphDocument } from '../../engine/graph/index.ts';
import { setParam } from './nodeEdits.ts';

/** `after` (an add to `before`) with the class count set on the classifier Dense it ends. */
export function withClassifierUnits(before: GraphDocument, after: GraphDocument): GraphDocument {
  const existing = new Set(before.nodes.map((node) => node.id));
  const added = new Set(after.nodes.filter((node) => !existing.has(node.id)).map((node) => node.id));
  if (added.size === 0) return after;
  return classifierUnitsFor(after, added).reduce((document, edit) => setParam(document, edit.nodeId, 'units', edit.units), after);
}
