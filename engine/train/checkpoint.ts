// Checkpoints: a run's weights, persistent state (batch-norm statistics, dropout generators) and
// optimizer state, with where the run was, in one binary file (format in docs/checkpoints.md):
//   bytes 0-3  "NLC2"
//   4-7        format version (uint32, little-endian), 2
//   8-11       header length in bytes (uint32)
//   12-        header: UTF-8 JSON (CheckpointHeader), padded with spaces to a multiple of 4
//   then       every tensor's values, little-endian float32 or int32, at header.tensors[i].offset
//   last 4     CRC-32 of every byte before it
// Loading verifies the checksum before anything else, then every header field. Version-1 files
// ("NLCK", no checksum) still load, with the same header checks: their magic and version both
// differ from version 2's, so no single changed byte turns a version-2 file into one.
// Optimizer state lives in the model's buffers (role optimizerState) but keeps its version-1 names,
// so files saved before the optimizer became kernel calls still load and resume bit for bit.
import type { BufferId, BufferRole } from '../ir/index.ts';
import { checkPlacement, CheckpointError, DAMAGED, validateHeader, type CheckpointHeader, type CheckpointTensor } from './checkpointHeader.ts';
import { crc32 } from './crc32.ts';
import type { Model } from './model.ts';
import type { Trainer } from './trainer.ts';

export { CheckpointError, type CheckpointHeader, type CheckpointTensor } from './checkpointHeader.ts';

export const CHECKPOINT_MAGIC = 'NLC2';
export const CHECKPOINT_VERSION = 2;
/** Version 1: the same layout without the checksum. */
const VERSION_1_MAGIC = 'NLCK';
const PREFIX = 12;
const TRAILER = 4;

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
  const bytes = new Uint8Array(PREFIX + headerBytes.length + offset + TRAILER);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(CHECKPOINT_MAGIC), 0);
  view.setUint32(4, CHECKPOINT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, PREFIX);
  const base = PREFIX + headerBytes.length;
  values.forEach((data, index) => bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), base + tensors[index].offset));
  view.setUint32(bytes.length - TRAILER, crc32(bytes.subarray(0, bytes.length - TRAILER)), true);
  return bytes;
}

export interface CheckpointLayout {
  readonly header: CheckpointHeader;
  /** Where the data section starts in the file. */
  readonly dataStart: number;
  /** 2, or 1 for a file from before checksums. */
  readonly version: 1 | 2;
}

/** The header of a checkpoint whose checksum (version 2) and every header field are right, or a CheckpointError saying what is not. */
export function readCheckpointHeader(bytes: Uint8Array): CheckpointLayout {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === CHECKPOINT_MAGIC) {
    verifyChecksum(bytes);
    return readLayout(bytes, CHECKPOINT_VERSION, bytes.length - TRAILER);
  }
  if (magic === VERSION_1_MAGIC && bytes.length >= PREFIX) return readLayout(bytes, 1, bytes.length);
  throw new CheckpointError(`not a Netloom checkpoint: it does not start with "${CHECKPOINT_MAGIC}" (or "${VERSION_1_MAGIC}", version 1); give a file saved by \`netloom train --save\`.`);
}

function verifyChecksum(bytes: Uint8Array): void {
  if (bytes.length < PREFIX + TRAILER) throw new CheckpointError(`checkpoint cut short: ${bytes.length} bytes, fewer than the ${PREFIX + TRAILER} every checkpoint has; ${DAMAGED}.`);
  const stored = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - TRAILER, true);
  if (crc32(bytes.subarray(0, bytes.length - TRAILER)) !== stored) throw new CheckpointError(`checkpoint checksum does not match its contents (a byte changed, or the file was cut short); ${DAMAGED}.`);
}

function readLayout(bytes: Uint8Array, expected: 1 | 2, end: number): CheckpointLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== expected) throw new CheckpointError(`checkpoint format version ${version} is not one this Netloom reads (${expected} for a file starting "${String.fromCharCode(...bytes.subarray(0, 4))}"); save the checkpoint again with this version, or ${DAMAGED}.`);
  const length = view.getUint32(8, true);
  if (length % 4 !== 0 || PREFIX + length > end) throw new CheckpointError(`checkpoint header length ${length} is not a multiple of 4 inside the file's ${end} bytes; ${DAMAGED}.`);
  let text: string;
  let json: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + length));
  } catch {
    throw new CheckpointError(`checkpoint header is not valid UTF-8 text; ${DAMAGED}.`);
  }
  try {
    json = JSON.parse(text);
  } catch {
    throw new CheckpointError(`checkpoint header is not valid JSON; ${DAMAGED}.`);
  }
  const header = validateHeader(json);
  const dataStart = PREFIX + length;
  checkPlacement(header.tensors, end - dataStart);
  return { header, dataStart, version: expected };
}

const OTHER_GRAPH = 'it was saved from a different graph: use a checkpoint saved from this one, or start a new run';

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The saved tensor for each of the graph's, checked for name, dtype, shape and length. */
function matched(header: CheckpointHeader, targets: readonly Entry[], trainers: readonly Trainer[]): CheckpointTensor[] {
  const saved = new Map(header.tensors.map((tensor) => [tensor.name, tensor]));
  if (trainers.length > 0 && header.trainers.length !== trainers.length) throw new CheckpointError(`checkpoint has ${header.trainers.length} trainers, this graph ${trainers.length}: ${OTHER_GRAPH}.`);
  return targets.map((target) => {
    const tensor = saved.get(target.name);
    if (tensor === undefined) throw new CheckpointError(`checkpoint has no "${target.name}": ${OTHER_GRAPH}.`);
    if (tensor.length !== target.length) throw new CheckpointError(`"${target.name}" holds ${tensor.length} values in the checkpoint but ${target.length} in this graph: ${OTHER_GRAPH}.`);
    if (tensor.dtype !== target.dtype) throw new CheckpointError(`"${target.name}" is ${tensor.dtype} in the checkpoint but ${target.dtype} in this graph: ${OTHER_GRAPH}.`);
    if (shapeText(tensor.shape) !== shapeText(target.shape)) throw new CheckpointError(`"${target.name}" has shape ${shapeText(tensor.shape)} in the checkpoint but ${shapeText(target.shape)} in this graph: ${OTHER_GRAPH}.`);
    return tensor;
  });
}

/** Restores weights, state and optimizer state in place, once the whole file is checked; returns where the run was. */
export function loadCheckpoint(bytes: Uint8Array, models: readonly Model[], trainers: readonly Trainer[]): CheckpointHeader {
  const { header, dataStart } = readCheckpointHeader(bytes);
  const targets = entries(models, trainers);
  const tensors = matched(header, targets, trainers);
  targets.forEach((target, index) => {
    const start = dataStart + tensors[index].offset;
    const copy = bytes.slice(start, start + target.length * 4);
    target.model.write(target.buffer, target.dtype === 'i32' ? new Int32Array(copy.buffer) : new Float32Array(copy.buffer));
  });
  trainers.forEach((trainer, index) => {
    trainer.step = header.trainers[index].step;
    trainer.learningRateOverride = header.trainers[index].learningRateOverride;
  });
  return header;
}
