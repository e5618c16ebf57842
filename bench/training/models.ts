// The training benchmark's models, as Netloom graph documents, with the sizes every engine's
// driver builds them from. Random data shaped like MNIST (or random sequences), softmax
// cross-entropy, Adam at 1e-3. The expected parameter counts are worked out by hand here; the
// drivers report their own counts, and the run stops when any engine's model differs.
import { GRAPH_FORMAT, GRAPH_VERSION } from '../../engine/graph/index.ts';

export type ModelName = 'lenet' | 'mlp' | 'lstm';

export interface ModelSpec {
  readonly name: ModelName;
  readonly label: string;
  readonly batchSize: number;
  /** One example: [height, width, channels] for images, [steps, features] for sequences. */
  readonly example: readonly number[];
  readonly classes: number;
  /** Trainable parameters, worked out by hand from the layer sizes. */
  readonly parameters: number;
  /** For the recurrent model: the hidden state's size. */
  readonly hidden?: number;
}

const conv = (kernel: number, inputs: number, outputs: number) => kernel * kernel * inputs * outputs + outputs;
const dense = (inputs: number, outputs: number) => inputs * outputs + outputs;
/** One LSTM with a single bias per gate (as Netloom and TensorFlow have it). */
const lstm = (inputs: number, hidden: number) => 4 * hidden * (inputs + hidden + 1);

export const MODEL_SPECS: readonly ModelSpec[] = [
  {
    name: 'lenet',
    label: 'LeNet-5, batch 64',
    batchSize: 64,
    example: [28, 28, 1],
    classes: 10,
    parameters: conv(5, 1, 6) + conv(5, 6, 16) + dense(400, 120) + dense(120, 84) + dense(84, 10),
  },
  { name: 'mlp', label: 'MLP 784-256-256-10, batch 128', batchSize: 128, example: [28, 28, 1], classes: 10, parameters: dense(784, 256) + dense(256, 256) + dense(256, 10) },
  { name: 'lstm', label: 'LSTM T32 in32 H128, batch 32', batchSize: 32, example: [32, 32], classes: 10, hidden: 128, parameters: lstm(32, 128) + dense(128, 10) },
];

/** The square matrix multiplied by itself in the matmul benchmark. */
export const MATMUL_SIZE = 1024;

/** A benchmark's graph document, as chainGraph writes it. */
export type BenchGraph = ReturnType<typeof chainGraph>;

type Layer = readonly [type: string, params?: Record<string, unknown>];

/** A graph document of layers in a chain, trained by classification (or regression) with Adam at 1e-3. */
export function chainGraph(name: string, layers: readonly Layer[], batchSize: number, task: 'classify' | 'regress' = 'classify') {
  const nodes = layers.map(([type, params = {}], index) => ({ id: `n${index}`, type, params, position: { x: index * 220, y: 0 } }));
  const edges = nodes.slice(1).map((node, index) => ({ id: `e${index}`, source: `n${index}`, sourcePort: 'out', target: node.id, targetPort: 'in' }));
  const training = { task, optimizer: { type: 'adam' as const, learningRate: 1e-3 }, batchSize, seed: 1 };
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, metadata: { name }, nodes, edges, groups: [], training };
}

function layersOf(spec: ModelSpec): Layer[] {
  const image: Layer = ['Input', { kind: 'image', height: spec.example[0], width: spec.example[1], channels: spec.example[2] }];
  switch (spec.name) {
    case 'lenet':
      return [
        image,
        ['Conv2D', { filters: 6, kernelSize: [5, 5], padding: 'same' }],
        ['ReLU'],
        ['AvgPool2D', { poolSize: [2, 2], stride: [2, 2] }],
        ['Conv2D', { filters: 16, kernelSize: [5, 5] }],
        ['ReLU'],
        ['AvgPool2D', { poolSize: [2, 2], stride: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 120, initializer: 'he' }],
        ['ReLU'],
        ['Dense', { units: 84, initializer: 'he' }],
        ['ReLU'],
        ['Dense', { units: spec.classes }],
        ['SoftmaxCrossEntropy'],
      ];
    case 'mlp':
      return [image, ['Flatten'], ['Dense', { units: 256, initializer: 'he' }], ['ReLU'], ['Dense', { units: 256, initializer: 'he' }], ['ReLU'], ['Dense', { units: spec.classes }], ['SoftmaxCrossEntropy']];
    case 'lstm':
      return [['Input', { kind: 'sequence', steps: spec.example[0], features: spec.example[1] }], ['LSTM', { units: spec.hidden }], ['Dense', { units: spec.classes }], ['SoftmaxCrossEntropy']];
  }
}

export function modelSpec(name: string): ModelSpec {
  const spec = MODEL_SPECS.find((candidate) => candidate.name === name);
  if (spec === undefined) throw new Error(`Unknown benchmark model "${name}": use one of ${MODEL_SPECS.map((known) => known.name).join(', ')}.`);
  return spec;
}

/** The Netloom graph document of a benchmark model. */
export function modelGraph(spec: ModelSpec) {
  return chainGraph(spec.label, layersOf(spec), spec.batchSize);
}

/**
 * A graph whose inference pass is one [size, size]·[size, size] matmul (a Dense without bias on a
 * batch of `size`) and the MSE head a graph needs, which adds 3 flops per output (0.15% at 1024).
 */
export function matmulGraph(size: number) {
  const layers: Layer[] = [['Input', { kind: 'vector', features: size }], ['Dense', { units: size, useBias: false }], ['MSE']];
  return chainGraph(`matmul ${size}³`, layers, size, 'regress');
}
