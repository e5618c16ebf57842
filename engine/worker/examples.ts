// Answers findExamples for the run's classifier: predictions over the validation set are computed
// once per training step count and reused by the next queries (a click per confusion cell).
import type { EngineEvent, ExampleQuery } from '../protocol/index.ts';
import { exampleImages, predictExamples, selectExamples, type ValidationPredictions } from '../train/classifiedExamples.ts';
import { SupervisedTask } from '../train/loops/supervisedTask.ts';
import type { TaskLoop } from '../train/loops/taskLoop.ts';

/** The most examples one answer carries. */
export const EXAMPLE_LIMIT = 64;

const cache = new WeakMap<TaskLoop, { readonly steps: number; readonly predictions: ValidationPredictions }>();

export async function findExamples(loop: TaskLoop, steps: number, requestId: number, query: ExampleQuery, limit = 32): Promise<Extract<EngineEvent, { type: 'examples' }>> {
  if (!(loop instanceof SupervisedTask) || loop.loop.kind !== 'classes') throw new Error('Examples by class need a classifier ending in SoftmaxCrossEntropy.');
  const { dataset, validation, model } = loop.parts;
  if (validation === null || dataset.targets.kind !== 'class') throw new Error('This run has no validation examples: set a validation split above 0 and train again.');
  let cached = cache.get(loop);
  if (cached === undefined || cached.steps !== steps) {
    cached = { steps, predictions: await predictExamples(model, loop.loop.dataInput, validation) };
    cache.set(loop, cached);
  }
  const answer = selectExamples(cached.predictions, query, Math.min(EXAMPLE_LIMIT, Math.max(0, Math.floor(limit))));
  const images = exampleImages(dataset, answer.examples.map((example) => example.index));
  return {
    type: 'examples',
    requestId,
    query,
    step: steps,
    total: answer.total,
    validationCount: cached.predictions.examples.length,
    examples: answer.examples,
    classNames: dataset.targets.classNames,
    images,
  };
}
