// A classifier's validation examples under its current weights: every example's prediction in one
// inference pass, then the examples of one confusion cell (most confident first) or the most
// wrong ones (lowest probability of the true class first), with their inputs as images.
import { inputValue, type Batcher, type Dataset } from '../data/index.ts';
import type { ClassifiedExample, ExampleQuery, ImageGrid } from '../protocol/index.ts';
import { feedBatch } from './loops/feed.ts';
import type { Model } from './model.ts';

/** Every validation example's prediction, in the batcher's order. */
export interface ValidationPredictions {
  readonly examples: readonly ClassifiedExample[];
  readonly classes: number;
}

export interface ExampleAnswer {
  readonly total: number;
  readonly examples: readonly ClassifiedExample[];
}

/** Runs inference over the batcher's examples (a padded batcher: each counted once). */
export async function predictExamples(model: Model, dataInput: string, batcher: Batcher): Promise<ValidationPredictions> {
  const buffer = model.compiled.probabilities;
  if (buffer === null || model.compiled.target === null) throw new Error('Examples by class need a classifier ending in SoftmaxCrossEntropy.');
  const shape = model.shapeOf(buffer);
  const classes = shape[shape.length - 1];
  if (model.sizeOf(buffer) !== shape[0] * classes) throw new Error('Examples by class need one class per example, not one per time step.');
  const examples: ClassifiedExample[] = [];
  batcher.startEpoch(0);
  for (let index = 0; index < batcher.batchesPerEpoch; index++) {
    const batch = batcher.fill(index);
    feedBatch(model, dataInput, batch);
    model.forward('infer');
    const probabilities = await model.view(buffer);
    for (let row = 0; row < batch.count; row++) examples.push(classify(probabilities.data, row, classes, batch.indices[row], batch.targets[row]));
  }
  return { examples, classes };
}

function classify(probabilities: ArrayLike<number>, row: number, classes: number, index: number, truth: number): ClassifiedExample {
  const offset = row * classes;
  let predicted = 0;
  for (let c = 1; c < classes; c++) if (probabilities[offset + c] > probabilities[offset + predicted]) predicted = c;
  return { index, truth, predicted, confidence: probabilities[offset + predicted], truthProbability: probabilities[offset + truth] };
}

/** The examples a query selects, ordered, the first `limit` of them. Ties go to the lower dataset index. */
export function selectExamples(predictions: ValidationPredictions, query: ExampleQuery, limit: number): ExampleAnswer {
  const byIndex = (a: ClassifiedExample, b: ClassifiedExample) => a.index - b.index;
  let chosen: ClassifiedExample[];
  if (query.kind === 'cell') {
    const { truth, predicted } = query;
    if (![truth, predicted].every((value) => Number.isInteger(value) && value >= 0 && value < predictions.classes)) {
      throw new Error(`Classes are 0 to ${predictions.classes - 1}; there is no cell (${truth}, ${predicted}).`);
    }
    chosen = predictions.examples.filter((example) => example.truth === truth && example.predicted === predicted);
    chosen.sort((a, b) => b.confidence - a.confidence || byIndex(a, b));
  } else {
    chosen = [...predictions.examples].sort((a, b) => a.truthProbability - b.truthProbability || byIndex(a, b));
  }
  return { total: query.kind === 'cell' ? chosen.length : predictions.examples.length, examples: chosen.slice(0, Math.max(0, limit)) };
}

/**
 * The inputs of the given dataset examples as images (H × W × C inputs only): as they are when
 * every value lies in [0, 1], otherwise each image stretched to its own min and max.
 */
export function exampleImages(dataset: Dataset, indices: readonly number[]): ImageGrid | undefined {
  if (dataset.inputDims.length !== 3 || dataset.inputs.kind === 'token') return undefined;
  const [height, width, channels] = dataset.inputDims;
  const size = height * width * channels;
  const values = new Float32Array(indices.length * size);
  indices.forEach((example, image) => {
    for (let i = 0; i < size; i++) values[image * size + i] = inputValue(dataset.inputs, example * size + i);
    stretchToUnit(values.subarray(image * size, (image + 1) * size));
  });
  return { count: indices.length, height, width, channels, data: values.buffer };
}

/** Stretches an image's values into [0, 1] in place when they leave that range (a constant image turns mid-grey). */
export function stretchToUnit(image: Float32Array): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of image) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  if (min >= 0 && max <= 1) return;
  const range = max - min;
  for (let i = 0; i < image.length; i++) image[i] = range > 0 ? (image[i] - min) / range : 0.5;
}
