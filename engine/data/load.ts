// One entry point from a graph document's dataset reference to a Dataset: built-in sets by
// name, files by format. Every failure is a DataError naming the file and place.
import { z } from 'zod';
import type { DatasetReference } from '../graph/document.ts';
import { loadBuiltinDataset, type BuiltinContext } from './builtin/index.ts';
import { DataError } from './dataError.ts';
import type { Dataset } from './dataset.ts';
import { baseName, type FileSource } from './fileSource.ts';
import { readCsvDataset } from './readers/csv.ts';
import { readIdxDataset } from './readers/idx.ts';
import { readImageFolderDataset } from './readers/imageFolder.ts';
import { readNpyDataset } from './readers/npy.ts';
import { readTextDataset } from './readers/text.ts';
import { parseOptions } from './options.ts';
import type { DataLimits } from './limits.ts';

export interface LoadContext extends BuiltinContext {
  /** Limits for reading a user's files; unset ones keep DEFAULT_DATA_LIMITS. */
  readonly limits?: Partial<DataLimits>;
}

const IdxOptionsSchema = z.object({ classNames: z.array(z.string()).optional() }).strict();

function fileSource(context: LoadContext, path: string): FileSource {
  if (context.files === undefined) throw new DataError({ file: path }, 'no file source was given to read files with');
  return context.files;
}

export async function loadDataset(reference: DatasetReference, context: LoadContext = {}): Promise<Dataset> {
  if (reference.source === 'builtin') return loadBuiltinDataset(reference.name, reference.options, context);
  const { path, options, labelPath } = reference;
  const files = fileSource(context, path);
  const common = { name: baseName(path), onProgress: context.onProgress, limits: context.limits };
  switch (reference.format) {
    case 'idx': {
      const { classNames } = parseOptions(IdxOptionsSchema, options, path);
      return readIdxDataset(files, path, { ...common, labelPath, classNames });
    }
    case 'csv':
      return readCsvDataset(files, path, { ...common, labelColumn: reference.labelColumn, options });
    case 'imageFolder':
      return readImageFolderDataset(files, path, { ...common, options });
    case 'text':
      return readTextDataset(files, path, { ...common, options });
    case 'npy':
      return readNpyDataset(files, path, { ...common, labelPath, options });
  }
}
