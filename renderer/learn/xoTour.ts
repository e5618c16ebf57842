// The X-versus-O tour: the bundled X-vs-O CNN walked through for one X and one O, step by step
// (the examples, the filters, the feature maps after the convolution, ReLU and pooling, and the
// last layer's votes), each step with a sentence built from the numbers the engine returned.
import type { GraphDocument } from '../../engine/graph/index.ts';
import type { EngineEvent } from '../../engine/protocol/index.ts';
import type { Grid } from './convolution.ts';
import { channelGrid, kernelGrid, mainPath, shortNumber, tensorOf, type Tensor } from './networkTensors.ts';

/** The layers the tour shows, found along the graph's main path. */
export interface TourLayers {
  readonly input: string;
  readonly convolution: string;
  readonly activation: string;
  readonly pooling: string;
  /** The Dense whose outputs are the class scores: the votes. */
  readonly scores: string;
  readonly filters: number;
}

/** The tour's layers, or why this graph is not one the tour can walk (it wants Input, Conv2D, ReLU, a pooling, Flatten, Dense). */
export function tourLayers(document: GraphDocument): TourLayers | { readonly problem: string } {
  const path = mainPath(document);
  const index = (types: readonly string[], after: number) => path.findIndex((node, position) => position > after && types.includes(node.type));
  const convolution = index(['Conv2D'], 0);
  const activation = index(['ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'GELU'], convolution);
  const pooling = index(['MaxPool2D', 'AvgPool2D'], activation);
  const flatten = index(['Flatten'], pooling);
  const scores = index(['Dense'], flatten);
  if (document.dataset?.source !== 'builtin' || document.dataset.name !== 'xo') return { problem: 'The tour walks through the X vs O example, which trains on the X and O images.' };
  if ([convolution, activation, pooling, flatten, scores].includes(-1) || scores !== flatten + 1 || flatten !== pooling + 1) {
    return { problem: 'The tour needs the X vs O CNN as bundled: Input, Conv2D, an activation, a pooling, Flatten and the Dense that scores X and O.' };
  }
  return { input: path[0].id, convolution: path[convolution].id, activation: path[activation].id, pooling: path[pooling].id, scores: path[scores].id, filters: Number(path[convolution].params.filters) };
}

/** What the worker answered for the X and the O (example 0 and 1). */
export interface TourData {
  readonly trained: boolean;
  readonly steps: number;
  readonly inputs: Tensor;
  readonly convolution: Tensor;
  readonly activation: Tensor;
  readonly pooling: Tensor;
  readonly scores: Tensor;
  readonly probabilities: Tensor;
  readonly kernel: Tensor;
  readonly bias: Tensor;
  readonly denseWeights: Tensor;
  readonly denseBias: Tensor;
  readonly classNames: readonly string[];
}

/** The worker's answer for the X and the O, read as the tour's tensors. */
export function tourData(answer: Extract<EngineEvent, { type: 'examplesInferred' }>, layers: TourLayers): TourData {
  return {
    trained: answer.weights === 'run',
    steps: answer.steps,
    inputs: tensorOf(answer.outputs[layers.input]),
    convolution: tensorOf(answer.outputs[layers.convolution]),
    activation: tensorOf(answer.outputs[layers.activation]),
    pooling: tensorOf(answer.outputs[layers.pooling]),
    scores: tensorOf(answer.outputs[layers.scores]),
    probabilities: tensorOf(answer.probabilities ?? answer.outputs[layers.scores]),
    kernel: tensorOf(answer.parameters[layers.convolution].weights),
    bias: tensorOf(answer.parameters[layers.convolution].bias),
    denseWeights: tensorOf(answer.parameters[layers.scores].weights),
    denseBias: tensorOf(answer.parameters[layers.scores].bias),
    classNames: answer.classNames ?? ['X', 'O'],
  };
}

/** How each filter's pooled map votes for each class: Σ pooled × weight over its positions (Flatten keeps channels last). */
export interface Votes {
  /** [filter][class] */
  readonly byFilter: readonly (readonly number[])[];
  readonly bias: readonly number[];
  /** byFilter summed plus bias: the class scores. */
  readonly totals: readonly number[];
}

export function votes(pooled: Tensor, example: number, weights: Tensor, bias: Tensor): Votes {
  const [, height, width, filters] = pooled.shape;
  const classes = weights.shape[1];
  const size = height * width * filters;
  const byFilter = Array.from({ length: filters }, () => new Array<number>(classes).fill(0));
  for (let feature = 0; feature < size; feature++) {
    const filter = feature % filters;
    for (let label = 0; label < classes; label++) byFilter[filter][label] += pooled.values[example * size + feature] * weights.values[feature * classes + label];
  }
  const biases = [...bias.values];
  const totals = biases.map((value, label) => byFilter.reduce((sum, row) => sum + row[label], value));
  return { byFilter, bias: biases, totals };
}

export type TourStepName = 'examples' | 'filters' | 'convolution' | 'activation' | 'pooling' | 'votes';

export interface TourMap {
  readonly caption: string;
  readonly grid: Grid;
  /** Coloured on its own scale (the input beside its maps), not the step's shared one. */
  readonly own?: boolean;
}

export interface TourStep {
  readonly name: TourStepName;
  readonly title: string;
  readonly sentence: string;
  /** Per example (X, then O): the grids shown, each with a caption; the filters step has one row shared by both. */
  readonly rows: readonly (readonly TourMap[])[];
  /** Pixels per cell of the grids. */
  readonly cell: number;
}

/** The example's input, then its map of each filter. */
function maps(data: TourData, tensor: Tensor, example: number, filters: number, name: string): TourMap[] {
  const input = { caption: `The ${data.classNames[example]}`, grid: channelGrid(data.inputs, example, 0), own: true };
  return [input, ...Array.from({ length: filters }, (_, filter) => ({ caption: `${name} ${filter + 1}`, grid: channelGrid(tensor, example, filter) }))];
}

/** Values of example `example` (its whole row) that are exactly 0. */
export function zeros(tensor: Tensor, example: number): { readonly zero: number; readonly total: number } {
  const total = tensor.values.length / tensor.shape[0];
  let zero = 0;
  for (let index = example * total; index < (example + 1) * total; index++) if (tensor.values[index] === 0) zero++;
  return { zero, total };
}

/** The filter whose map holds the example's largest value, and that value. */
export function strongestFilter(tensor: Tensor, example: number): { readonly filter: number; readonly value: number } {
  const filters = tensor.shape[tensor.shape.length - 1];
  const total = tensor.values.length / tensor.shape[0];
  let best = { filter: 0, value: Number.NEGATIVE_INFINITY };
  for (let index = 0; index < total; index++) {
    const value = tensor.values[example * total + index];
    if (value > best.value) best = { filter: index % filters, value };
  }
  return best;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The six steps of the tour, their sentences filled in from the data. */
export function tourSteps(data: TourData, layers: TourLayers): TourStep[] {
  const [xName, oName] = data.classNames;
  const filters = layers.filters;
  const shape = (tensor: Tensor) => `${tensor.shape[1]}×${tensor.shape[2]}`;
  const strongest = [0, 1].map((example) => strongestFilter(data.convolution, example));
  const zeroed = [0, 1].map((example) => zeros(data.activation, example));
  const kernels = Array.from({ length: filters }, (_, filter) => ({ caption: `Filter ${filter + 1} (bias ${shortNumber(data.bias.values[filter])})`, grid: kernelGrid(data.kernel, 0, filter) }));
  const filterSentence = data.trained
    ? `After ${data.steps} training steps these ${filters} 3×3 filters are the patterns the network learned to look for: a blue weight rewards a bright pixel at its place, a red one penalizes it.`
    : `These ${filters} filters are untrained: random initial weights, so they look for nothing in particular yet. Train the network and come back to see what they learn.`;
  return [
    { name: 'examples', title: `One ${xName} and one ${oName}`, sentence: `Two ${shape(data.inputs)} images from the dataset: pixel values from 0 (dark) to 1 (bright). The network sees only these numbers.`, rows: [[0, 1].map((example) => ({ caption: `The ${data.classNames[example]}`, grid: channelGrid(data.inputs, example, 0) }))], cell: 30 },
    { name: 'filters', title: 'The filters', sentence: filterSentence, rows: [kernels], cell: 40 },
    {
      name: 'convolution',
      title: 'Feature maps after the convolution',
      sentence: `Each filter slides over the image and sums the products at every position, giving a ${shape(data.convolution)} map that is large where the image looks like the filter. The strongest response to the ${xName} is filter ${strongest[0].filter + 1} (${shortNumber(strongest[0].value)}), to the ${oName} filter ${strongest[1].filter + 1} (${shortNumber(strongest[1].value)}).`,
      rows: [0, 1].map((example) => maps(data, data.convolution, example, filters, 'Map')),
      cell: 24,
    },
    {
      name: 'activation',
      title: 'After ReLU',
      sentence: `ReLU keeps positive values and sets negative ones to 0, so only matches survive: it zeroed ${zeroed[0].zero} of ${zeroed[0].total} values for the ${xName} and ${zeroed[1].zero} of ${zeroed[1].total} for the ${oName}.`,
      rows: [0, 1].map((example) => maps(data, data.activation, example, filters, 'Map')),
      cell: 24,
    },
    {
      name: 'pooling',
      title: 'After max pooling',
      sentence: `Max pooling keeps the largest value of each 2×2 block: the ${shape(data.activation)} maps shrink to ${shape(data.pooling)}, and a stroke shifted by a pixel still gives about the same values.`,
      rows: [0, 1].map((example) => maps(data, data.pooling, example, filters, 'Pooled')),
      cell: 32,
    },
    { name: 'votes', title: 'The votes', sentence: votesSentence(data), rows: [], cell: 0 },
  ];
}

function votesSentence(data: TourData): string {
  const [xName, oName] = data.classNames;
  const verdict = (example: number) => {
    const p = data.probabilities.values.slice(example * 2, example * 2 + 2);
    const winner = p[0] >= p[1] ? 0 : 1;
    return `the ${data.classNames[example]} gets ${percent(p[winner])} ${data.classNames[winner]}`;
  };
  return `Every pooled value votes for ${xName} and for ${oName} through the last layer's weights; the votes add up to a score per class, and softmax turns the scores into probabilities: ${verdict(0)}, ${verdict(1)}.`;
}
