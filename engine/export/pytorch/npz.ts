// NumPy's .npy and .npz formats, as far as the PyTorch package needs them: float32, int32, int64
// and uint8 arrays, little-endian, C order; an .npz is a zip of .npy files (stored, not compressed).
import { unzipSync, zipSync } from 'fflate';
import { ExportError } from '../exportError.ts';

export type NpyData = Float32Array | Int32Array | BigInt64Array | Uint8Array;

export interface NpyArray {
  readonly shape: readonly number[];
  readonly data: NpyData;
}

const DESCRIPTORS: ReadonlyArray<readonly [string, (bytes: Uint8Array, count: number) => NpyData, (data: NpyData) => boolean]> = [
  ['<f4', (bytes, count) => new Float32Array(bytes.buffer, bytes.byteOffset, count), (data) => data instanceof Float32Array],
  ['<i4', (bytes, count) => new Int32Array(bytes.buffer, bytes.byteOffset, count), (data) => data instanceof Int32Array],
  ['<i8', (bytes, count) => new BigInt64Array(bytes.buffer, bytes.byteOffset, count), (data) => data instanceof BigInt64Array],
  ['|u1', (bytes, count) => new Uint8Array(bytes.buffer, bytes.byteOffset, count), (data) => data instanceof Uint8Array],
];

/** A file that is not the .npy/.npz the export reads; an ExportError, so every command prints it as it is. */
export class NpzError extends ExportError {}

/** One array as an .npy file (format version 1.0). */
export function encodeNpy(array: NpyArray): Uint8Array {
  const descriptor = DESCRIPTORS.find(([, , accepts]) => accepts(array.data))?.[0] ?? '<f4';
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${descriptor}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const data = new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength);
  const bytes = new Uint8Array(10 + header.length + data.length);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  bytes.set(new TextEncoder().encode(header), 10);
  bytes.set(data, 10 + header.length);
  return bytes;
}

/** An .npy file's array; `what` names it in errors. */
export function decodeNpy(bytes: Uint8Array, what: string): NpyArray {
  const magic = String.fromCharCode(...bytes.subarray(1, 6));
  if (bytes[0] !== 0x93 || magic !== 'NUMPY') throw new NpzError(`${what} is not a NumPy .npy array.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = (major === 1 ? 10 : 12) + headerLength;
  const header = new TextDecoder().decode(bytes.subarray(major === 1 ? 10 : 12, start));
  const descriptor = /'descr':\s*'([^']+)'/.exec(header)?.[1] ?? '';
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  if (/'fortran_order':\s*True/.test(header)) throw new NpzError(`${what} is in Fortran order: save it with numpy.ascontiguousarray.`);
  const shape = shapeText.split(',').map((part) => part.trim()).filter((part) => part.length > 0).map(Number);
  const count = shape.reduce((product, size) => product * size, 1);
  const reader = DESCRIPTORS.find(([name]) => name === descriptor);
  if (reader === undefined) throw new NpzError(`${what} holds ${descriptor} values; float32, int32, int64 or uint8 are read.`);
  const size = descriptor === '|u1' ? 1 : descriptor === '<i8' ? 8 : 4;
  if (bytes.length < start + count * size) throw new NpzError(`${what} is cut short: ${count} values need ${count * size} bytes.`);
  return { shape, data: reader[1](bytes.slice(start, start + count * size), count) };
}

/** Arrays by name as an .npz archive. */
export function encodeNpz(arrays: ReadonlyMap<string, NpyArray>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, array] of arrays) files[`${name}.npy`] = encodeNpy(array);
  return zipSync(files, { level: 0 });
}

/** An .npz archive's arrays by name (numpy.savez or encodeNpz). */
export function decodeNpz(bytes: Uint8Array, what: string): Map<string, NpyArray> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new NpzError(`${what} is not an .npz archive (a zip of .npy files, as numpy.savez writes).`);
  }
  const arrays = new Map<string, NpyArray>();
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('.npy')) arrays.set(name.slice(0, -4), decodeNpy(content, `${what}: ${name}`));
  }
  return arrays;
}
