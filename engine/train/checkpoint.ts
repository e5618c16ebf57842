// Checkpoints: a run's weights, persistent state (batch-norm statistics, dropout generators) and
// optimizer state, with where the run was, in one binary file (format in docs/checkpoints.md):
//   bytes 0-3  "NLCK"
//   4-7        format version (uint32, little-endian), 1
//   8-11       header length in bytes (uint32)
//   12-        header: UTF-8 JSON (CheckpointHeader), padded with spaces to a multiple of 4
//   then       every tensor's values, little-endian float32 or int32, at header.tensors[i].offset
// Optimizer state lives in the model's buffers (role optimizerState) but keeps its version-1 names,
// so files saved before the optimizer became kernel calls still load and resume bit for bit.
import type { BufferId, BufferRole } from '../ir/index.ts';
import type { Model } from './model.ts';
import type { Trainer } from './trainer.ts';

export const CHECKPOINT_MAGIC = 'NLCK';
export const CHECKPOINT_VERSION = 1;

export interface CheckpointTensor {
  /** `m<model>/<buffer name>` for weights and state, `m<model>/optimizer/<slot>/<k>` for optimizer state. */
  readonly name: string;
  readonly dtype: 'f32' | 'i32';
  readonly shape: readonly number[];
  /** Byte offset from the start of the data section. */
  readonly offset: number;
  readonly length: number;
}

export interface CheckpointHeader {
  readonly format: 'netloom.checkpoint';
  readonly graph: string;
  /** The batch the models were compiled for (batch-shaped state such as initial RNN states). */
  readonly batchSize: number;
  readonly epoch: number;
  /** The next batch of `epoch` to train. */
  readonly index: number;
  readonly steps: number;
  readonly trainers: readonly { readonly step: number; readonly learningRateOverride: number | null }[];
  readonly tensors: readonly CheckpointTensor[];
}

export class CheckpointError extends Error {}

const SAVED_ROLES: readonly BufferRole[] = ['parameter', 'state'];

interface Entry {
  readonly name: string;
  readonly model: Model;
  readonly buffer: BufferId;
  readonly dtype: 'f32' | 'i32';
  readonly shape: readonly number[];
  readonly length: number;
}

function entries(models: readonly Model[], trainers: readonly Trainer[]): Entry[] {
  const list: Entry[] = [];
  const add = (name: string, model: Model, buffer: BufferId) => {
    const { shape, dtype } = model.compiled.program.buffers[buffer].descriptor;
    list.push({ name, model, buffer, dtype, shape, length: model.sizeOf(buffer) });
  };
  models.forEach((model, index) => {
    if (model.precision !== 'f32') throw new CheckpointError('Checkpoints hold float32 models only.');
    for (const buffer of model.compiled.program.buffers) {
      if (!SAVED_ROLES.includes(buffer.role) || buffer.aliasOf !== undefined || buffer.name === undefined) continue;
      add(`m${index}/${buffer.name}`, model, buffer.id);
    }
  });
  trainers.forEach((trainer, index) => {
    // Flat [length] tensors named by parameter and state index, as format version 1 has always had them.
    for (const slot of trainer.slots) slot.state.forEach((buffer, k) => list.push({ ...entryOf(trainer.model, buffer), name: `m${index}/optimizer/${slot.name}/${k}` }));
  });
  return list;
}

function entryOf(model: Model, buffer: BufferId): Entry {
  const length = model.sizeOf(buffer);
  return { name: '', model, buffer, dtype: 'f32', shape: [length], length };
}

type Where = { graph: string; batchSize: number; epoch: number; index: number; steps: number };

/** A checkpoint of models whose backend keeps buffers in host memory (tests, tools); see saveCheckpointAsync. */
export function saveCheckpoint(models: readonly Model[], trainers: readonly Trainer[], where: Where): Uint8Array {
  const list = entries(models, trainers);
  return encode(list, list.map((entry) => entry.model.tensor(entry.buffer).data as Float32Array | Int32Array), trainers, where);
}

/** A checkpoint read through the backend seam (any backend). */
export async function saveCheckpointAsync(models: readonly Model[], trainers: readonly Trainer[], where: Where): Promise<Uint8Array> {
  const list = entries(models, trainers);
  const values: (Float32Array | Int32Array)[] = [];
  for (const entry of list) values.push((await entry.model.read(entry.buffer)).data as Float32Array | Int32Array);
  return encode(list, values, trainers, where);
}

function encode(list: readonly Entry[], values: readonly (Float32Array | Int32Array)[], trainers: readonly Trainer[], where: Where): Uint8Array {
  let offset = 0;
  const tensors = list.map((entry) => {
    const tensor: CheckpointTensor = { name: entry.name, dtype: entry.dtype, shape: entry.shape, offset, length: entry.length };
    offset += entry.length * 4;
    return tensor;
  });
  const header: CheckpointHeader = { format: 'netloom.checkpoint', ...where, trainers: trainers.map((trainer) => ({ step: trainer.step, learningRateOverride: trainer.learningRateOverride })), tensors };
  let json = JSON.stringify(header);
  json += ' '.repeat((4 - (new TextEncoder().encode(json).length % 4)) % 4);
  const headerBytes = new TextEncoder().encode(json);
  const bytes = new Uint8Array(12 + headerBytes.length + offset);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(CHECKPOINT_MAGIC), 0);
  view.setUint32(4, CHECKPOINT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  const base = 12 + headerBytes.length;
  values.forEach((data, index) => bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), base + tensors[index].offset));
  return bytes;
}

export function readCheckpointHeader(bytes: Uint8Array): { header: CheckpointHeader; dataStart: number } {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== CHECKPOINT_MAGIC) throw new CheckpointError('This is not a Netloom checkpoint (it does not start with "NLCK").');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== CHECKPOINT_VERSION) throw new CheckpointError(`Checkpoint format version ${version} is not supported (this Netloom reads version ${CHECKPOINT_VERSION}).`);
  const length = view.getUint32(8, true);
  if (12 + length > bytes.length) throw new CheckpointError('The checkpoint is truncated: its header runs past the end of the file.');
  let header: CheckpointHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as CheckpointHeader;
  } catch {
    throw new CheckpointError('The checkpoint header is not valid JSON.');
  }
  const dataStart = 12 + length;
  for (const tensor of header.tensors ?? []) {
    if (dataStart + tensor.offset + tensor.length * 4 > bytes.length) throw new CheckpointError(`The checkpoint is truncated: "${tensor.name}" runs past the end of the file.`);
  }
  return { header, dataStart };
}

/** Restores weights, state and optimizer state in place; returns where the run was. */
export function loadCheckpoint(bytes: Uint8Array, models: readonly Model[], trainers: readonly Trainer[]): CheckpointHeader {
  const { header, dataStart } = readCheckpointHeader(bytes);
  const saved = new Map(header.tensors.map((tensor) => [tensor.name, tensor]));
  const targets = entries(models, trainers);
  for (const target of targets) {
    const tensor = saved.get(target.name);
    if (tensor === undefined) throw new CheckpointError(`The checkpoint has no "${target.name}": it was saved from a different graph.`);
    if (tensor.length !== target.length) throw new CheckpointError(`"${target.name}" holds ${tensor.length} values in the checkpoint but ${target.length} in this graph: it was saved from a different graph.`);
    const start = dataStart + tensor.offset;
    const copy = bytes.slice(start, start + tensor.length * 4);
    target.model.write(target.buffer, tensor.dtype === 'i32' ? new Int32Array(copy.buffer) : new Float32Array(copy.buffer));
  }
  header.trainers.forEach((saved, index) => {
    const trainer = trainers[index];
    if (trainer === undefined) return;
    trainer.step = saved.step;
    trainer.learningRateOverride = saved.learningRateOverride;
  });
  return header;
}
