// Netloom training on the WebGPU backend for the benchmark: the training benchmark's models
// (bench/training/models.ts) compiled on a backend, stepped with Trainer.advance() (no readback),
// the loss read every `readEvery` steps and after the last, so that a trial's time covers all of
// its GPU work. The same seeded model on the wasm backend gives the losses WebGPU must match.
import type { Backend } from '../../engine/backends/backend.ts';
import { nextUniform, seedRandomState } from '../../engine/ir/index.ts';
import { Model, Trainer } from '../../engine/index.ts';
import { createBenchModel } from '../training/netloom.ts';
import { modelGraph, type ModelSpec } from '../training/models.ts';

export interface GpuModel {
  readonly model: Model;
  readonly trainer: Trainer;
  readonly loss: number;
}

export interface GpuTrial {
  readonly steps: number;
  readonly seconds: number;
  /** The losses read during the trial, in order (the last is after the last step). */
  readonly losses: readonly number[];
}

/** Seeded uniform [0, 1) inputs and labels below `classes`, the same on every backend. */
function writeBatch(model: Model, spec: ModelSpec): void {
  const random = seedRandomState(2024);
  const input = model.inputBuffer('n0');
  const inputCount = model.compiled.program.buffers.find((buffer) => buffer.id === input)?.descriptor.shape.reduce((product, size) => product * size, 1) ?? 0;
  model.write(input, Float32Array.from({ length: inputCount }, () => nextUniform(random)));
  model.write(model.targetBuffer(), Int32Array.from({ length: spec.batchSize }, () => Math.floor(nextUniform(random) * spec.classes)));
}

/** The model of `spec` on `backend` with its batch written; nothing run yet. */
export function prepareGpuModel(spec: ModelSpec, backend: Backend): GpuModel {
  const model = createBenchModel(modelGraph(spec), backend);
  writeBatch(model, spec);
  const trainer = new Trainer(model, model.compiled.document.training, Number.MAX_SAFE_INTEGER);
  if (model.compiled.loss === null) throw new Error(`The benchmark model ${spec.label} has no loss head.`);
  return { model, trainer, loss: model.compiled.loss };
}

async function readLoss(prepared: GpuModel): Promise<number> {
  return (await prepared.model.read(prepared.loss)).data[0];
}

/** The losses of the next `steps` steps, each read after its step. */
export async function stepLosses(prepared: GpuModel, steps: number): Promise<number[]> {
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    prepared.trainer.advance();
    losses.push(await readLoss(prepared));
  }
  return losses;
}

/** Trains for at least `seconds` (and at least one step), reading the loss every `readEvery` steps and after the last. */
export async function gpuTrial(prepared: GpuModel, seconds: number, readEvery: number): Promise<GpuTrial> {
  const losses: number[] = [];
  const start = performance.now();
  let steps = 0;
  do {
    prepared.trainer.advance();
    steps++;
    if (steps % readEvery === 0) losses.push(await readLoss(prepared));
  } while (performance.now() - start < seconds * 1000);
  if (steps % readEvery !== 0) losses.push(await readLoss(prepared));
  return { steps, seconds: (performance.now() - start) / 1000, losses };
}

/** The largest difference, relative to max(1, |reference|), between two runs' losses. */
export function lossDifference(losses: readonly number[], reference: readonly number[]): number {
  return losses.reduce((largest, loss, index) => Math.max(largest, Math.abs(loss - reference[index]) / Math.max(1, Math.abs(reference[index]))), 0);
}
