// IDX, the format of MNIST and Fashion-MNIST (plain, or gzip-compressed: detected by content).
// Header: two zero bytes, a type code, the number of dims, then each dim as a big-endian
// uint32; then the values, big-endian, in C order. Type codes: 0x08 uint8, 0x09 int8,
// 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64. Float values must be finite (as float32);
// the declared data must fit the limits before it is allocated.
import { gunzipIfCompressed, readFileChunks, withByteReader, type ByteReader } from '../byteStream.ts';
import { DataError } from '../dataError.ts';
import { createDataset, product, type Dataset, type DatasetInputs, type DatasetTargets } from '../dataset.ts';
import type { FileSource, ProgressCallback } from '../fileSource.ts';
import { requireFinite, toFiniteFloat32 } from '../finite.ts';
import { declaredTooLarge, resolveLimits, type DataLimits } from '../limits.ts';

export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';
export type IdxValues = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxArray {
  readonly type: IdxType;
  readonly dims: readonly number[];
  readonly values: IdxValues;
}

const TYPES: Readonly<Record<number, { type: IdxType; size: number }>> = {
  0x08: { type: 'uint8', size: 1 },
  0x09: { type: 'int8', size: 1 },
  0x0b: { type: 'int16', size: 2 },
  0x0c: { type: 'int32', size: 4 },
  0x0d: { type: 'float32', size: 4 },
  0x0e: { type: 'float64', size: 8 },
};

const MAX_VALUES = 2 ** 31 - 1;
const hex = (value: number) => `0x${value.toString(16).padStart(2, '0')}`;

async function readHeader(reader: ByteReader, path: string, limits: DataLimits): Promise<{ code: number; dims: number[] }> {
  const magic = await reader.read(4);
  if (magic.byteLength < 4) throw new DataError({ file: path, field: 'magic' }, `the file is ${magic.byteLength} bytes, too short for an IDX header`);
  if (magic[0] !== 0 || magic[1] !== 0) {
    throw new DataError({ file: path, field: 'magic' }, 'not an IDX file: it does not start with two zero bytes (the IDX magic number)');
  }
  const code = magic[2];
  if (TYPES[code] === undefined) {
    throw new DataError({ file: path, field: 'type' }, `type code ${hex(code)} is not an IDX type (0x08 uint8, 0x09 int8, 0x0b int16, 0x0c int32, 0x0d float32, 0x0e float64)`);
  }
  if (magic[3] === 0) throw new DataError({ file: path, field: 'dims' }, 'the header declares 0 dims');
  const dimBytes = await reader.read(4 * magic[3]);
  if (dimBytes.byteLength < 4 * magic[3]) throw new DataError({ file: path, field: 'dims' }, `truncated: the header declares ${magic[3]} dims but the file ends inside them`);
  const view = new DataView(dimBytes.buffer, dimBytes.byteOffset, dimBytes.byteLength);
  const dims = Array.from({ length: magic[3] }, (_, index) => view.getUint32(4 * index, false));
  if (product(dims) > MAX_VALUES) throw new DataError({ file: path, field: 'dims' }, `the header declares ${dims.join(' × ')} values, more than can be loaded`);
  const bytes = product(dims) * TYPES[code].size;
  const tooLarge = declaredTooLarge(bytes, bytes, limits);
  if (tooLarge !== undefined) throw new DataError({ file: path, field: 'dims' }, `the header declares ${dims.join(' × ')} values of ${TYPES[code].type}: ${tooLarge}; use a smaller file`);
  return { code, dims };
}

function allocate(type: IdxType, count: number): IdxValues {
  switch (type) {
    case 'uint8':
      return new Uint8Array(count);
    case 'int8':
      return new Int8Array(count);
    case 'int16':
      return new Int16Array(count);
    case 'int32':
      return new Int32Array(count);
    case 'float32':
      return new Float32Array(count);
    case 'float64':
      return new Float64Array(count);
  }
}

function decodeBigEndian(bytes: Uint8Array, type: IdxType, size: number, target: IdxValues, offset: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let index = 0; index * size < bytes.byteLength; index++) {
    const at = index * size;
    if (type === 'int16') target[offset + index] = view.getInt16(at, false);
    else if (type === 'int32') target[offset + index] = view.getInt32(at, false);
    else if (type === 'float32') target[offset + index] = view.getFloat32(at, false);
    else target[offset + index] = view.getFloat64(at, false);
  }
}

async function readBody(reader: ByteReader, path: string, code: number, dims: readonly number[]): Promise<IdxValues> {
  const { type, size } = TYPES[code];
  const count = product(dims);
  const values = allocate(type, count);
  const block = 1 << 16;
  for (let done = 0; done < count; done += block) {
    const wanted = Math.min(block, count - done);
    const bytes = await reader.read(wanted * size);
    const got = Math.floor(bytes.byteLength / size);
    if (size === 1) values.set(type === 'int8' ? new Int8Array(bytes.buffer, bytes.byteOffset, got) : bytes, done);
    else decodeBigEndian(bytes.subarray(0, got * size), type, size, values, done);
    if (type === 'float32' || type === 'float64') requireFinite(values, path, product(dims.slice(1)), done, done + got);
    if (got < wanted) {
      const perRecord = product(dims.slice(1));
      throw new DataError(
        { file: path, record: Math.floor((done + got) / perRecord) },
        `truncated: the header declares ${dims.join(' × ')} values of ${type} (${count * size} bytes of data) but the data ends after ${(done + got) * size + (bytes.byteLength % size)} bytes`,
      );
    }
  }
  return values;
}

/** Reads one IDX file (gzip or plain) completely. */
export async function readIdx(files: FileSource, path: string, onProgress?: ProgressCallback, limits: DataLimits = resolveLimits()): Promise<IdxArray> {
  const chunks = readFileChunks(files, path, { onProgress, maxBytes: limits.maxFileBytes });
  return withByteReader(gunzipIfCompressed(chunks, path, limits.maxFileBytes), async (reader) => {
    const { code, dims } = await readHeader(reader, path, limits);
    const values = await readBody(reader, path, code, dims);
    const extra = await reader.skipRest();
    if (extra > 0) throw new DataError({ file: path }, `${extra} bytes follow the ${dims.join(' × ')} values the header declares; is this the right file?`);
    return { type: TYPES[code].type, dims, values };
  });
}

export interface IdxDatasetOptions {
  readonly name?: string;
  /** Labels IDX file: one integer class id (or float value) per example. */
  readonly labelPath?: string;
  readonly classNames?: readonly string[];
  readonly onProgress?: ProgressCallback;
  readonly limits?: Partial<DataLimits>;
}

/**
 * An IDX images file (N×H×W uint8, as MNIST) and optional labels file as a dataset:
 * N×H×W becomes examples H×W×1; uint8 values are read as value/255 in [0, 1].
 */
export async function readIdxDataset(files: FileSource, path: string, options: IdxDatasetOptions = {}): Promise<Dataset> {
  const limits = resolveLimits(options.limits);
  const images = await readIdx(files, path, options.onProgress, limits);
  const count = images.dims[0];
  const exampleDims = images.dims.length === 1 ? [1] : images.dims.length === 3 ? [...images.dims.slice(1), 1] : images.dims.slice(1);
  const inputs: DatasetInputs = images.values instanceof Uint8Array ? { kind: 'byte', values: images.values, scale: 1 / 255 } : { kind: 'float', values: toFiniteFloat32(images.values, path, product(exampleDims)) };
  const targets = options.labelPath === undefined ? ({ kind: 'none' } as const) : await readIdxLabels(files, options.labelPath, count, path, options.classNames, limits);
  return createDataset({ name: options.name ?? path, count, inputDims: exampleDims, inputs, targetDims: targets.kind === 'value' ? [1] : [], targets });
}

async function readIdxLabels(files: FileSource, labelPath: string, count: number, imagesPath: string, classNames: readonly string[] | undefined, limits: DataLimits): Promise<DatasetTargets> {
  const labels = await readIdx(files, labelPath, undefined, limits);
  if (labels.dims.length !== 1) throw new DataError({ file: labelPath, field: 'dims' }, `labels must be 1-D, found ${labels.dims.join(' × ')}`);
  if (labels.dims[0] !== count) throw new DataError({ file: labelPath }, `${labels.dims[0]} labels for ${count} examples in ${imagesPath}`);
  if (labels.type === 'float32' || labels.type === 'float64') return { kind: 'value', values: toFiniteFloat32(labels.values, labelPath, 1) };
  return classTargets(labels.values, labelPath, classNames);
}

/** Integer labels as class ids 0..max; names given, or the ids as text. */
export function classTargets(values: ArrayLike<number>, file: string, classNames?: readonly string[]): DatasetTargets {
  const ids = Int32Array.from(values);
  let maximum = -1;
  for (let index = 0; index < ids.length; index++) {
    if (ids[index] < 0) throw new DataError({ file, record: index }, `label ${ids[index]} is negative; class labels must be 0, 1, 2, ...`);
    maximum = Math.max(maximum, ids[index]);
  }
  const names = classNames ?? Array.from({ length: maximum + 1 }, (_, id) => String(id));
  if (maximum >= names.length) throw new DataError({ file }, `label ${maximum} but only ${names.length} class names`);
  return { kind: 'class', values: ids, classNames: names };
}
