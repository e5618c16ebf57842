// Runs rows of an array through a trained model, a batch at a time, and returns what the model
// predicts: class probabilities, values, or probabilities of a yes.
import type { NpyArray } from '../data/index.ts';
import type { Model } from '../train/model.ts';
import { UsageError } from './loadGraph.ts';

export function predictRows(model: Model, input: NpyArray, file: string): { values: Float32Array; shape: number[]; meaning: string } {
  const inputId = [...model.compiled.inputs.keys()].find((id) => model.compiled.document.nodes.find((node) => node.id === id)?.params.kind !== 'noise') as string;
  const buffer = model.input(inputId);
  const [batch, ...dims] = buffer.shape;
  const rows = input.shape[0] ?? 0;
  const size = dims.reduce((product, size) => product * size, 1);
  if (input.shape.length - 1 !== dims.length || input.shape.slice(1).some((size, axis) => size !== dims[axis])) {
    throw new UsageError(`${file} holds rows of ${input.shape.slice(1).join('×') || 'scalars'}, but Input ${inputId} takes ${dims.join('×')}: give an array of shape [N, ${dims.join(', ')}].`);
  }
  const head = model.compiled.document.nodes.find((node) => node.id === model.compiled.lossNode)?.type;
  const prediction = model.tensor(model.compiled.prediction as number);
  const perRow = prediction.data.length / batch;
  const values = new Float32Array(rows * perRow);
  for (let start = 0; start < rows; start += batch) {
    const count = Math.min(batch, rows - start);
    buffer.data.fill(0);
    for (let i = 0; i < count * size; i++) buffer.data[i] = input.values[start * size + i];
    model.forward('infer');
    const source = head === 'SoftmaxCrossEntropy' ? model.tensor(model.compiled.probabilities as number).data : prediction.data;
    for (let i = 0; i < count * perRow; i++) values[start * perRow + i] = head === 'BCE' ? 1 / (1 + Math.exp(-source[i])) : source[i];
  }
  const meaning = head === 'SoftmaxCrossEntropy' ? 'class probabilities' : head === 'BCE' ? 'probabilities of a 1' : 'predicted values';
  return { values, shape: [rows, ...prediction.shape.slice(1)], meaning };
}
