// A small CSV classifier graph for the normalization tests (training, evaluation, export), and a
// tiny CSV whose split and ranges are worked out by hand.
import { GraphDocumentSchema, type GraphDocument, type Normalization } from '../../../engine/graph/index.ts';

/** A CSV classifier: `features` inputs, a hidden Dense of 16 with tanh, two classes. */
export function csvClassifier(path: string, features: number, normalization: Normalization, training: Record<string, unknown> = {}): GraphDocument {
  return GraphDocumentSchema.parse({
    format: 'netloom.graph',
    version: 2,
    nodes: [
      { id: 'x', type: 'Input', params: { kind: 'vector', features }, position: { x: 0, y: 0 } },
      { id: 'hidden', type: 'Dense', params: { units: 16 }, position: { x: 1, y: 0 } },
      { id: 'tanh', type: 'Tanh', params: {}, position: { x: 2, y: 0 } },
      { id: 'scores', type: 'Dense', params: { units: 2 }, position: { x: 3, y: 0 } },
      { id: 'loss', type: 'SoftmaxCrossEntropy', params: {}, position: { x: 4, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'hidden' },
      { id: 'e2', source: 'hidden', target: 'tanh' },
      { id: 'e3', source: 'tanh', target: 'scores' },
      { id: 'e4', source: 'scores', target: 'loss' },
    ],
    training: { task: 'classify', optimizer: { type: 'adam', learningRate: 0.01 }, batchSize: 20, epochs: 10, validationSplit: 0.25, seed: 7, ...training },
    dataset: { source: 'file', path, format: 'csv', labelColumn: 'label', normalization },
  });
}

// Seed 2 with a validation split of 0.2 holds row 3 out (rows 0, 1, 2 and 4 train); row 3 lies
// outside the training rows' range, so a fit that saw it would give other numbers.
export const TINY = ['a,b,label', '2,-10,x', '6,30,y', '4,10,x', '20,-50,y', '10,50,x'].join('\n');

