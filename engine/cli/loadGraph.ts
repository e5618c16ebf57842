// Reads a graph file for a command: parse, validate, and say what is wrong with file and node.
import { readFile } from 'node:fs/promises';
import { analyzeGraph, formatDiagnostic, hasErrors, parseDocumentText, type DatasetReference, type GraphDocument } from '../graph/index.ts';

export class UsageError extends Error {}

export async function loadGraph(file: string): Promise<GraphDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`);
  }
  const parsed = parseDocumentText(text);
  const analysis = parsed.document === null ? null : analyzeGraph(parsed.document);
  const diagnostics = analysis?.diagnostics ?? parsed.diagnostics;
  if (analysis === null || analysis.document === null || hasErrors(analysis)) {
    const lines = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => formatDiagnostic(diagnostic, file));
    throw new UsageError(lines.join('\n'));
  }
  return analysis.document;
}

type FileFormat = Extract<DatasetReference, { source: 'file' }>['format'];

const FORMATS: readonly (readonly [RegExp, FileFormat])[] = [
  [/\.csv$/i, 'csv'],
  [/\.npy$/i, 'npy'],
  [/\.(txt|text|md)$/i, 'text'],
  [/(ubyte|idx\d?)(\.gz)?$/i, 'idx'],
];

/** The graph's dataset with its path replaced by --data (format kept, or told by the extension). */
export function withDataPath(document: GraphDocument, path: string | undefined, isFolder: boolean): GraphDocument {
  if (path === undefined) return document;
  const current = document.dataset;
  const format = isFolder ? 'imageFolder' : FORMATS.find(([pattern]) => pattern.test(path))?.[1] ?? (current?.source === 'file' ? current.format : undefined);
  if (format === undefined) throw new UsageError(`Cannot tell the format of ${path}: use a .csv, .npy, .txt or IDX file, or a folder of images.`);
  const keep = current?.source === 'file' && current.format === format ? current : undefined;
  return { ...document, dataset: { source: 'file', path, format, labelPath: keep?.labelPath, labelColumn: keep?.labelColumn, options: keep?.options } };
}
