// What the learning tests share: an example graph and its data (optionally its first N
// examples), a short training run that reports where validation started and ended, and the
// mean-image baseline an autoencoder has to beat.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../../../engine/backends/index.ts';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { inputValue, product, type Dataset } from '../../../engine/data/dataset.ts';
import { loadDataset, splitIndices } from '../../../engine/data/index.ts';
import { GraphDocumentSchema, type GraphDocument } from '../../../engine/graph/index.ts';
import type { RunSettings } from '../../../engine/protocol/index.ts';
import type { SupervisedTask } from '../../../engine/train/loops/supervisedTask.ts';
import { prepareSupervised } from '../../../engine/train/setup.ts';

export const root = join(import.meta.dirname, '../../..');

export function example(name: string): GraphDocument {
  return GraphDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'assets/examples', name), 'utf8')));
}

export function loadExampleData(document: GraphDocument): Promise<Dataset> {
  if (document.dataset === undefined) throw new Error(`${document.metadata.name} names no dataset`);
  return loadDataset(document.dataset, { files: createNodeFileSource(root), mnistPath: 'build/data/mnist.bin' });
}

/** The first `count` examples of a dataset (its order is kept; use it on shuffled files). */
export function firstExamples(dataset: Dataset, count: number): Dataset {
  const inputs = count * product(dataset.inputDims);
  const targets = count * product(dataset.targetDims);
  const slice = <Values extends { subarray(start: number, end: number): Values }>(values: Values, size: number) => values.subarray(0, size);
  return {
    ...dataset,
    count,
    inputs: { ...dataset.inputs, values: slice(dataset.inputs.values, inputs) } as Dataset['inputs'],
    targets: dataset.targets.kind === 'none' ? dataset.targets : ({ ...dataset.targets, values: slice(dataset.targets.values, targets) } as Dataset['targets']),
  };
}

export interface ShortRun {
  /** Validation metrics before the first step and after the last. */
  readonly before: Record<string, number>;
  readonly after: Record<string, number>;
  readonly steps: number;
  readonly seconds: number;
}

/**
 * With NETLOOM_LEARNING_REPORT=1 in the environment, prints what a learning run reached on which
 * backend and how long it took (for measuring backends; silent otherwise).
 */
export function reportLearning(what: string, backend: Backend, seconds: number, reached: Record<string, number>): void {
  if (process.env.NETLOOM_LEARNING_REPORT !== '1') return;
  const metrics = Object.entries(reached).map(([name, value]) => `${name} ${value.toPrecision(4)}`).join(', ');
  console.info(`[learning] ${what} on ${backend.name} ×${backend.threads}: ${seconds.toFixed(1)} s, ${metrics}`);
}

/** Trains `steps` steps (epoch after epoch as needed) on `backend` with the graph's own settings and the overrides. */
export async function trainSteps(backend: Backend, document: GraphDocument, dataset: Dataset, steps: number, overrides: RunSettings = {}): Promise<ShortRun> {
  const started = performance.now();
  const task = prepareSupervised(document, dataset, overrides, backend).loop as SupervisedTask;
  const before = (await task.loop.evaluate())?.metrics ?? {};
  for (let step = 0; step < steps; step++) {
    const index = step % task.stepsPerEpoch;
    if (index === 0) task.startEpoch(step / task.stepsPerEpoch);
    await (await task.step(index, true)).readings;
  }
  const after = (await task.loop.evaluate())?.metrics ?? {};
  const seconds = (performance.now() - started) / 1000;
  reportLearning(`${document.metadata.name} (${steps} steps)`, backend, seconds, after);
  return { before, after, steps, seconds };
}

/**
 * The validation MSE of a network that ignores its input and always outputs the mean training
 * image: the floor an autoencoder must clearly beat before it can be said to reconstruct anything.
 * The split is the one training uses (same fraction, same seed).
 */
export function meanImageError(dataset: Dataset, validationSplit: number, seed: number): number {
  const size = product(dataset.inputDims);
  const { train, validation } = splitIndices(dataset.count, validationSplit, seed);
  const mean = new Float64Array(size);
  for (const example of train) for (let pixel = 0; pixel < size; pixel++) mean[pixel] += inputValue(dataset.inputs, example * size + pixel);
  for (let pixel = 0; pixel < size; pixel++) mean[pixel] /= train.length;
  let sum = 0;
  for (const example of validation) for (let pixel = 0; pixel < size; pixel++) sum += (inputValue(dataset.inputs, example * size + pixel) - mean[pixel]) ** 2;
  return sum / (validation.length * size);
}
