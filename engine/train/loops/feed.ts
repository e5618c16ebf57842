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

export function feedBatch(model: Model, dataInput: string, batch: Batch): void {
  const input = model.input(dataInput).data;
  if (input.length !== batch.inputs.length) throw new Error(`The Input ${dataInput} holds ${input.length} values a batch, but the data gives ${batch.inputs.length}.`);
  input.set(batch.inputs);
  if (model.compiled.target === null) return;
  const target = model.target().data;
  const source = reconstructs(model) ? batch.inputs : batch.targets;
  if (target.length !== source.length) throw new Error(`The loss expects ${target.length} target values a batch, but the data gives ${source.length}.`);
  target.set(source);
}

/** Denoising autoencoders: Gaussian noise of this deviation on the inputs only (the target stays clean). */
export function addInputNoise(model: Model, dataInput: string, deviation: number, random: RandomState): void {
  const input = model.input(dataInput).data;
  for (let i = 0; i < input.length; i++) input[i] += deviation * nextNormal(random);
}
