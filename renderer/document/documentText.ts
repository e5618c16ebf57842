// Graph files as text: read (JSON, then the engine's parse and checks) and write (stable, indented).
import { analyzeGraph, formatDiagnostic, parseJsonText, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';

export type ReadResult = { readonly ok: true; readonly document: GraphDocument; readonly analysis: GraphAnalysis } | { readonly ok: false; readonly message: string };

/** Parses a graph file; on failure says what is wrong and where, in one message. */
export function readDocumentText(text: string, fileName = 'the file'): ReadResult {
  // A leading UTF-8 byte order mark (some editors write one) is skipped; a syntax error is told by
  // line and column, never by quoting the file, which may not be a graph at all.
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, message: `${fileName} is not valid JSON: ${json.diagnostic.message.replace(/^The file is not valid JSON: /, '')}` };
  return readDocumentValue(json.value, fileName);
}

export function readDocumentValue(value: unknown, fileName = 'the file'): ReadResult {
  const analysis = analyzeGraph(value);
  if (analysis.document === null) {
    const problems = analysis.diagnostics.slice(0, 3).map((diagnostic) => formatDiagnostic(diagnostic, fileName));
    const more = analysis.diagnostics.length > 3 ? ` (and ${analysis.diagnostics.length - 3} more)` : '';
    return { ok: false, message: `${fileName} is not a Netloom graph: ${problems.join('; ')}${more}` };
  }
  return { ok: true, document: analysis.document, analysis };
}

export function writeDocumentText(document: GraphDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
