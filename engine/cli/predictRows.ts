// Runs rows of an array through a trained model, a batch at a time, and returns what the model
// predicts: class probabilities, values, or probabilities of a yes.
import type { NpyArray } from '../data/index.ts';
import type { Model } from '../train/model.ts';
import { UsageError } from './loadGraph.ts';

export async function predictRows(model: Model, input: NpyArray, file: string): Promise<{ values: Float32Array; shape: number[]; meaning: string }> {
  const inputId = [...model.compiled.inputs.keys()].find((id) => model.compiled.document.nodes.find((node) => node.id === id)?.params.kind !== 'noise') as string;
  const buffer = model.inputBuffer(inputId);
  const [batch, ...dims] = model.shapeOf(buffer);
  const rows = input.shape[0] ?? 0;
  const size = dims.reduce((product, size) => product * size, 1);
  if (input.shape.length - 1 !== dims.length || input.shape.slice(1).some((size, axis) => size !== dims[axis])) {
    throw new UsageError(`${file} holds rows of ${input.shape.slice(1).join('×') || 'scalars'}, but Input ${inputId} takes ${dims.join('×')}: give an array of shape [N, ${dims.join(', ')}].`);
  }
  const head = model.compiled.document.nodes.find((node) => node.id === model.compiled.lossNode)?.type;
  const prediction = model.compiled.prediction as number;
  const scores = head === 'SoftmaxCrossEntropy' ? (model.compiled.probabilities as number) : prediction;
  const predictionShape = model.shapeOf(prediction);
  const perRow = model.sizeOf(prediction) / batch;
  const values = new Float32Array(rows * perRow);
  const staging = new Float32Array(batch * size);
  for (let start = 0; start < rows; start += batch) {
    const count = Math.min(batch, rows - start);
    staging.fill(0);
    for (let i = 0; i < count * size; i++) staging[i] = input.values[start * size + i];
    model.write(buffer, staging);
    model.forward('infer');
    const source = (await model.view(scores)).data;
    for (let i = 0; i < count * perRow; i++) values[start * perRow + i] = head === 'BCE' ? 1 / (1 + Math.exp(-source[i])) : source[i];
  }
  const meaning = head === 'SoftmaxCrossEntropy' ? 'class probabilities' : head === 'BCE' ? 'probabilities of a 1' : 'predicted values';
  return { values, shape: [rows, ...predictionShape.slice(1)], meaning };
}
