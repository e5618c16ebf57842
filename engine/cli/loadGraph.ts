// Reads a graph file for a command: parse, validate, and say what is wrong with file and node.
// A dataset path in the graph is relative to the graph's folder; --data, to the working directory.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { analyzeGraphText, formatDiagnostic, hasErrors, type DatasetReference, type GraphDocument } from '../graph/index.ts';

export class UsageError extends Error {}

export async function loadGraph(file: string): Promise<GraphDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`);
  }
  const analysis = analyzeGraphText(text);
  if (analysis.document === null || hasErrors(analysis)) {
    const lines = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => formatDiagnostic(diagnostic, file));
    throw new UsageError(lines.join('\n'));
  }
  return withPathsFromGraphFolder(analysis.document, file);
}

/** A path written in the graph, as seen from the working directory: relative ones start at the graph's folder. */
function fromGraphFolder(path: string, file: string, workingDirectory: string): string {
  if (isAbsolute(path)) return path;
  const resolved = resolve(dirname(resolve(workingDirectory, file)), path);
  // Shown from the working directory when it lies below it, else in full.
  const shown = relative(workingDirectory, resolved);
  return shown === '' || isAbsolute(shown) || shown.split(sep)[0] === '..' ? resolved : shown;
}

/** The document with its dataset's file paths resolved against the graph file's folder (absolute paths unchanged). */
export function withPathsFromGraphFolder(document: GraphDocument, file: string, workingDirectory: string = process.cwd()): GraphDocument {
  const dataset = document.dataset;
  if (dataset?.source !== 'file') return document;
  const labelPath = dataset.labelPath === undefined ? undefined : fromGraphFolder(dataset.labelPath, file, workingDirectory);
  return { ...document, dataset: { ...dataset, path: fromGraphFolder(dataset.path, file, workingDirectory), ...(labelPath === undefined ? {} : { labelPath }) } };
}

type FileFormat = Extract<DatasetReference, { source: 'file' }>['format'];

const FORMATS: readonly (readonly [RegExp, FileFormat])[] = [
  [/\.csv$/i, 'csv'],
  [/\.npy$/i, 'npy'],
  [/\.(txt|text|md)$/i, 'text'],
  [/(ubyte|idx\d?)(\.gz)?$/i, 'idx'],
];

/** The graph's dataset with its path replaced by --data (format kept, or told by the extension; the normalization kept). */
export function withDataPath(document: GraphDocument, path: string | undefined, isFolder: boolean): GraphDocument {
  if (path === undefined) return document;
  const current = document.dataset;
  const format = isFolder ? 'imageFolder' : FORMATS.find(([pattern]) => pattern.test(path))?.[1] ?? (current?.source === 'file' ? current.format : undefined);
  if (format === undefined) throw new UsageError(`Cannot tell the format of ${path}: use a .csv, .npy, .txt or IDX file, or a folder of images.`);
  const keep = current?.source === 'file' && current.format === format ? current : undefined;
  return { ...document, dataset: { source: 'file', path, format, labelPath: keep?.labelPath, labelColumn: keep?.labelColumn, options: keep?.options, normalization: current?.normalization } };
}
