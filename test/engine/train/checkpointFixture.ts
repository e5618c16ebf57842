// A small trained model and its checkpoint, and helpers that rewrite a checkpoint's header or
// version while keeping its checksum right (so the header checks, not the checksum, are tested).
import { GRAPH_FORMAT, TrainingSchema } from '../../../engine/graph/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { readCheckpointHeader, saveCheckpoint } from '../../../engine/train/checkpoint.ts';
import { crc32 } from '../../../engine/train/crc32.ts';

export function smallDocument(units = 3) {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
  return {
    format: GRAPH_FORMAT,
    version: 1,
    nodes: [node('x', 'Input', { kind: 'vector', features: 2 }), node('dense', 'Dense', { units }), node('drop', 'Dropout', { rate: 0.5 }), node('out', 'Dense', { units: 2 }), node('loss', 'SoftmaxCrossEntropy')],
    edges: ['x-dense', 'dense-drop', 'drop-out', 'out-loss'].map((id) => ({ id, source: id.split('-')[0], target: id.split('-')[1] })),
    training: { task: 'classify', optimizer: { type: 'adam', learningRate: 0.01 } },
  };
}

/** A fresh (untrained) model and trainer of the small graph. */
export function smallRun(units = 3) {
  const document = smallDocument(units);
  const model = Model.compile(document, { batchSize: 2 });
  return { model, trainer: new Trainer(model, TrainingSchema.parse(document.training), 100) };
}

/** The small graph trained for `steps` steps, and its checkpoint. */
export function smallCheckpoint(steps = 3) {
  const run = smallRun();
  run.model.input('x').data.set([0.5, -1, 2, 0.25]);
  run.model.target().data.set([0, 1]);
  for (let step = 0; step < steps; step++) run.trainer.trainStep();
  const bytes = saveCheckpoint([run.model], [run.trainer], { graph: 'small', batchSize: 2, epoch: 1, index: 1, steps });
  return { ...run, bytes };
}

/** The checkpoint with its header replaced by `header` (any JSON text), padded and checksummed again. */
export function withHeaderText(bytes: Uint8Array, text: string): Uint8Array {
  const { dataStart } = readCheckpointHeader(bytes);
  const padded = text + ' '.repeat((4 - (new TextEncoder().encode(text).length % 4)) % 4);
  const header = new TextEncoder().encode(padded);
  const data = bytes.subarray(dataStart, bytes.length - 4);
  const result = new Uint8Array(12 + header.length + data.length + 4);
  result.set(bytes.subarray(0, 8));
  new DataView(result.buffer).setUint32(8, header.length, true);
  result.set(header, 12);
  result.set(data, 12 + header.length);
  return checksummed(result);
}

/** The checkpoint with the header `edit` returns for its parsed header. */
export function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => unknown): Uint8Array {
  const header = JSON.parse(JSON.stringify(readCheckpointHeader(bytes).header)) as Record<string, unknown>;
  return withHeaderText(bytes, JSON.stringify(edit(header)));
}

/** Writes the CRC-32 of all but the last 4 bytes into the last 4. */
export function checksummed(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
  return bytes;
}

/** The same checkpoint in format version 1: "NLCK", version 1, no checksum. */
export function asVersion1(bytes: Uint8Array): Uint8Array {
  const result = bytes.slice(0, bytes.length - 4);
  result.set(new TextEncoder().encode('NLCK'));
  new DataView(result.buffer).setUint32(4, 1, true);
  return result;
}
