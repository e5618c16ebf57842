// From a graph, its data and the run's settings to a ready TaskLoop: split, batchers, model,
// optimizer. Problems a user can fix (too little data, a shape the data does not have) are
// reported as RunSetupError naming the node or field.
import { createBatcher, fitChosenNormalization, type Dataset } from '../data/index.ts';
import { analyzeGraph, formatShape, normalizationOf, tensorShape, type GraphDocument, type TrainingSettings } from '../graph/index.ts';
import { compileGraph } from '../compile/index.ts';
import { splitIndices, spreadFirst } from '../data/index.ts';
import type { RunSettings } from '../protocol/index.ts';
import type { Backend } from '../backends/index.ts';
import { SupervisedTask } from './loops/supervisedTask.ts';
import type { TaskLoop } from './loops/taskLoop.ts';
import { Model } from './model.ts';
import { Trainer } from './trainer.ts';
import { RECONSTRUCTION_COUNT } from './loops/extras.ts';
import { checkDataFitsGraph } from './dataFit.ts';
import { checkMemoryBudget, datasetMemory, DEFAULT_MEMORY_LIMIT } from './memoryBudget.ts';
import { RunSetupError } from './runSetupError.ts';

export { RunSetupError };

/** The graph's training settings with the run's overrides applied. */
export function effectiveSettings(document: GraphDocument, overrides: RunSettings = {}): TrainingSettings {
  const training = document.training;
  return {
    ...training,
    batchSize: overrides.batchSize ?? training.batchSize,
    epochs: overrides.epochs ?? training.epochs,
    seed: overrides.seed ?? training.seed,
    validationSplit: overrides.validationSplit ?? training.validationSplit,
    optimizer: { ...training.optimizer, learningRate: overrides.learningRate ?? training.optimizer.learningRate },
  };
}

export interface PreparedRun {
  readonly loop: TaskLoop;
  readonly settings: TrainingSettings;
}

export function prepareSupervised(document: GraphDocument, dataset: Dataset, overrides: RunSettings = {}, backend?: Backend): PreparedRun {
  const settings = effectiveSettings(document, overrides);
  const runDocument = { ...document, training: settings };
  const { batchSize, seed } = settings;
  const split = splitIndices(dataset.count, settings.validationSplit, seed);
  if (split.train.length < batchSize) {
    throw new RunSetupError(`The data has ${split.train.length} training examples, fewer than one batch of ${batchSize}. Lower the batch size or the validation split.`, undefined, 'training.batchSize');
  }
  // The data must fit the graph before the graph compiles, and the compiled graph the memory budget before its buffers are allocated.
  checkDataFitsGraph(runDocument, dataset);
  const input = checkInputShape(runDocument, dataset);
  const compiled = compileGraph(runDocument, { batchSize, seed });
  checkMemoryBudget([compiled], { limit: overrides.memoryLimit ?? DEFAULT_MEMORY_LIMIT, backend }, datasetMemory(dataset, input));
  const model = new Model(compiled, { backend });
  // The document's normalization, fitted on the training split only, applies to every batch the model sees.
  const normalization = fitChosenNormalization(document.dataset === undefined ? 'none' : normalizationOf(document.dataset), dataset, split.train);
  const train = createBatcher(dataset, { batchSize, indices: split.train, seed, normalization });
  const validation = split.validation.length > 0 ? createBatcher(dataset, { batchSize, indices: split.validation, shuffle: false, remainder: 'pad', normalization }) : null;
  const shown = split.validation.length > 0 ? split.validation : split.train;
  // Reconstructions show examples from across the data; forecasts need them in dataset order.
  const fixedIndices = settings.task === 'autoencode' ? spreadFirst(shown, RECONSTRUCTION_COUNT) : shown;
  const fixed = createBatcher(dataset, { batchSize, indices: fixedIndices, shuffle: false, remainder: 'pad', normalization });
  const classes = dataset.targets.kind === 'class' ? dataset.targets.classNames.length : null;
  const trainer = new Trainer(model, settings, settings.epochs * train.batchesPerEpoch);
  return { loop: new SupervisedTask({ model, trainer, dataset, train, validation, fixed, classes, temperature: overrides.temperature }), settings };
}

/** The data Input's id, once its shape is the data's (from shape inference, before anything compiles). */
export function checkInputShape(document: GraphDocument, dataset: Dataset): string {
  const input = document.nodes.find((node) => node.type === 'Input' && node.params.kind !== 'noise');
  if (input === undefined) throw new RunSetupError('The graph has no data Input: add an Input node for the data.');
  const shape = analyzeGraph(document).nodeShapes.get(input.id);
  if (shape === undefined) throw new RunSetupError(`The shape of Input ${input.id} is unknown: fix the graph's problems first.`, input.id);
  const dims = shape.dims;
  const same = dims.length === dataset.inputDims.length && dims.every((size, axis) => size === dataset.inputDims[axis]);
  if (!same) {
    throw new RunSetupError(`The data "${dataset.name}" has examples of ${formatShape(tensorShape(dataset.inputDims))}, but Input ${input.id} expects ${formatShape(tensorShape(dims))}. Set the Input to the data's shape.`, input.id);
  }
  return input.id;
}
