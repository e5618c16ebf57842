// The files a user gave in this session (picked or dropped in the app), kept in the engine worker
// under the paths the graph document names them by, in front of the app's own server (the
// bundled data). They live as long as the worker: after a reload a graph naming one of them gets
// "file not found ... add it again", and the dataset panel shows an "Add the file again" button.
import { DataError, type FileSource, type ProgressCallback } from '../data/index.ts';
import { createBlobFileSource, listImplied } from '../data/blobFileSource.ts';
import { createMemoryFileSource, normalizePath } from '../data/fileSource.ts';
import { FASHION_MNIST_FOLDER, fashionMnistName, planAddedFiles, planUnpacked, type AddedDataset } from '../data/addedFiles.ts';
import { guessLabelColumn, peekCsv } from '../data/csvPeek.ts';
import { readZipArchive } from '../data/zipArchive.ts';
import type { DatasetReference } from '../graph/index.ts';
import type { FileToAdd } from '../protocol/index.ts';

const FASHION_HINT =
  'its files are not in this page; add its four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; on Debian the dataset-fashion-mnist package has them) under "Add your own" in the Dataset panel';
const ADD_AGAIN = 'file not found: it is neither among the files added in this session (added files are kept until the page is closed or reloaded) nor bundled with the app; add it again in the Dataset panel';

export class SessionFiles {
  private readonly blobs = new Map<string, Blob>();
  private readonly unpacked = new Map<string, Uint8Array>();

  /** `bundled`: the app's own files (the fetch source), read where a path is not a user's. */
  constructor(private readonly bundled?: FileSource) {}

  /** Keeps the files and answers with the dataset reference they make. */
  async add(files: readonly FileToAdd[], onProgress?: ProgressCallback): Promise<DatasetReference> {
    const given = files.map((file) => ({ path: normalizePath(file.path), blob: file.blob }));
    const plan = planAddedFiles(given.map((file) => file.path));
    for (const { path, blob } of given) this.blobs.set(plan.kind === 'reference' && plan.reference.source === 'builtin' ? (fashionMnistName(path) ?? path) : path, blob);
    return this.resolve(plan, onProgress);
  }

  private async resolve(plan: AddedDataset, onProgress?: ProgressCallback): Promise<DatasetReference> {
    if (plan.kind === 'archive') {
      const entries = await readZipArchive(this.source(), plan.path, onProgress);
      for (const [name, bytes] of entries) this.unpacked.set(`${plan.folder}/${name}`, bytes);
      return this.resolve(planUnpacked(plan.folder, [...entries.keys()], plan.archive), onProgress);
    }
    const reference = plan.reference;
    if (reference.source !== 'file' || reference.format !== 'csv') return reference;
    const delimiter = typeof reference.options?.delimiter === 'string' ? reference.options.delimiter : ',';
    const labelColumn = guessLabelColumn(await peekCsv(this.source(), reference.path, 10, delimiter));
    return labelColumn === undefined ? reference : { ...reference, labelColumn };
  }

  /** Whether a path (file or folder) is among the files given. */
  has(path: string): boolean {
    const key = normalizePath(path);
    return this.blobs.has(key) || this.unpacked.has(key) || listImplied([...this.blobs.keys(), ...this.unpacked.keys()], key) !== undefined;
  }

  /** The user's files first, then the bundled ones; a path in neither is "file not found ... add it again". */
  source(): FileSource {
    // Built per read from the maps as they are now: files added later are found too.
    const pick = (path: string): FileSource => {
      const key = normalizePath(path);
      const blob = this.blobs.get(key);
      if (blob !== undefined) return createBlobFileSource(new Map([[key, blob]]));
      const bytes = this.unpacked.get(key);
      if (bytes !== undefined) return createMemoryFileSource(new Map([[key, bytes]]));
      if (key.startsWith(`${FASHION_MNIST_FOLDER}/`)) throw new DataError({ file: 'Fashion-MNIST' }, FASHION_HINT);
      if (this.bundled === undefined) throw new DataError({ file: path }, ADD_AGAIN);
      return this.bundled;
    };
    const missing = (path: string, error: unknown): never => {
      if (error instanceof DataError && /not found/.test(error.problem)) throw new DataError({ file: path }, ADD_AGAIN, { cause: error });
      throw error;
    };
    return {
      read: async (path) => pick(path).read(path).catch((error: unknown) => missing(path, error)),
      size: async (path) => pick(path).size(path).catch((error: unknown) => missing(path, error)),
      async *stream(path, chunkSize) {
        yield* pick(path).stream(path, chunkSize);
      },
      list: async (path) => {
        const listed = listImplied([...this.blobs.keys(), ...this.unpacked.keys()], path);
        if (listed !== undefined) return listed;
        throw new DataError({ file: path }, 'folder not found: it is not among the files added in this session; add the folder again in the Dataset panel');
      },
    };
  }
}
