// What a supervised run shows at the end of each epoch besides its metrics: reconstructions for
// autoencoders, generated text for language models, predicted against true series for forecasts.
import type { Batcher, Dataset } from '../../data/index.ts';
import { nextUniform, seedRandomState } from '../../ir/index.ts';
import type { EngineEvent, ImageGrid } from '../../protocol/index.ts';
import { Model } from '../model.ts';
import { feedBatch } from './feed.ts';

function grid(data: ArrayLike<number>, shape: readonly number[], count: number, transform: (value: number) => number): ImageGrid {
  const [, height, width, channels] = shape;
  const size = height * width * channels;
  const values = new Float32Array(count * size);
  for (let i = 0; i < values.length; i++) values[i] = Math.min(1, Math.max(0, transform(data[i])));
  return { count, height, width, channels, data: values.buffer };
}

/** How many fixed examples an autoencoder shows beside their reconstructions. */
export const RECONSTRUCTION_COUNT = 8;

/** Up to 8 fixed examples beside their reconstructions (image inputs only). */
export async function reconstructions(model: Model, dataInput: string, fixed: Batcher, epoch: number): Promise<EngineEvent | null> {
  const shape = model.shapeOf(model.inputBuffer(dataInput));
  if (shape.length !== 4 || model.compiled.prediction === null) return null;
  fixed.startEpoch(0);
  const batch = fixed.fill(0);
  feedBatch(model, dataInput, batch);
  model.forward('infer');
  const count = Math.min(RECONSTRUCTION_COUNT, batch.count);
  const logits = model.compiled.document.nodes.find((node) => node.id === model.compiled.lossNode)?.type === 'BCE';
  const output = await model.view(model.compiled.prediction);
  return {
    type: 'images',
    kind: 'reconstructions',
    epoch,
    inputs: grid(batch.inputs, shape, count, (value) => value),
    outputs: grid(output.data, shape, count, logits ? (value) => 1 / (1 + Math.exp(-value)) : (value) => value),
  };
}

/** Text from a character model: start from a window of the data and sample one token at a time. */
export async function generatedText(model: Model, sampler: Model, dataset: Dataset, epoch: number, temperature = 0.8, length = 160): Promise<EngineEvent | null> {
  const vocabulary = dataset.vocabulary;
  const prediction = sampler.compiled.prediction;
  if (vocabulary === undefined || dataset.inputs.kind !== 'token' || prediction === null) return null;
  sampler.writeParameters(await model.readParametersAsync());
  const input = sampler.inputBuffer([...sampler.compiled.inputs.keys()][0]);
  const window = Int32Array.from(dataset.inputs.values.subarray(0, sampler.sizeOf(input)));
  const random = seedRandomState(epoch + 1);
  let text = '';
  const classes = sampler.shapeOf(prediction).at(-1) as number;
  for (let produced = 0; produced < length; produced++) {
    sampler.write(input, window);
    sampler.forward('infer');
    const logits = (await sampler.view(prediction)).data;
    const next = sampleLogits(logits, logits.length - classes, classes, temperature, nextUniform(random));
    text += vocabulary[next] ?? '?';
    window.copyWithin(0, 1);
    window[window.length - 1] = next;
  }
  return { type: 'text', epoch, temperature, samples: [text] };
}

function sampleLogits(logits: ArrayLike<number>, offset: number, classes: number, temperature: number, draw: number): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classes; c++) largest = Math.max(largest, logits[offset + c]);
  const weights = Array.from({ length: classes }, (_, c) => Math.exp((logits[offset + c] - largest) / temperature));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = draw * total;
  for (let c = 0; c < classes; c++) {
    remaining -= weights[c];
    if (remaining <= 0) return c;
  }
  return classes - 1;
}

/** One-value forecasts over the first examples, in dataset order, against the truth. */
export async function predictedSeries(model: Model, dataInput: string, ordered: Batcher, epoch: number): Promise<EngineEvent | null> {
  if (model.compiled.target === null || model.sizeOf(model.compiled.prediction as number) !== ordered.batchSize) return null;
  const truth: number[] = [];
  const prediction: number[] = [];
  ordered.startEpoch(0);
  for (let index = 0; index < Math.min(ordered.batchesPerEpoch, 4); index++) {
    const batch = ordered.fill(index);
    feedBatch(model, dataInput, batch);
    model.forward('infer');
    const output = (await model.view(model.compiled.prediction as number)).data;
    for (let row = 0; row < batch.count; row++) {
      truth.push(batch.targets[row]);
      prediction.push(output[row]);
    }
  }
  return { type: 'series', epoch, truth, prediction };
}
