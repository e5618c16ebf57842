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
