// Inference on chosen dataset examples for the Learn panel (the X-vs-O tour, the convolution lab in
// the user's network): a model of the graph with one row per example, on the reference backend so
// the run's own buffers are never touched, holding the run's weights (read with `read`, which
// works on every backend) or the graph's seeded initial ones, fed the examples normalized as
// training feeds them.
import { applyNormalization, documentNormalization, inputSize, inputValue, loadDataset, type Dataset, type LoadContext, type Normalization } from '../data/index.ts';
import { analyzeGraph, hasErrors, type DatasetReference, type GraphDocument } from '../graph/index.ts';
import { compileGraph } from '../compile/index.ts';
import type { ExampleChoice, InferredExample } from '../protocol/index.ts';
import { dataInputOf } from '../train/loops/feed.ts';
import { Model } from '../train/model.ts';
import type { TrainingRun } from '../train/run.ts';
import { RunSetupError } from '../train/setup.ts';
import { copyWeights } from './inferenceCopies.ts';

/** The most examples one request may run. */
export const INFERENCE_LIMIT = 16;

interface PreparedData {
  readonly key: string;
  readonly dataset: Dataset;
  readonly normalization: Normalization | undefined;
}

/** The last dataset loaded for the labs (a lab asks again and again for the same one). */
let cached: PreparedData | null = null;

/** The graph, checked: errors refuse it with the first one's message. */
export function learnDocument(input: unknown): GraphDocument {
  const analysis = analyzeGraph(input);
  const error = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (analysis.document === null || hasErrors(analysis)) throw new RunSetupError(`The graph has a problem: ${error?.message ?? 'it is not a graph document'} Fix it, then open the lab again.`, error?.nodeId, error?.field);
  if (analysis.document.training.task === 'gan') throw new RunSetupError('The labs run one model on dataset examples; a GAN has two: open a classifier or an autoencoder.');
  return analysis.document;
}

export async function preparedData(document: GraphDocument, load: Omit<LoadContext, 'onProgress'>): Promise<PreparedData> {
  const reference: DatasetReference | undefined = document.dataset;
  if (reference === undefined) throw new RunSetupError('The graph names no dataset to take examples from: choose one in the Dataset panel.', undefined, 'dataset');
  const key = JSON.stringify([reference, document.training.validationSplit, document.training.seed]);
  if (cached?.key === key) return cached;
  const dataset = await loadDataset(reference, load);
  cached = { key, dataset, normalization: documentNormalization(document, dataset) };
  return cached;
}

/** The dataset index of a choice: checked, or the nth example of a class. */
export function resolveExample(dataset: Dataset, choice: ExampleChoice): number {
  if ('index' in choice) {
    if (!Number.isInteger(choice.index) || choice.index < 0 || choice.index >= dataset.count) throw new RangeError(`Example ${choice.index} is not in ${dataset.name}: it holds examples 0 to ${dataset.count - 1}.`);
    return choice.index;
  }
  if (dataset.targets.kind !== 'class') throw new RangeError(`${dataset.name} has no classes to choose an example by: choose one by its index.`);
  const wanted = choice.nth ?? 0;
  let seen = 0;
  for (let index = 0; index < dataset.count; index++) {
    if (dataset.targets.values[index] !== choice.label) continue;
    if (seen === wanted) return index;
    seen++;
  }
  throw new RangeError(`${dataset.name} has ${seen} examples of class ${dataset.targets.classNames[choice.label] ?? choice.label}, so there is no example ${wanted + 1} of it.`);
}

/** The examples' inputs one after another, normalized as training's batches are. */
export function exampleInputs(data: PreparedData, indices: readonly number[]): Float32Array {
  const size = inputSize(data.dataset);
  const values = new Float32Array(indices.length * size);
  indices.forEach((example, row) => {
    for (let i = 0; i < size; i++) values[row * size + i] = inputValue(data.dataset.inputs, example * size + i);
  });
  if (data.normalization !== undefined) applyNormalization(values, data.normalization);
  return values;
}

export function describeExamples(dataset: Dataset, indices: readonly number[]): InferredExample[] {
  const targets = dataset.targets;
  if (targets.kind !== 'class') return indices.map((index) => ({ index }));
  return indices.map((index) => ({ index, label: targets.values[index], className: targets.classNames[targets.values[index]] }));
}

/** Copies the run's parameters and float state into `model` by name; answers the run's step count. */
export async function copyRunWeights(run: TrainingRun | null, model: Model): Promise<number> {
  if (run === null) throw new Error('There is no run of this graph in the engine: train it first (or look at its initial weights).');
  if (run.loop.models.length !== 1) throw new Error('The latest run is a GAN: train this graph first.');
  await copyWeights(run.loop.models[0], model, true);
  return run.steps;
}

/** A model of the graph for `rows` examples with its seeded initial weights (as Train starts them). */
export function inferenceModel(document: GraphDocument, rows: number): Model {
  if (rows < 1 || rows > INFERENCE_LIMIT) throw new RangeError(`Ask for 1 to ${INFERENCE_LIMIT} examples at a time, not ${rows}.`);
  return new Model(compileGraph(document, { batchSize: rows, seed: document.training.seed }));
}

/** Feeds the examples and runs the forward pass without dropout, with batch norm's running statistics. */
export function runExamples(model: Model, inputs: Float32Array): void {
  model.write(model.inputBuffer(dataInputOf(model)), inputs);
  model.forward('infer');
}
