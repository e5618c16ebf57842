// Copies a batch from the data pipeline into the model's input and target buffers.
import type { Batch } from '../../data/index.ts';
import { nextNormal, type RandomState } from '../../ir/index.ts';
import type { Model } from '../model.ts';

export function dataInputOf(model: Model): string {
  const document = model.compiled.document;
  const input = document.nodes.find((node) => node.type === 'Input' && node.params.kind !== 'noise' && model.compiled.inputs.has(node.id));
  if (input === undefined) throw new Error('The graph has no data Input.');
  return input.id;
}

/** True when the model learns to rebuild its input (autoencoders). */
export function reconstructs(model: Model): boolean {
  return model.compiled.document.training.task === 'autoencode';
}

/** Writes a batch into the model's data Input and target buffers (through the backend seam). */
export function feedBatch(model: Model, dataInput: string, batch: Batch, inputs: ArrayLike<number> = batch.inputs): void {
  const input = model.inputBuffer(dataInput);
  const size = model.sizeOf(input);
  if (size !== inputs.length) throw new Error(`The Input ${dataInput} holds ${size} values a batch, but the data gives ${inputs.length}.`);
  model.write(input, inputs);
  if (model.compiled.target === null) return;
  const target = model.targetBuffer();
  const source = reconstructs(model) ? batch.inputs : batch.targets;
  const wanted = model.sizeOf(target);
  if (wanted !== source.length) throw new Error(`The loss expects ${wanted} target values a batch, but the data gives ${source.length}.`);
  model.write(target, source);
}

/** Denoising autoencoders: the batch's inputs with Gaussian noise of this deviation (the target stays clean), rounded as the Input stores them. */
export function noisyInputs(inputs: ArrayLike<number>, deviation: number, random: RandomState, into: Float32Array): Float32Array {
  into.set(inputs);
  for (let i = 0; i < into.length; i++) into[i] += deviation * nextNormal(random);
  return into;
}
