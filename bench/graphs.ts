// Generated graphs of a chosen size for benchmarks: residual convolution blocks, then a classifier.
import { GRAPH_FORMAT, GRAPH_VERSION } from '../engine/graph/index.ts';

interface Node {
  id: string;
  type: string;
  params: Record<string, unknown>;
  position: { x: number; y: number };
}

export function residualGraph(targetNodes: number) {
  const nodes: Node[] = [];
  const edges: { id: string; source: string; sourcePort: string; target: string; targetPort: string }[] = [];
  const add = (type: string, params: Record<string, unknown> = {}) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, type, params, position: { x: (nodes.length % 20) * 220, y: Math.floor(nodes.length / 20) * 140 } });
    return id;
  };
  const link = (source: string, target: string, targetPort = 'in') => edges.push({ id: `e${edges.length}`, source, sourcePort: 'out', target, targetPort });
  let last = add('Input', { kind: 'image', height: 32, width: 32, channels: 16 });
  while (nodes.length < targetNodes - 5) {
    const conv = add('Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same' });
    link(last, conv);
    const norm = add('BatchNorm');
    link(conv, norm);
    const sum = add('Add');
    link(norm, sum, 'a');
    link(last, sum, 'b');
    last = add('ReLU');
    link(sum, last);
  }
  for (const [type, params] of [['GlobalAvgPool', {}], ['Dense', { units: 10 }], ['SoftmaxCrossEntropy', {}]] as const) {
    const next = add(type, params);
    link(last, next);
    last = next;
  }
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, metadata: { name: `${nodes.length}-node residual network` }, nodes, edges, groups: [], training: { task: 'classify' as const } };
}

/** A chain of Dense/ReLU layers laid out as a snaking grid (25 columns), for canvas benchmarks. */
export function frameGrid(targetNodes: number) {
  const columns = 25;
  const nodes: Node[] = [];
  const edges: { id: string; source: string; sourcePort: string; target: string; targetPort: string }[] = [];
  const add = (type: string, params: Record<string, unknown> = {}) => {
    const index = nodes.length;
    const row = Math.floor(index / columns);
    const column = row % 2 === 0 ? index % columns : columns - 1 - (index % columns);
    const id = `n${index}`;
    nodes.push({ id, type, params, position: { x: column * 240, y: row * 160 } });
    if (index > 0) edges.push({ id: `e${edges.length}`, source: `n${index - 1}`, sourcePort: 'out', target: id, targetPort: 'in' });
  };
  add('Input', { kind: 'image', height: 28, width: 28, channels: 1 });
  add('Flatten');
  while (nodes.length < targetNodes - 2) add(nodes.length % 2 === 0 ? 'Dense' : 'ReLU', nodes.length % 2 === 0 ? { units: 32 } : {});
  add('Dense', { units: 10 });
  add('SoftmaxCrossEntropy');
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, metadata: { name: `${nodes.length}-node dense grid` }, nodes, edges, groups: [], training: { task: 'classify' as const } };
}
