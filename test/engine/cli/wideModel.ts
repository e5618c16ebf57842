// A model with 2 MB of weights, so that writing its checkpoint takes long enough to be interrupted.
import { GRAPH_FORMAT } from '../../../engine/graph/index.ts';

export function wideDocument() {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
  return {
    format: GRAPH_FORMAT,
    version: 1,
    nodes: [node('x', 'Input', { kind: 'vector', features: 256 }), node('wide', 'Dense', { units: 2048 }), node('out', 'Dense', { units: 2 }), node('loss', 'SoftmaxCrossEntropy')],
    edges: ['x-wide', 'wide-out', 'out-loss'].map((id) => ({ id, source: id.split('-')[0], target: id.split('-')[1] })),
    training: { task: 'classify', optimizer: { type: 'sgd', learningRate: 0.01 } },
  };
}
