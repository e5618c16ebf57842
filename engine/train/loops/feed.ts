// Copies a batch from the data pipeline into the model's input and target buffers.
import type { Batch } from '../../data/index.ts';
import type { Model } from '../model.ts';

export function dataInputOf(model: Model): string {
  const document = model.compiled.document;
  const input = document.nodes.find((node) => node.type === 'Input' && node.params.kind !== 'noise' && model.compiled.inputs.has(node.id));
  if (input === undefined) throw new Error('The graph has no data Input.');
  return input.id;
}

export function feedBatch(model: Model, dataInput: string, batch: Batch): void {
  const input = model.input(dataInput).data;
  if (input.length !== batch.inputs.length) throw new Error(`The Input ${dataInput} holds ${input.length} values a batch, but the data gives ${batch.inputs.length}.`);
  input.set(batch.inputs);
  if (model.compiled.target === null) return;
  const target = model.target().data;
  if (target.length !== batch.targets.length) throw new Error(`The loss expects ${target.length} target values a batch, but the data gives ${batch.targets.length}.`);
  target.set(batch.targets);
}
