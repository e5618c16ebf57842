// How dataset readers reach files. engine/data runs in a Web Worker and in Node, so it never
// touches a file system itself: the host injects a FileSource (Node: engine/cli/fileSource.ts;
// a worker: files the user picked, held in memory by createMemoryFileSource).
// Paths use `/` separators. Implementations throw DataError for a missing or unreadable path.
import { DataError } from './dataError.ts';

export interface FileEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

export interface FileSource {
  /** The whole file. Use `stream` for files that may be large. */
  read(path: string): Promise<Uint8Array>;
  /** The file in chunks, in order, each at most about `chunkSize` bytes. */
  stream(path: string, chunkSize?: number): AsyncIterable<Uint8Array>;
  /** The size in bytes. */
  size(path: string): Promise<number>;
  /** The entries of a directory, in no particular order. */
  list(path: string): Promise<readonly FileEntry[]>;
}

/** Progress of a long read: bytes of the file or records (images) done so far, of a total. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly unit: 'bytes' | 'records';
}

export type ProgressCallback = (progress: Progress) => void;

export const DEFAULT_CHUNK_SIZE = 1 << 20;

/** Joins path parts with `/`, dropping empty parts' extra separators. */
export function joinPath(...parts: readonly string[]): string {
  const kept = parts.filter((part) => part.length > 0);
  return kept.map((part, index) => (index === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, ''))).join('/') || '/';
}

/** The last part of a path: `data/train.csv` -> `train.csv`. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[/\\]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut < 0 ? trimmed : trimmed.slice(cut + 1);
}

/** A path with `/` separators, no `./` start and no trailing or doubled separators. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
}

/**
 * A FileSource over files held in memory, keyed by path (`dir/sub/file.png`). Directories are
 * implied by the paths. For a worker given files the user picked, and for tests.
 */
export function createMemoryFileSource(files: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>): FileSource {
  const entries = new Map<string, Uint8Array>();
  for (const [path, bytes] of files instanceof Map ? files : Object.entries(files)) entries.set(normalizePath(path), bytes);

  function get(path: string): Uint8Array {
    const bytes = entries.get(normalizePath(path));
    if (bytes === undefined) throw new DataError({ file: path }, 'no such file');
    return bytes;
  }

  return {
    read: async (path) => get(path),
    size: async (path) => get(path).byteLength,
    async *stream(path, chunkSize = DEFAULT_CHUNK_SIZE) {
      const bytes = get(path);
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    },
    async list(path) {
      const prefix = normalizePath(path) === '' ? '' : `${normalizePath(path)}/`;
      const found = new Map<string, boolean>();
      for (const key of entries.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf('/');
        found.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      if (found.size === 0) throw new DataError({ file: path }, 'no such directory');
      return [...found].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}
