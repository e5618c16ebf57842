// Builds small graph documents for tests: a chain of layers from an Input to a loss head.
import { GRAPH_FORMAT, GRAPH_VERSION, type Task } from '../../../engine/graph/index.ts';

export interface LayerStep {
  /** The node's id; `n<index>` when left out. */
  readonly id?: string;
  readonly type: string;
  readonly params?: Record<string, unknown>;
}

/** `training` replaces the settings beyond the task (optimizer, seed, ...). */
export function chainDocument(steps: readonly LayerStep[], task: Task = 'classify', training: Record<string, unknown> = {}) {
  const ids = steps.map((step, i) => step.id ?? `n${i}`);
  const nodes = steps.map((step, i) => ({ id: ids[i], type: step.type, params: step.params ?? {}, position: { x: i * 200, y: 0 } }));
  const edges = steps.slice(1).map((_, i) => ({ id: `e${i}`, source: ids[i], sourcePort: 'out', target: ids[i + 1], targetPort: 'in' }));
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes, edges, groups: [], training: { ...training, task } };
}
