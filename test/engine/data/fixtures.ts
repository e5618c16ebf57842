// Helpers for the engine/data tests: a temp folder per test file, small binary fixtures built
// in memory (IDX, NPY, PNG), a FileSource that streams in tiny chunks, and error matching.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encode as encodePng } from 'fast-png';
import { expect } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { DataError, type DataErrorPlace } from '../../../engine/data/dataError.ts';
import type { FileSource } from '../../../engine/data/fileSource.ts';

export interface TempFolder {
  readonly root: string;
  readonly files: FileSource;
  /** Writes a file (creating folders) and returns its absolute path. */
  write(relative: string, content: Uint8Array | string): string;
  remove(): void;
}

export function createTempFolder(prefix: string): TempFolder {
  const root = mkdtempSync(join(tmpdir(), `netloom-${prefix}-`));
  return {
    root,
    files: createNodeFileSource(root),
    write(relative, content) {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The same files, streamed `chunkSize` bytes at a time whatever the reader asks for. */
export function withChunkSize(files: FileSource, chunkSize: number): FileSource {
  return { ...files, stream: (path) => files.stream(path, chunkSize) };
}

export type IdxCode = 0x08 | 0x09 | 0x0b | 0x0c | 0x0d | 0x0e;

/** An IDX file: magic, dims and big-endian values. */
export function idxBytes(code: IdxCode, dims: readonly number[], values: ArrayLike<number>): Uint8Array {
  const size = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 }[code];
  const bytes = new Uint8Array(4 + 4 * dims.length + values.length * size);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, code, dims.length]);
  dims.forEach((dim, index) => view.setUint32(4 + 4 * index, dim, false));
  const start = 4 + 4 * dims.length;
  for (let index = 0; index < values.length; index++) {
    const at = start + index * size;
    if (code === 0x08) view.setUint8(at, values[index]);
    else if (code === 0x09) view.setInt8(at, values[index]);
    else if (code === 0x0b) view.setInt16(at, values[index], false);
    else if (code === 0x0c) view.setInt32(at, values[index], false);
    else if (code === 0x0d) view.setFloat32(at, values[index], false);
    else view.setFloat64(at, values[index], false);
  }
  return bytes;
}

export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}

export type NpyDescr = '<f4' | '<f8' | '<i4' | '<i8' | '|u1' | string;

/** An NPY file as numpy.save writes it (header padded to a multiple of 64 bytes). */
export function npyBytes(descr: NpyDescr, shape: readonly number[], values: ArrayLike<number>, options: { version?: 1 | 2; fortran?: boolean } = {}): Uint8Array {
  const version = options.version ?? 1;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': ${options.fortran === true ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const padded = dict.padEnd(Math.ceil((prefix + dict.length + 1) / 64) * 64 - prefix - 1, ' ') + '\n';
  const size = descr.endsWith('8') ? 8 : descr.endsWith('4') ? 4 : descr.endsWith('2') ? 2 : 1;
  const bytes = new Uint8Array(prefix + padded.length + values.length * size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  if (version === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  bytes.set(new TextEncoder().encode(padded), prefix);
  const start = prefix + padded.length;
  for (let index = 0; index < values.length; index++) {
    const at = start + index * size;
    if (descr === '<f4') view.setFloat32(at, values[index], true);
    else if (descr === '<f8') view.setFloat64(at, values[index], true);
    else if (descr === '<i4') view.setInt32(at, values[index], true);
    else if (descr === '<i8') view.setBigInt64(at, BigInt(values[index]), true);
    else if (size === 1) view.setUint8(at, values[index]);
    else if (size === 4) view.setFloat32(at, values[index], false);
  }
  return bytes;
}

/** A PNG of 8-bit pixels, `channels` interleaved. */
export function pngBytes(width: number, height: number, channels: 1 | 2 | 3 | 4, pixel: (x: number, y: number, channel: number) => number): Uint8Array {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < channels; channel++) data[(y * width + x) * channels + channel] = pixel(x, y, channel);
    }
  }
  return encodePng({ width, height, data, channels, depth: 8 });
}

/** Awaits a rejection and checks it is a DataError at the given place whose message matches. */
export async function expectDataError(promise: Promise<unknown>, place: Partial<DataErrorPlace>, message: RegExp | string): Promise<DataError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'expected a DataError').toBeInstanceOf(DataError);
  const dataError = error as DataError;
  for (const [key, value] of Object.entries(place)) expect(dataError[key as keyof DataErrorPlace], key).toBe(value);
  if (typeof message === 'string') expect(dataError.message).toBe(message);
  else expect(dataError.message).toMatch(message);
  return dataError;
}

/** Same as expectDataError for a function that throws synchronously. */
export function expectDataErrorSync(action: () => unknown, place: Partial<DataErrorPlace>, message: RegExp | string): Promise<DataError> {
  return expectDataError(Promise.resolve().then(action), place, message);
}
