// The Node FileSource for engine/data: relative paths resolve against `root` (default: the
// working directory); Node's errors become DataErrors naming the path. Only regular files are
// read: a FIFO, a device or a socket is refused from its stat, before it is opened (opening a
// FIFO waits for a writer; a device such as /dev/zero never ends), and the file is opened
// without blocking and checked again, so a path swapped in between is refused too.
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError } from '../data/dataError.ts';
import { DEFAULT_CHUNK_SIZE, type FileSource } from '../data/fileSource.ts';

function describeNodeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'is a folder, expected a file';
  if (code === 'ENOTDIR') return 'is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return `cannot read it (${code === '' ? 'unknown error' : code})`;
}

async function guard<T>(path: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError({ file: path }, describeNodeError(error), { cause: error });
  }
}

/** What a path is when it is not a regular file. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Throws unless `info` is a regular file. */
export function requireRegularFile(info: Stats, path: string): void {
  if (!info.isFile()) throw new DataError({ file: path }, `is ${kindOf(info)}, not a regular file; give the path of a data file`);
}

/** Opens a regular file for reading, refusing anything else before it could block. */
async function openRegular(full: string, path: string): Promise<FileHandle> {
  requireRegularFile(await stat(full), path);
  const handle = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    requireRegularFile(await handle.stat(), path);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The file's bytes in chunks of at most `chunkSize`, each in an array of its own. */
async function* readChunks(handle: FileHandle, chunkSize: number): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = new Uint8Array(chunkSize);
    const { bytesRead } = await handle.read(buffer, 0, chunkSize, null);
    if (bytesRead === 0) return;
    yield bytesRead === chunkSize ? buffer : buffer.slice(0, bytesRead);
  }
}

export function createNodeFileSource(root: string = process.cwd()): FileSource {
  const full = (path: string) => resolve(root, path);
  async function* stream(path: string, chunkSize = DEFAULT_CHUNK_SIZE): AsyncGenerator<Uint8Array> {
    const handle = await guard(path, () => openRegular(full(path), path));
    try {
      for await (const chunk of readChunks(handle, chunkSize)) yield chunk;
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new DataError({ file: path }, describeNodeError(error), { cause: error });
    } finally {
      await handle.close();
    }
  }
  return {
    async read(path) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of stream(path)) chunks.push(chunk);
      if (chunks.length === 1) return chunks[0];
      const joined = Buffer.concat(chunks);
      return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
    },
    size: (path) =>
      guard(path, async () => {
        const info = await stat(full(path));
        requireRegularFile(info, path);
        return info.size;
      }),
    list: (path) =>
      guard(path, async () => {
        const info = await stat(full(path));
        if (!info.isDirectory()) throw new DataError({ file: path }, `is ${info.isFile() ? 'a file' : kindOf(info)}, expected a folder`);
        return (await readdir(full(path), { withFileTypes: true })).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
      }),
    stream,
  };
}
