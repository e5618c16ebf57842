// The worker's answers about datasets: files a user gives (kept in SessionFiles) and a dataset's
// preview. Both read in the worker, with progress, so the UI never parses a file.
import { DataError, loadDataset, type LoadContext } from '../data/index.ts';
import { peekCsv } from '../data/csvPeek.ts';
import { previewDataset, type DatasetPreview } from '../data/preview.ts';
import { DatasetSchema, type DatasetReference } from '../graph/index.ts';
import type { DatasetPreviewPayload, DatasetRequest, EngineEvent, PreviewColumn } from '../protocol/index.ts';
import type { SessionFiles } from './sessionFiles.ts';

export interface DatasetContext {
  readonly session: SessionFiles | undefined;
  readonly load: Omit<LoadContext, 'onProgress'>;
  readonly send: (event: EngineEvent) => void;
}

function progress(context: DatasetContext, requestId: number, what: string): LoadContext['onProgress'] {
  return (step) => context.send({ type: 'datasetProgress', requestId, what, ...step });
}

function parseReference(input: unknown): DatasetReference {
  const parsed = DatasetSchema.safeParse(input);
  if (!parsed.success) throw new DataError({ file: 'dataset' }, `not a dataset reference: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  return parsed.data;
}

/** A CSV's first rows as they are in the file, each column marked input, label or ignored. */
async function csvTable(context: DatasetContext, reference: DatasetReference & { source: 'file' }): Promise<DatasetPreviewPayload['table']> {
  const files = context.load.files;
  if (files === undefined) return undefined;
  const options = reference.options ?? {};
  const delimiter = typeof options.delimiter === 'string' ? options.delimiter : ',';
  const ignored = Array.isArray(options.ignoreColumns) ? options.ignoreColumns : [];
  const peek = await peekCsv(files, reference.path, 10, delimiter);
  const role = (name: string): PreviewColumn['role'] => (name === reference.labelColumn ? 'label' : ignored.includes(name) ? 'ignored' : 'input');
  return { columns: peek.columns.map((column) => ({ ...column, role: role(column.name) })), rows: peek.rows };
}

async function preview(context: DatasetContext, requestId: number, input: unknown): Promise<DatasetPreview> {
  const reference = parseReference(input);
  const what = reference.source === 'builtin' ? reference.name : reference.path;
  const dataset = await loadDataset(reference, { ...context.load, onProgress: progress(context, requestId, what) });
  const shown = previewDataset(dataset);
  if (reference.source !== 'file' || reference.format !== 'csv') return shown;
  return { ...shown, table: (await csvTable(context, reference)) ?? shown.table };
}

export async function handleDatasetRequest(context: DatasetContext, request: DatasetRequest): Promise<void> {
  const { requestId } = request;
  if (request.type === 'previewDataset') {
    context.send({ type: 'datasetPreview', requestId, preview: await preview(context, requestId, request.dataset) });
    return;
  }
  if (context.session === undefined) throw new Error('Files can be added in the app only; in a graph run from the command line, name the files in its dataset.');
  const what = request.files.length === 1 ? request.files[0].path : `${request.files.length} files`;
  const dataset = await context.session.add(request.files, progress(context, requestId, what));
  context.send({ type: 'filesAdded', requestId, dataset, paths: request.files.map((file) => file.path) });
}
