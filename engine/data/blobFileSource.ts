// A FileSource over browser File and Blob objects (files a user picked or dropped), keyed by path
// (`shapes/circle/1.png`); directories are implied by the paths. Reading happens where the source
// lives (the engine worker), in slices, so a large file streams with progress and is never read
// on the UI thread. Node has Blob too, so the same code is unit-tested there.
import { DataError } from './dataError.ts';
import { DEFAULT_CHUNK_SIZE, normalizePath, type FileEntry, type FileSource } from './fileSource.ts';

async function readSlice(blob: Blob, start: number, end: number, path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.slice(start, end).arrayBuffer());
  } catch (error) {
    // A file picked earlier and since moved, deleted or changed on disk can no longer be read.
    throw new DataError({ file: path }, 'not readable: the file was moved, changed or deleted after it was added; add it again', { cause: error });
  }
}

/** Directory entries implied by `keys` under `path` (''), or undefined when there are none. */
export function listImplied(keys: Iterable<string>, path: string): FileEntry[] | undefined {
  const prefix = normalizePath(path) === '' ? '' : `${normalizePath(path)}/`;
  const found = new Map<string, boolean>();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    found.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
  }
  return found.size === 0 ? undefined : [...found].map(([name, isDirectory]) => ({ name, isDirectory }));
}

export function createBlobFileSource(files: ReadonlyMap<string, Blob>): FileSource {
  const entries = new Map<string, Blob>();
  for (const [path, blob] of files) entries.set(normalizePath(path), blob);

  function get(path: string): Blob {
    const blob = entries.get(normalizePath(path));
    if (blob === undefined) throw new DataError({ file: path }, 'file not found among the files added');
    return blob;
  }

  return {
    async read(path) {
      const blob = get(path);
      return readSlice(blob, 0, blob.size, path);
    },
    async size(path) {
      return get(path).size;
    },
    async *stream(path, chunkSize = DEFAULT_CHUNK_SIZE) {
      const blob = get(path);
      for (let offset = 0; offset < blob.size; offset += chunkSize) yield await readSlice(blob, offset, Math.min(blob.size, offset + chunkSize), path);
    },
    async list(path) {
      const listed = listImplied(entries.keys(), path);
      if (listed === undefined) throw new DataError({ file: path }, 'folder not found among the files added');
      return listed;
    },
  };
}
