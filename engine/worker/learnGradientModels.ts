// The networks of the Learn panel's gradient study, as graph documents compiled by our own
// compiler: a SimpleRNN, an LSTM and a GRU of the same size on one sequence task whose label is
// decided by the first step alone, and a 10-layer MLP with sigmoids against one with ReLUs on the
// two moons. Each step feeds a fresh seeded batch; the norms are read from the backward pass.
import type { Dataset } from '../data/index.ts';
import type { Random } from '../data/random.ts';
import type { GraphDocument } from '../graph/index.ts';
import { Model } from '../train/model.ts';
import { Trainer } from '../train/trainer.ts';

export const SEQUENCE_STEPS = 30;
export const RECURRENT_UNITS = 16;
export const MLP_DEPTH = 10;
export const MLP_WIDTH = 16;
export const STUDY_BATCH = 32;
/** The recurrent networks train with Adam; the MLPs with plain SGD, whose steps are the gradient itself, so a vanished gradient leaves the first layers where they started. */
export const RECURRENT_OPTIMIZER = { type: 'adam', learningRate: 0.01 } as const;
export const MLP_OPTIMIZER = { type: 'sgd', learningRate: 0.1 } as const;

type Node = GraphDocument['nodes'][number];

function node(id: string, type: string, params: Record<string, unknown>, index: number): Node {
  return { id, type, params, position: { x: index * 200, y: 0 } } as Node;
}

/** A chain of layers, each fed by the one before, ending in softmax cross-entropy over two classes. */
export function chainDocument(name: string, task: 'classify' | 'regress', optimizer: { type: 'adam' | 'sgd'; learningRate: number }, layers: readonly (readonly [string, Record<string, unknown>])[]): GraphDocument {
  const nodes = layers.map(([type, params], index) => node(index === 0 ? 'input' : `layer${index}`, type, params, index));
  const edges = nodes.slice(1).map((target, index) => ({ id: `e${index + 1}`, source: nodes[index].id, sourcePort: 'out', target: target.id, targetPort: 'in' }));
  return {
    format: 'netloom.graph',
    version: 2,
    metadata: { name, description: 'A network of the Learn panel\'s gradient study.', tags: [] },
    nodes,
    edges,
    groups: [],
    training: { task, optimizer, batchSize: STUDY_BATCH, epochs: 1, seed: 7, validationSplit: 0 },
  } as unknown as GraphDocument;
}

export function recurrentDocument(type: 'SimpleRNN' | 'LSTM' | 'GRU', units = RECURRENT_UNITS, steps = SEQUENCE_STEPS): GraphDocument {
  return chainDocument(type, 'regress', RECURRENT_OPTIMIZER, [
    ['Input', { kind: 'sequence', steps, features: 1 }],
    [type, { units }],
    ['Dense', { units: 1 }],
    ['MSE', {}],
  ]);
}

/** `depth` Dense layers of `width` units, each followed by the activation, then the two-class head; glorot for sigmoid, he for ReLU, as each is usually started. */
export function mlpDocument(activation: 'Sigmoid' | 'ReLU', depth = MLP_DEPTH, width = MLP_WIDTH): GraphDocument {
  const initializer = activation === 'ReLU' ? 'he' : 'glorot';
  const hidden = Array.from({ length: depth }, () => [['Dense', { units: width, initializer }], [activation, {}]] as const).flat();
  return chainDocument(`${activation} MLP`, 'classify', MLP_OPTIMIZER, [['Input', { kind: 'vector', features: 2 }], ...hidden, ['Dense', { units: 2, initializer: 'glorot' }], ['SoftmaxCrossEntropy', {}]]);
}

/** The first-step task: every step holds a value uniform in [−1, 1]; the target is the first step's value, so the last state must carry it through all the others. */
export function fillFirstStepBatch(random: Random, inputs: Float32Array, targets: Float32Array, steps = SEQUENCE_STEPS): void {
  for (let row = 0; row < targets.length; row++) {
    for (let step = 0; step < steps; step++) inputs[row * steps + step] = 2 * random.next() - 1;
    targets[row] = inputs[row * steps];
  }
}

/** A batch of the two moons drawn at random (with replacement). */
export function fillPointsBatch(random: Random, dataset: Dataset, inputs: Float32Array, labels: Int32Array): void {
  if (dataset.inputs.kind !== 'float' || dataset.targets.kind !== 'class') throw new Error('The gradient study needs 2-D points with classes.');
  for (let row = 0; row < labels.length; row++) {
    const example = Math.floor(random.next() * dataset.count);
    inputs[2 * row] = dataset.inputs.values[2 * example];
    inputs[2 * row + 1] = dataset.inputs.values[2 * example + 1];
    labels[row] = dataset.targets.values[example];
  }
}

/** A network of the study: its model and trainer, and how its norms are read after a step. */
export interface StudiedNetwork {
  readonly name: string;
  readonly kind: 'time' | 'depth';
  readonly model: Model;
  readonly trainer: Trainer;
}

export function studiedNetwork(name: string, kind: 'time' | 'depth', document: GraphDocument): StudiedNetwork {
  const model = Model.compile(document, { batchSize: STUDY_BATCH, inputGradients: kind === 'time' ? ['input'] : [] });
  if (name === 'LSTM') model.writeParameters(new Map([['layer1/bias', forgetBias(RECURRENT_UNITS)]]));
  return { name, kind, model, trainer: new Trainer(model, model.compiled.document.training, Number.MAX_SAFE_INTEGER) };
}

/** An LSTM's bias [i, f, g, o] as Keras starts it: zeros, and 1 for the forget gate, so the cell keeps what it holds at first. */
export function forgetBias(units: number): Float32Array {
  const bias = new Float32Array(4 * units);
  bias.fill(1, units, 2 * units);
  return bias;
}

/** ‖g_t‖ for each step t of a gradient [B, T, F]: the square root of the sum over the batch and features. */
export function perStepNorms(gradient: ArrayLike<number>, shape: readonly number[]): number[] {
  const [batch, steps, features] = shape;
  const sums = new Array<number>(steps).fill(0);
  for (let row = 0; row < batch; row++) {
    for (let step = 0; step < steps; step++) {
      for (let feature = 0; feature < features; feature++) {
        const value = gradient[(row * steps + step) * features + feature];
        sums[step] += value * value;
      }
    }
  }
  return sums.map(Math.sqrt);
}

/** The Frobenius norm of a tensor. */
export function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index] * values[index];
  return Math.sqrt(sum);
}

/** The norms after the last step: per time step of the input gradient, or per Dense layer's weight gradient (first layer first). */
export async function measuredNorms(network: Pick<StudiedNetwork, 'name' | 'kind' | 'model'>): Promise<number[]> {
  const { model } = network;
  if (network.kind === 'time') {
    const buffer = model.compiled.inputGradients.get('input');
    if (buffer === undefined) throw new Error(`${network.name}: the input's gradient was not compiled.`);
    const gradient = await model.read(buffer);
    return perStepNorms(gradient.data, gradient.shape);
  }
  const weights = model.compiled.parameters.filter((parameter) => parameter.name === 'weights' && parameter.gradient !== undefined);
  const norms: number[] = [];
  for (const parameter of weights) norms.push(norm((await model.read(parameter.gradient as number)).data));
  return norms;
}

/** The loss, and for a classifier the share of rows whose larger score is the label, from the last forward pass. */
export async function lossAndAccuracy(model: Model, labels: Float32Array | Int32Array): Promise<{ loss: number; accuracy?: number }> {
  const { loss, prediction } = model.compiled;
  if (loss === null || prediction === null) throw new Error('A studied network has no loss head.');
  const value = (await model.read(loss)).data[0];
  if (!(labels instanceof Int32Array)) return { loss: value };
  const scores = (await model.read(prediction)).data;
  let right = 0;
  for (let row = 0; row < labels.length; row++) if ((scores[2 * row + 1] > scores[2 * row] ? 1 : 0) === labels[row]) right++;
  return { loss: value, accuracy: right / labels.length };
}
