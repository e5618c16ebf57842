// Input normalization as one affine map per group of values: y = (x - shift[g]) × factor[g],
// with g = (position within the example) mod period. Period 1: one group for everything;
// period = channels: per channel (images are channels last); period = example size: per feature.
// Statistics come from the training indices only, so validation data does not leak into them.
// The Normalization is plain data: store it with a checkpoint and apply it to new inputs.
import { DataError } from './dataError.ts';
import { inputSize, type Dataset } from './dataset.ts';

export type NormalizationGroup = 'all' | 'channel' | 'feature';

export type NormalizationSpec =
  | { readonly type: 'none' }
  /** Min–max scaling to [0, 1] (`unit`) or [-1, 1] (`symmetric`). */
  | { readonly type: 'scale'; readonly range: 'unit' | 'symmetric'; readonly per?: NormalizationGroup }
  /** Zero mean, unit standard deviation. */
  | { readonly type: 'standardize'; readonly per?: NormalizationGroup };

export interface Normalization {
  readonly period: number;
  readonly shift: Float32Array;
  readonly factor: Float32Array;
}

function periodOf(dataset: Dataset, per: NormalizationGroup): number {
  if (per === 'all') return 1;
  if (per === 'feature') return inputSize(dataset);
  return dataset.inputDims[dataset.inputDims.length - 1];
}

interface Statistics {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly squares: Float64Array;
  readonly minimum: Float64Array;
  readonly maximum: Float64Array;
}

function gather(dataset: Dataset, indices: Int32Array, period: number): Statistics {
  const inputs = dataset.inputs;
  if (inputs.kind === 'token') throw new DataError({ file: dataset.name }, 'token ids cannot be normalized');
  const size = inputSize(dataset);
  const scale = inputs.kind === 'byte' ? inputs.scale : 1;
  const stats: Statistics = {
    count: new Float64Array(period),
    sum: new Float64Array(period),
    squares: new Float64Array(period),
    minimum: new Float64Array(period).fill(Infinity),
    maximum: new Float64Array(period).fill(-Infinity),
  };
  for (const example of indices) {
    const start = example * size;
    for (let position = 0; position < size; position++) {
      const value = inputs.values[start + position] * scale;
      const group = position % period;
      stats.count[group]++;
      stats.sum[group] += value;
      stats.squares[group] += value * value;
      if (value < stats.minimum[group]) stats.minimum[group] = value;
      if (value > stats.maximum[group]) stats.maximum[group] = value;
    }
  }
  return stats;
}

/** Fits the normalization to the examples at `indices` (the training split). */
export function fitNormalization(dataset: Dataset, spec: NormalizationSpec, indices: Int32Array): Normalization {
  if (spec.type === 'none') return { period: 1, shift: new Float32Array(1), factor: new Float32Array([1]) };
  const period = periodOf(dataset, spec.per ?? 'all');
  const stats = gather(dataset, indices, period);
  const shift = new Float32Array(period);
  const factor = new Float32Array(period);
  for (let group = 0; group < period; group++) {
    if (spec.type === 'standardize') {
      const mean = stats.count[group] > 0 ? stats.sum[group] / stats.count[group] : 0;
      const variance = stats.count[group] > 0 ? Math.max(0, stats.squares[group] / stats.count[group] - mean * mean) : 0;
      shift[group] = mean;
      factor[group] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 1;
    } else {
      const low = Number.isFinite(stats.minimum[group]) ? stats.minimum[group] : 0;
      const span = stats.maximum[group] - low;
      const width = span > 1e-12 ? span : 1;
      shift[group] = spec.range === 'unit' ? low : low + width / 2;
      factor[group] = spec.range === 'unit' ? 1 / width : 2 / width;
    }
  }
  return { period, shift, factor };
}

/** Normalizes values in place; `values` holds whole examples (or a batch of them). */
export function applyNormalization(values: Float32Array, normalization: Normalization, offset = 0, length = values.length): void {
  const { period, shift, factor } = normalization;
  for (let index = 0; index < length; index++) {
    const group = index % period;
    values[offset + index] = (values[offset + index] - shift[group]) * factor[group];
  }
}
