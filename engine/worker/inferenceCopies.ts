// What the Learn panel's generative labs share in the worker: inference copies of a run's trained
// parts (weights copied by name through model.read, so any backend serves), batched inference
// passes over many rows, and decoded outputs as images.
import type { BufferId, BufferSpec } from '../ir/index.ts';
import { stretchToUnit } from '../train/classifiedExamples.ts';
import type { Model } from '../train/model.ts';

/** Rows an inference copy runs at once. */
export const INFERENCE_BATCH = 128;

/** A recurrent layer's initial states have the run's batch size: they are not weights. */
const BATCH_STATES = new Set(['initialHidden', 'initialCell']);

/** A trained real-valued buffer: a parameter or a state (batch-norm statistics), never a batch-sized initial state or a random stream. */
function isWeight(buffer: BufferSpec): buffer is BufferSpec & { readonly name: string } {
  if ((buffer.role !== 'parameter' && buffer.role !== 'state') || buffer.aliasOf !== undefined || buffer.name === undefined) return false;
  return buffer.descriptor.dtype === 'f32' && !BATCH_STATES.has(buffer.name.split('/')[1] ?? '');
}

/**
 * Writes into `target` every weight `source` has under the same `node/name`. `strict`: `target`
 * is the same graph, so a weight missing from `source` or of another size means the graph changed
 * since it trained (refused, saying so); otherwise `target` is a part (an encoder, a decoder) and
 * takes only the weights it shares.
 */
export async function copyWeights(source: Model, target: Model, strict = false): Promise<void> {
  const sources = new Map<string, BufferId>();
  for (const buffer of source.compiled.program.buffers) if (isWeight(buffer)) sources.set(buffer.name, buffer.id);
  for (const buffer of target.compiled.program.buffers) {
    if (!isWeight(buffer)) continue;
    const from = sources.get(buffer.name);
    const size = target.sizeOf(buffer.id);
    if (from === undefined || source.sizeOf(from) !== size) {
      if (!strict) continue;
      if (from === undefined) throw new Error(`The latest run has no ${buffer.name}: the graph changed since it trained. Train it again.`);
      throw new Error(`The latest run's ${buffer.name} holds ${source.sizeOf(from)} values, the graph now needs ${size}: it changed since it trained. Train it again.`);
    }
    target.write(buffer.id, (await source.read(from)).data);
  }
}

/**
 * Runs `model`'s inference pass over `rows` rows of `values` (rows × the input's row size, written
 * to `input` a batch at a time, the last batch padded with zeros); returns rows × the output's row size.
 */
export async function inferRows(model: Model, input: BufferId, output: BufferId, values: Float32Array, rows: number): Promise<Float32Array> {
  const batch = model.compiled.batchSize;
  const inputSize = model.sizeOf(input) / batch;
  const outputSize = model.sizeOf(output) / batch;
  const staging = new Float32Array(batch * inputSize);
  const result = new Float32Array(rows * outputSize);
  for (let start = 0; start < rows; start += batch) {
    const count = Math.min(batch, rows - start);
    staging.fill(0);
    staging.set(values.subarray(start * inputSize, (start + count) * inputSize));
    model.write(input, staging);
    model.forward('infer');
    const computed = (await model.read(output)).data;
    for (let i = 0; i < count * outputSize; i++) result[start * outputSize + i] = computed[i];
  }
  return result;
}

/** Images of rows × (height·width·channels) values, each stretched into [0, 1] when it leaves that range. */
export function imagesOf(values: Float32Array, dims: readonly number[], count: number): { count: number; height: number; width: number; channels: number; data: ArrayBuffer } {
  const [height, width, channels] = dims.length === 3 ? dims : dims.length === 2 ? [dims[0], dims[1], 1] : [1, dims[0] ?? 1, 1];
  const size = height * width * channels;
  const data = Float32Array.from(values.subarray(0, count * size));
  for (let image = 0; image < count; image++) stretchToUnit(data.subarray(image * size, (image + 1) * size));
  return { count, height, width, channels, data: data.buffer };
}

/** The smallest rectangle around (x, y) pairs, widened by `margin` of its size on each side (at least ±1 around a single point). */
export function boundsOf(points: Float32Array, margin = 0.1): { xMin: number; xMax: number; yMin: number; yMax: number } {
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let yMin = Number.POSITIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (!Number.isFinite(points[i]) || !Number.isFinite(points[i + 1])) continue;
    xMin = Math.min(xMin, points[i]);
    xMax = Math.max(xMax, points[i]);
    yMin = Math.min(yMin, points[i + 1]);
    yMax = Math.max(yMax, points[i + 1]);
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const padX = Math.max((xMax - xMin) * margin, 1e-3);
  const padY = Math.max((yMax - yMin) * margin, 1e-3);
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
}

/**
 * Inference copies for one run at a time: a new run's replace the last run's, whose buffers are
 * freed when their backend still serves (a backend the host replaced took its buffers with it).
 */
export class RunCache<Key extends object, Value> {
  private held: { readonly key: Key; readonly value: Value } | null = null;

  constructor(private readonly modelsOf: (value: Value) => readonly Model[]) {}

  get(key: Key, build: () => Value): Value {
    if (this.held !== null && this.held.key === key) return this.held.value;
    const fresh = build();
    const old = this.held === null ? [] : this.modelsOf(this.held.value);
    this.held = { key, value: fresh };
    const alive = new Set(this.modelsOf(fresh).map((model) => model.backend));
    for (const model of old) if (alive.has(model.backend)) model.dispose();
    return fresh;
  }
}
