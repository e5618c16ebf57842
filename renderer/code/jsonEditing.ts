// Text typed into the JSON view, read as a graph document: the document, or what is wrong and
// where (line and column), so the canvas only ever changes to a document that parses.
import { analyzeGraph, formatDiagnostic, type GraphDocument } from '../../engine/graph/index.ts';
import { locatePath, parsePath, positionAt, type TextPosition } from './jsonLocation.ts';

export type JsonEdit = { readonly ok: true; readonly document: GraphDocument } | { readonly ok: false; readonly message: string; readonly position: TextPosition };

/** Reads JSON.parse's error offset ("at position 14") as a line and column. */
function syntaxError(text: string, cause: unknown): JsonEdit {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const offset = /position (\d+)/.exec(detail);
  const position = offset === null ? positionAt(text, text.length) : positionAt(text, Number(offset[1]));
  const message = detail.replace(/ (in JSON )?at position \d+.*$/, '');
  return { ok: false, message: `Not valid JSON: ${message}.`, position };
}

export function readJsonEdit(text: string): JsonEdit {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return syntaxError(text, cause);
  }
  const analysis = analyzeGraph(value);
  if (analysis.document !== null) return { ok: true, document: analysis.document };
  const first = analysis.diagnostics[0];
  const position = positionAt(text, locatePath(text, parsePath(first?.field ?? '')));
  const more = analysis.diagnostics.length > 1 ? ` (and ${analysis.diagnostics.length - 1} more)` : '';
  return { ok: false, message: `Not a Netloom graph: ${first === undefined ? 'unreadable' : formatDiagnostic(first, 'document')}${more}`, position };
}

export function describeJsonError(edit: Extract<JsonEdit, { ok: false }>): string {
  return `Line ${edit.position.line}, column ${edit.position.column}: ${edit.message}`;
}
