// NumPy .npy arrays (numpy.save): little-endian float32/float64/int32/int64/uint8, C order.
// float64 is read as float32 and int64 as int32 (a value outside int32 is an error), streamed
// so only the converted array is held. As a dataset, the first dim counts examples; an example
// of 2 dims (H×W) is an image H×W×1; uint8 values are scaled by `byteScale` (default 1/255).
// Float values must be finite (as float32); the declared data must fit the limits before it is
// allocated.
import { z } from 'zod';
import { gunzipIfCompressed, readFileChunks, withByteReader, type ByteReader } from '../byteStream.ts';
import { DataError } from '../dataError.ts';
import { createDataset, product, type Dataset, type DatasetInputs, type DatasetTargets } from '../dataset.ts';
import type { FileSource, ProgressCallback } from '../fileSource.ts';
import { requireFinite } from '../finite.ts';
import { declaredTooLarge, resolveLimits, type DataLimits } from '../limits.ts';
import { parseOptions } from '../options.ts';
import { classTargets } from './idx.ts';
import { readNpyHeader, type NpyDtype, type NpyHeader } from './npyHeader.ts';

export interface NpyArray {
  readonly dtype: NpyDtype;
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array | Uint8Array;
}

function allocate(dtype: NpyDtype, count: number): NpyArray['values'] {
  if (dtype === '|u1') return new Uint8Array(count);
  return dtype === '<i4' || dtype === '<i8' ? new Int32Array(count) : new Float32Array(count);
}

function decodeBlock(bytes: Uint8Array, header: NpyHeader, target: NpyArray['values'], offset: number, path: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.byteLength / header.itemSize;
  for (let index = 0; index < count; index++) {
    const at = index * header.itemSize;
    if (header.dtype === '<f4') target[offset + index] = view.getFloat32(at, true);
    else if (header.dtype === '<f8') target[offset + index] = view.getFloat64(at, true);
    else if (header.dtype === '<i4') target[offset + index] = view.getInt32(at, true);
    else {
      const value = view.getBigInt64(at, true);
      if (value > 2147483647n || value < -2147483648n) throw new DataError({ file: path, record: offset + index }, `int64 value ${value} does not fit in 32 bits`);
      target[offset + index] = Number(value);
    }
  }
}

function checkSize(header: NpyHeader, path: string, limits: DataLimits): number {
  const count = product(header.shape);
  if (count > 2 ** 31 - 1) throw new DataError({ file: path, field: 'shape' }, `shape (${header.shape.join(', ')}) is more than can be loaded`);
  const tooLarge = declaredTooLarge(count * header.itemSize, count * Math.min(header.itemSize, 4), limits);
  if (tooLarge !== undefined) throw new DataError({ file: path, field: 'shape' }, `shape (${header.shape.join(', ')}) of '${header.dtype}': ${tooLarge}; use a smaller file`);
  return count;
}

async function readBody(reader: ByteReader, header: NpyHeader, path: string, limits: DataLimits): Promise<NpyArray['values']> {
  const count = checkSize(header, path, limits);
  const perRow = product(header.shape.slice(1));
  const values = allocate(header.dtype, count);
  const block = 1 << 16;
  for (let done = 0; done < count; done += block) {
    const wanted = Math.min(block, count - done);
    const bytes = await reader.read(wanted * header.itemSize);
    const got = Math.floor(bytes.byteLength / header.itemSize);
    if (header.dtype === '|u1') values.set(bytes, done);
    else decodeBlock(bytes.subarray(0, got * header.itemSize), header, values, done, path);
    if (values instanceof Float32Array) requireFinite(values, path, perRow, done, done + got);
    if (got < wanted) {
      const perRecord = perRow;
      const declared = count * header.itemSize;
      throw new DataError(
        { file: path, record: Math.floor((done + got) / perRecord) },
        `truncated: the header declares shape (${header.shape.join(', ')}) of '${header.dtype}' (${declared} bytes of data) but only ${done * header.itemSize + bytes.byteLength} bytes follow`,
      );
    }
  }
  return values;
}

/** Reads a whole .npy file (plain or gzip-compressed). */
export async function readNpy(files: FileSource, path: string, onProgress?: ProgressCallback, limits: DataLimits = resolveLimits()): Promise<NpyArray> {
  const chunks = readFileChunks(files, path, { onProgress, maxBytes: limits.maxFileBytes });
  return withByteReader(gunzipIfCompressed(chunks, path, limits.maxFileBytes), async (reader) => {
    const header = await readNpyHeader(reader, path);
    const values = await readBody(reader, header, path, limits);
    const extra = await reader.skipRest();
    if (extra > 0) throw new DataError({ file: path }, `${extra} bytes follow the data the header declares`);
    return { dtype: header.dtype, shape: header.shape, values };
  });
}

export const NpyOptionsSchema = z
  .object({
    inputs: z.enum(['float', 'token']).default('float'),
    byteScale: z.number().positive().default(1 / 255),
    classNames: z.array(z.string()).optional(),
    /** 'auto': integer labels are class ids, float labels regression values. */
    labelType: z.enum(['auto', 'class', 'value']).default('auto'),
  })
  .strict();

export interface NpyReadOptions {
  readonly labelPath?: string;
  readonly options?: unknown;
  readonly name?: string;
  readonly onProgress?: ProgressCallback;
  readonly limits?: Partial<DataLimits>;
}

function toInputs(array: NpyArray, path: string, options: z.output<typeof NpyOptionsSchema>): { inputs: DatasetInputs; vocabulary?: string[] } {
  if (options.inputs === 'token') {
    if (!(array.values instanceof Int32Array)) throw new DataError({ file: path, field: 'descr' }, `token inputs need an integer array ('<i4' or '<i8'), found '${array.dtype}'`);
    const target = classTargets(array.values, path);
    return { inputs: { kind: 'token', values: array.values }, vocabulary: target.kind === 'class' ? [...target.classNames] : [] };
  }
  if (array.values instanceof Uint8Array) return { inputs: { kind: 'byte', values: array.values, scale: options.byteScale } };
  return { inputs: { kind: 'float', values: array.values instanceof Float32Array ? array.values : Float32Array.from(array.values) } };
}

/** Inputs from one .npy file (first dim = examples), labels from another (N or N×1). */
export async function readNpyDataset(files: FileSource, path: string, read: NpyReadOptions = {}): Promise<Dataset> {
  const options = parseOptions(NpyOptionsSchema, read.options, path);
  const limits = resolveLimits(read.limits);
  const array = await readNpy(files, path, read.onProgress, limits);
  if (array.shape.length === 0) throw new DataError({ file: path, field: 'shape' }, 'the array is a single value; expected one row per example');
  const count = array.shape[0];
  const rest = array.shape.slice(1);
  const inputDims = rest.length === 0 ? [1] : rest.length === 2 ? [...rest, 1] : rest;
  const { inputs, vocabulary } = toInputs(array, path, options);
  const targets = read.labelPath === undefined ? ({ kind: 'none' } as const) : await readNpyLabels(files, read.labelPath, count, path, options, limits);
  return createDataset({ name: read.name ?? path, count, inputDims, inputs, targetDims: targets.kind === 'value' ? [1] : [], targets, vocabulary });
}

async function readNpyLabels(files: FileSource, labelPath: string, count: number, inputsPath: string, options: z.output<typeof NpyOptionsSchema>, limits: DataLimits): Promise<DatasetTargets> {
  const labels = await readNpy(files, labelPath, undefined, limits);
  const shape = labels.shape;
  if (!(shape.length === 1 || (shape.length === 2 && shape[1] === 1))) {
    throw new DataError({ file: labelPath, field: 'shape' }, `labels must have shape (N,) or (N, 1), found (${shape.join(', ')})`);
  }
  if (shape[0] !== count) throw new DataError({ file: labelPath, field: 'shape' }, `${shape[0]} labels for ${count} examples in ${inputsPath}`);
  const values = labels.values;
  if (options.labelType === 'value') return { kind: 'value', values: values instanceof Float32Array ? values : Float32Array.from(values) };
  if (values instanceof Float32Array) {
    if (options.labelType === 'auto') return { kind: 'value', values };
    const fraction = values.findIndex((value) => !Number.isInteger(value));
    if (fraction >= 0) throw new DataError({ file: labelPath, record: fraction }, `label ${values[fraction]} is not a whole number, so it cannot be a class id`);
  }
  return classTargets(values, labelPath, options.classNames);
}
