// A checkpoint's JSON header, checked field by field before anything is loaded: every failure is
// a CheckpointError of one line naming the field and what to do (the caller adds the file's path).
export class CheckpointError extends Error {}

export interface CheckpointTensor {
  /** `m<model>/<buffer name>` for weights and state, `m<model>/optimizer/<slot>/<k>` for optimizer state. */
  readonly name: string;
  readonly dtype: 'f32' | 'i32';
  readonly shape: readonly number[];
  /** Byte offset from the start of the data section. */
  readonly offset: number;
  readonly length: number;
}

export interface CheckpointTrainer {
  readonly step: number;
  readonly learningRateOverride: number | null;
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
  readonly trainers: readonly CheckpointTrainer[];
  readonly tensors: readonly CheckpointTensor[];
}

export const DAMAGED = 'the file is damaged or was not written by Netloom: use another checkpoint, or train again';

function shown(value: unknown): string {
  const text = value === undefined ? 'missing' : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function fail(field: string, problem: string): never {
  throw new CheckpointError(`checkpoint header field "${field}" ${problem}; ${DAMAGED}.`);
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  if (field === '') throw new CheckpointError(`checkpoint header is ${shown(value)}, not a JSON object; ${DAMAGED}.`);
  return fail(field, `is ${shown(value)}, not an object`);
}

function list(value: unknown, field: string): readonly unknown[] {
  return Array.isArray(value) ? value : fail(field, `is ${shown(value)}, not a list`);
}

function whole(value: unknown, field: string, least: number): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= least) return value;
  return fail(field, `is ${shown(value)}, not a whole number of at least ${least}`);
}

function trainerAt(value: unknown, index: number): CheckpointTrainer {
  const field = `trainers[${index}]`;
  const trainer = record(value, field);
  const rate = trainer.learningRateOverride;
  if (rate !== null && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0)) fail(`${field}.learningRateOverride`, `is ${shown(rate)}, not null or a learning rate of at least 0`);
  return { step: whole(trainer.step, `${field}.step`, 0), learningRateOverride: rate };
}

function tensorAt(value: unknown, index: number, names: Set<string>): CheckpointTensor {
  const field = `tensors[${index}]`;
  const tensor = record(value, field);
  const { name, dtype } = tensor;
  if (typeof name !== 'string' || name === '') fail(`${field}.name`, `is ${shown(name)}, not a tensor name`);
  if (names.has(name)) fail(`${field}.name`, `repeats ${shown(name)}, already named by an earlier tensor`);
  names.add(name);
  if (dtype !== 'f32' && dtype !== 'i32') fail(`${field}.dtype`, `is ${shown(dtype)}, not "f32" or "i32"`);
  const shape = list(tensor.shape, `${field}.shape`).map((size, axis) => whole(size, `${field}.shape[${axis}]`, 0));
  const length = whole(tensor.length, `${field}.length`, 0);
  const count = shape.reduce((product, size) => product * size, 1);
  if (length !== count) fail(`${field}.length`, `is ${length}, but its shape [${shape.join(', ')}] holds ${count} values`);
  const offset = whole(tensor.offset, `${field}.offset`, 0);
  if (offset % 4 !== 0) fail(`${field}.offset`, `is ${offset}, not a multiple of 4 bytes`);
  return { name, dtype, shape, offset, length };
}

/** The header's fields, each of the right type and range, or a CheckpointError naming the first that is not. */
export function validateHeader(value: unknown): CheckpointHeader {
  const header = record(value, '');
  if (header.format !== 'netloom.checkpoint') fail('format', `is ${shown(header.format)}, not "netloom.checkpoint"`);
  if (typeof header.graph !== 'string') fail('graph', `is ${shown(header.graph)}, not a graph name`);
  const names = new Set<string>();
  return {
    format: 'netloom.checkpoint',
    graph: header.graph,
    batchSize: whole(header.batchSize, 'batchSize', 1),
    epoch: whole(header.epoch, 'epoch', 0),
    index: whole(header.index, 'index', 0),
    steps: whole(header.steps, 'steps', 0),
    trainers: list(header.trainers, 'trainers').map(trainerAt),
    tensors: list(header.tensors, 'tensors').map((tensor, index) => tensorAt(tensor, index, names)),
  };
}

/** Every tensor inside a data section of `bytes` bytes, none overlapping another. */
export function checkPlacement(tensors: readonly CheckpointTensor[], bytes: number): void {
  const order = tensors.map((tensor, index) => ({ tensor, index })).sort((a, b) => a.tensor.offset - b.tensor.offset);
  let end = 0;
  let previous = -1;
  for (const { tensor, index } of order) {
    const last = tensor.offset + tensor.length * 4;
    if (last > bytes) fail(`tensors[${index}]`, `(${shown(tensor.name)}) runs past the end of the data: bytes ${tensor.offset} to ${last} of ${bytes}`);
    if (tensor.offset < end) fail(`tensors[${index}].offset`, `is ${tensor.offset}: ${shown(tensor.name)} overlaps tensors[${previous}], which ends at ${end}`);
    end = last;
    previous = index;
  }
}
