// The latent lab's requests: an autoencoder's codes of held-out examples (as they are, for a
// 2-value code; else projected on their two principal axes), and decoded points of that plane or
// of the straight line between two examples' codes. Inference copies of the run's model, weights
// refreshed when the run has stepped since.
import type { Batcher, Dataset } from '../data/index.ts';
import type { EngineEvent, LatentProjection, LearnGenerativeRequest } from '../protocol/index.ts';
import { SupervisedTask } from '../train/loops/supervisedTask.ts';
import type { TaskLoop } from '../train/loops/taskLoop.ts';
import type { TrainingRun } from '../train/run.ts';
import { buildLatentModels, type LatentModels } from './latentModels.ts';
import { boundsOf, copyWeights, imagesOf, inferRows, RunCache } from './inferenceCopies.ts';
import { principalAxes, project, unproject } from './pca.ts';

/** The most codes one answer carries, and the most points decoded at once. */
export const MAX_LATENT_CODES = 2000;
export const MAX_DECODED = 64;

type LatentRequest = Extract<LearnGenerativeRequest, { type: 'latentCodes' | 'decodeLatent' | 'interpolateLatent' }>;

interface LatentState {
  readonly models: LatentModels;
  /** The run's step count the weights were copied at. */
  steps: number;
  /** The last answer's codes by dataset index. */
  codes: Map<number, Float32Array>;
}

const states = new RunCache<TaskLoop, LatentState>((state) => [state.models.encoder, state.models.decoder]);

async function stateFor(run: TrainingRun | null): Promise<{ state: LatentState; task: SupervisedTask }> {
  const task = run?.loop;
  if (run === null || task === undefined || !(task instanceof SupervisedTask)) throw new Error('The latent lab reads a trained autoencoder: press Train on an autoencoder graph first.');
  const state = states.get(task, () => ({ models: buildLatentModels(task.parts.model.compiled.document, task.parts.model.backend), steps: -1, codes: new Map() }));
  if (state.steps !== run.steps) {
    await copyWeights(task.parts.model, state.models.encoder);
    await copyWeights(task.parts.model, state.models.decoder);
    state.steps = run.steps;
  }
  return { state, task };
}

/** `count` examples spread evenly over those the batcher gives (normalized as training sees them; a set may be sorted by class), with their dataset indices. */
function heldOutExamples(batcher: Batcher, count: number): { inputs: Float32Array; indices: number[] } {
  batcher.startEpoch(0);
  const size = batcher.batch.inputs.length / batcher.batchSize;
  const all: { input: Float32Array; index: number }[] = [];
  for (let index = 0; index < batcher.batchesPerEpoch; index++) {
    const batch = batcher.fill(index);
    for (let row = 0; row < batch.count; row++) all.push({ input: Float32Array.from(batch.inputs.subarray(row * size, (row + 1) * size)), index: batch.indices[row] });
  }
  const taken = Math.min(count, all.length);
  const chosen = Array.from({ length: taken }, (_, k) => all[Math.floor((k * all.length) / taken)]);
  const inputs = new Float32Array(taken * size);
  chosen.forEach((example, row) => inputs.set(example.input, row * size));
  return { inputs, indices: chosen.map((example) => example.index) };
}

function labelsOf(dataset: Dataset, indices: readonly number[]): { labels: number[]; classNames: readonly string[] } {
  const targets = dataset.targets;
  if (targets.kind !== 'class' || dataset.targetDims.length > 0) return { labels: indices.map(() => -1), classNames: [] };
  return { labels: indices.map((index) => targets.values[index]), classNames: targets.classNames };
}

async function latentCodes(run: TrainingRun | null, requestId: number, count: number): Promise<EngineEvent> {
  const { state, task } = await stateFor(run);
  const { models } = state;
  const examples = heldOutExamples(task.parts.validation ?? task.parts.fixed, Math.max(1, Math.min(MAX_LATENT_CODES, Math.floor(count))));
  const rows = examples.indices.length;
  const codes = await inferRows(models.encoder, models.encoder.inputBuffer(models.dataInput), models.encoder.outputBuffer(models.codeNode), examples.inputs, rows);
  state.codes = new Map(examples.indices.map((index, row) => [index, codes.slice(row * models.codeSize, (row + 1) * models.codeSize)]));
  const projection = models.codeSize === 2 ? null : principalAxes(codes, rows, models.codeSize);
  const points = projection === null ? codes : project(codes, rows, projection);
  const { labels, classNames } = labelsOf(task.parts.dataset, examples.indices);
  return { type: 'latent', requestId, step: run?.steps ?? 0, codeSize: models.codeSize, count: rows, points: points.buffer as ArrayBuffer, labels, classNames, indices: examples.indices, projection, bounds: boundsOf(points) };
}

function codesOfPoints(models: LatentModels, points: readonly number[], projection: LatentProjection | undefined): Float32Array {
  if (models.codeSize === 2) return Float32Array.from(points);
  if (projection === undefined || projection.mean.length !== models.codeSize) throw new Error(`The code has ${models.codeSize} values: a point of the plane decodes through the projection the latent codes came with; ask for the codes again.`);
  return unproject(points, projection);
}

async function decode(models: LatentModels, codes: Float32Array, rows: number): Promise<ReturnType<typeof imagesOf>> {
  const output = await inferRows(models.decoder, models.decoder.inputBuffer(models.latentInput), models.decoder.outputBuffer(models.outputNode), codes, rows);
  return imagesOf(output, models.outputDims, rows);
}

async function decodePoints(run: TrainingRun | null, requestId: number, points: readonly number[], projection: LatentProjection | undefined): Promise<EngineEvent> {
  const { state } = await stateFor(run);
  const rows = Math.min(MAX_DECODED, Math.floor(points.length / 2));
  const plane = Float32Array.from(points.slice(0, rows * 2));
  const images = await decode(state.models, codesOfPoints(state.models, [...plane], projection), rows);
  return { type: 'decoded', requestId, images, points: plane.buffer as ArrayBuffer };
}

async function interpolate(run: TrainingRun | null, request: Extract<LatentRequest, { type: 'interpolateLatent' }>): Promise<EngineEvent> {
  const { state } = await stateFor(run);
  const { models } = state;
  const [from, to] = [state.codes.get(request.from), state.codes.get(request.to)];
  if (from === undefined || to === undefined) throw new Error(`Examples ${request.from} and ${request.to} are not among the latent codes shown: ask for the codes again, then pick two of them.`);
  const steps = Math.max(2, Math.min(MAX_DECODED, Math.floor(request.steps)));
  const codes = new Float32Array(steps * models.codeSize);
  for (let step = 0; step < steps; step++) {
    const t = step / (steps - 1);
    for (let i = 0; i < models.codeSize; i++) codes[step * models.codeSize + i] = (1 - t) * from[i] + t * to[i];
  }
  const points = models.codeSize === 2 ? codes.slice() : request.projection === undefined ? new Float32Array(steps * 2) : project(codes, steps, request.projection);
  return { type: 'decoded', requestId: request.requestId, images: await decode(models, codes, steps), points: points.buffer as ArrayBuffer };
}

/** Answers a latent lab request about the run's autoencoder. */
export function answerLatent(run: TrainingRun | null, request: LatentRequest): Promise<EngineEvent> {
  if (request.type === 'latentCodes') return latentCodes(run, request.requestId, request.count);
  if (request.type === 'decodeLatent') return decodePoints(run, request.requestId, request.points, request.projection);
  return interpolate(run, request);
}
