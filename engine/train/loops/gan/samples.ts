// Noise, generated examples and what a GAN shows at the end of an epoch: a grid of samples from
// fixed noise for images, generated beside real points for 2-D data. Generated values are mapped
// back from the range training scaled the data to, so they compare with the data as it is.
import { allIndices, fitNormalization, inputValue, type Dataset, type Normalization } from '../../../data/index.ts';
import type { GraphDocument } from '../../../graph/index.ts';
import { nextNormal, type RandomState } from '../../../ir/index.ts';
import type { EngineEvent } from '../../../protocol/index.ts';
import type { Model } from '../../model.ts';

/** Samples in an image grid. */
export const IMAGE_SAMPLES = 16;
/** Generated (and real) points in a scatter of 2-D data. */
export const POINT_SAMPLES = 512;

/** Fills `values` with standard normal draws. */
export function fillNormal(values: Float32Array | Float64Array | Int32Array, random: RandomState): void {
  for (let i = 0; i < values.length; i++) values[i] = nextNormal(random);
}

/** Where the generator's inputs and outputs are in a generator model. */
export interface GeneratorPorts {
  readonly model: Model;
  readonly noiseInput: string;
  readonly output: string;
}

/**
 * Runs the generator (inference mode) on `count` rows of `noise` (count × noise size), a batch
 * at a time; returns count × example size values in the training range.
 */
export async function generate(ports: GeneratorPorts, noise: Float32Array, count: number): Promise<Float32Array> {
  const input = ports.model.inputBuffer(ports.noiseInput);
  const batch = ports.model.compiled.batchSize;
  const staging = new Float32Array(ports.model.sizeOf(input));
  const noiseSize = staging.length / batch;
  let result: Float32Array | null = null;
  for (let start = 0; start < count; start += batch) {
    const rows = Math.min(batch, count - start);
    staging.fill(0);
    staging.set(noise.subarray(start * noiseSize, (start + rows) * noiseSize));
    ports.model.write(input, staging);
    ports.model.forward('infer');
    const output = (await ports.model.view(ports.model.outputBuffer(ports.output))).data;
    const size = output.length / batch;
    result ??= new Float32Array(count * size);
    result.set(output.subarray(0, rows * size), start * size);
  }
  return result ?? new Float32Array(0);
}

/**
 * The data scaled to the dataset reference's `options.range` ([low, high], e.g. [-1, 1] for a
 * Tanh generator), or undefined when the reference asks for none.
 */
export function rangeNormalization(document: GraphDocument, dataset: Dataset): Normalization | undefined {
  const options = document.dataset?.options;
  const range = options?.range;
  if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'number' || typeof range[1] !== 'number' || !(range[0] < range[1])) return undefined;
  const [low, high] = range;
  const unit = fitNormalization(dataset, { type: 'scale', range: 'unit' }, allIndices(dataset.count));
  const factor = unit.factor.map((value) => value * (high - low));
  const shift = unit.shift.map((value, group) => value - low / factor[group]);
  return { period: unit.period, shift, factor };
}

/** Maps normalized values back to the data's own range, in place. */
export function denormalize(values: Float32Array, normalization: Normalization | undefined): Float32Array {
  if (normalization === undefined) return values;
  const { period, shift, factor } = normalization;
  for (let i = 0; i < values.length; i++) values[i] = values[i] / factor[i % period] + shift[i % period];
  return values;
}

/** The first `count` examples of a float or byte dataset, as the data has them. */
export function realExamples(dataset: Dataset, count: number): Float32Array {
  const size = dataset.inputDims.reduce((total, dim) => total * dim, 1);
  const values = new Float32Array(Math.min(count, dataset.count) * size);
  for (let i = 0; i < values.length; i++) values[i] = inputValue(dataset.inputs, i);
  return values;
}

/** An image grid of samples (H×W×C examples), or points beside real ones (2-D examples); else null. */
export function sampleEvent(generated: Float32Array, count: number, dims: readonly number[], epoch: number, real: Float32Array | null): EngineEvent | null {
  if (dims.length === 3) {
    const [height, width, channels] = dims;
    const data = generated.map((value) => Math.min(1, Math.max(0, value)));
    return { type: 'images', kind: 'samples', epoch, outputs: { count, height, width, channels, data: data.buffer } };
  }
  if (dims.length === 1 && dims[0] === 2) {
    return { type: 'points', epoch, count, generated: generated.slice().buffer, real: real === null ? undefined : real.slice(0, count * 2).buffer };
  }
  return null;
}
