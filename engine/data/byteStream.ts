// Streamed reading for the binary and text readers: chunks with progress, transparent gzip
// (DecompressionStream, standard in Node 20 and workers), and a reader of exact byte counts.
// Every read keeps the bytes-per-file limit: the size is checked before reading, and the bytes
// are counted as they come (a size can lie: /proc files, devices, a server), decompressed too.
import { DataError, asDataError } from './dataError.ts';
import type { FileSource, ProgressCallback } from './fileSource.ts';
import { DEFAULT_DATA_LIMITS, formatBytes } from './limits.ts';

export interface ReadChunksOptions {
  readonly onProgress?: ProgressCallback;
  readonly chunkSize?: number;
  /** The bytes the file may have (default: DEFAULT_DATA_LIMITS.maxFileBytes). */
  readonly maxBytes?: number;
}

/** The DataError for a file past the bytes-per-file limit. */
export function fileTooLarge(file: string, what: string, maxBytes: number): DataError {
  return new DataError({ file }, `${what}; a data file may have at most ${formatBytes(maxBytes)} (limit maxFileBytes): use a smaller file or split it`);
}

/** The file's chunks, reporting bytes read (of the file's size) after each one. */
export async function* readFileChunks(files: FileSource, path: string, read: ReadChunksOptions = {}): AsyncGenerator<Uint8Array> {
  const maxBytes = read.maxBytes ?? DEFAULT_DATA_LIMITS.maxFileBytes;
  const total = await files.size(path);
  if (total > maxBytes) throw fileTooLarge(path, `the file is ${formatBytes(total)}`, maxBytes);
  let done = 0;
  read.onProgress?.({ done, total, unit: 'bytes' });
  try {
    for await (const chunk of files.stream(path, read.chunkSize)) {
      done += chunk.byteLength;
      if (done > maxBytes) throw fileTooLarge(path, `the file goes on past ${formatBytes(maxBytes)} though its size says ${formatBytes(total)}`, maxBytes);
      yield chunk;
      read.onProgress?.({ done, total: Math.max(total, done), unit: 'bytes' });
    }
  } catch (error) {
    throw asDataError(error, { file: path }, 'cannot read the file');
  }
}

/** The whole file in one array, within the bytes-per-file limit. */
export async function readWholeFile(files: FileSource, path: string, maxBytes?: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readFileChunks(files, path, { maxBytes })) chunks.push(chunk);
  if (chunks.length === 1) return chunks[0];
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function concatenate(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.byteLength + second.byteLength);
  joined.set(first);
  joined.set(second, first.byteLength);
  return joined;
}

/** `first`, then the rest of the iterator; closing this closes the rest (and its file). */
async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield first;
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

/** The chunks as they are, or decompressed when they start with the gzip magic (1f 8b), at most `maxBytes` of them. */
export async function* gunzipIfCompressed(chunks: AsyncIterable<Uint8Array>, file: string, maxBytes = DEFAULT_DATA_LIMITS.maxFileBytes): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  while (head.byteLength < 2) {
    const next = await iterator.next();
    if (next.done === true) break;
    head = head.byteLength === 0 ? next.value : concatenate(head, next.value);
  }
  if (head.byteLength === 0) return;
  const all = prepend(head, iterator);
  if (!isGzip(head)) {
    yield* all;
    return;
  }
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      const next = await all.next();
      if (next.done === true) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await all.return(undefined);
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  let done = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      done += next.value.byteLength;
      if (done > maxBytes) throw fileTooLarge(file, `the data decompresses to more than ${formatBytes(maxBytes)}`, maxBytes);
      yield next.value;
    }
  } catch (error) {
    throw asDataError(error, { file }, 'the gzip data is corrupt or truncated');
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Reads exact byte counts from a chunk stream, without copying when one chunk suffices. */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private pending: Uint8Array = new Uint8Array(0);
  private finished = false;
  /** Bytes handed out so far. */
  offset = 0;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    while (this.pending.byteLength === 0 && !this.finished) {
      const next = await this.iterator.next();
      if (next.done === true) this.finished = true;
      else this.pending = next.value;
    }
    return this.pending.byteLength > 0;
  }

  /** The next `count` bytes, or fewer when the stream ends first. */
  async read(count: number): Promise<Uint8Array> {
    if (!(await this.fill())) return new Uint8Array(0);
    if (this.pending.byteLength >= count) return this.take(count);
    const result = new Uint8Array(count);
    let filled = 0;
    while (filled < count && (await this.fill())) {
      const piece = this.take(Math.min(count - filled, this.pending.byteLength));
      result.set(piece, filled);
      filled += piece.byteLength;
    }
    return filled === count ? result : result.subarray(0, filled);
  }

  /** Reads until the stream ends and returns how many bytes were left. */
  async skipRest(): Promise<number> {
    let count = 0;
    while (await this.fill()) count += this.take(this.pending.byteLength).byteLength;
    return count;
  }

  /** Stops reading early, so the file is closed (safe to call after the end). */
  async close(): Promise<void> {
    this.finished = true;
    this.pending = new Uint8Array(0);
    await this.iterator.return?.();
  }

  private take(count: number): Uint8Array {
    const piece = this.pending.subarray(0, count);
    this.pending = this.pending.subarray(count);
    this.offset += count;
    return piece;
  }
}

/** The bytes in an array of their own (no copy when they already fill their buffer). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** Runs `action` on a ByteReader over the chunks and closes it after, even on an error. */
export async function withByteReader<T>(chunks: AsyncIterable<Uint8Array>, action: (reader: ByteReader) => Promise<T>): Promise<T> {
  const reader = new ByteReader(chunks);
  try {
    return await action(reader);
  } finally {
    await reader.close();
  }
}
