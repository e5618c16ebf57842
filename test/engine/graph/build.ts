// Builds small graph documents for tests: a chain of layers from an Input to a loss head.
import { GRAPH_FORMAT, GRAPH_VERSION, type Task } from '../../../engine/graph/index.ts';

export interface LayerStep {
  readonly type: string;
  readonly params?: Record<string, unknown>;
}

export function chainDocument(steps: readonly LayerStep[], task: Task = 'classify') {
  const nodes = steps.map((step, i) => ({ id: `n${i}`, type: step.type, params: step.params ?? {}, position: { x: i * 200, y: 0 } }));
  const edges = steps.slice(1).map((_, i) => ({ id: `e${i}`, source: `n${i}`, sourcePort: 'out', target: `n${i + 1}`, targetPort: 'in' }));
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes, edges, groups: [], training: { task } };
}
