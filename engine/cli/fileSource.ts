// The Node FileSource for engine/data: relative paths resolve against `root` (default: the
// working directory); Node's errors become DataErrors naming the path.
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError } from '../data/dataError.ts';
import { DEFAULT_CHUNK_SIZE, type FileSource } from '../data/fileSource.ts';

function describeNodeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'is a folder, expected a file';
  if (code === 'ENOTDIR') return 'is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

async function guard<T>(path: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError({ file: path }, describeNodeError(error), { cause: error });
  }
}

/** A plain Uint8Array view of a Buffer (no copy). */
function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export function createNodeFileSource(root: string = process.cwd()): FileSource {
  const full = (path: string) => resolve(root, path);
  return {
    read: (path) => guard(path, async () => asBytes(await readFile(full(path)))),
    size: (path) =>
      guard(path, async () => {
        const info = await stat(full(path));
        if (info.isDirectory()) throw new DataError({ file: path }, 'is a folder, expected a file');
        return info.size;
      }),
    list: (path) => guard(path, async () => (await readdir(full(path), { withFileTypes: true })).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))),
    async *stream(path, chunkSize = DEFAULT_CHUNK_SIZE) {
      const stream = createReadStream(full(path), { highWaterMark: chunkSize });
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) yield asBytes(chunk);
      } catch (error) {
        throw new DataError({ file: path }, describeNodeError(error), { cause: error });
      } finally {
        stream.destroy();
      }
    },
  };
}
