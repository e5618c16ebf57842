// The numbers and problems the graph overview and the status bar show.
import type { Fix, GraphAnalysis, GraphDocument } from '../../engine/graph/index.ts';

export interface GraphProblem {
  readonly severity: 'error' | 'warning';
  readonly nodeId: string | null;
  readonly message: string;
  readonly suggestion: string | null;
  readonly fix?: Fix;
}

export interface GraphSummary {
  readonly task: string;
  /** What the graph trains on (a built-in set's name, a file's name); null when it names none. */
  readonly dataset: string | null;
  readonly layerCount: number;
  readonly edgeCount: number;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly problems: readonly GraphProblem[];
}

export function summarizeGraph(document: GraphDocument, analysis: GraphAnalysis): GraphSummary {
  const dataset = document.dataset === undefined ? null : document.dataset.source === 'builtin' ? document.dataset.name : fileName(document.dataset.path);
  const problems = analysis.diagnostics.map((diagnostic) => ({
    severity: diagnostic.severity,
    nodeId: diagnostic.nodeId ?? null,
    message: diagnostic.message,
    suggestion: diagnostic.suggestion ?? null,
    ...(diagnostic.fix === undefined ? {} : { fix: diagnostic.fix }),
  }));
  return {
    task: document.training.task,
    dataset,
    layerCount: document.nodes.length,
    edgeCount: document.edges.length,
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
    warningCount: problems.filter((problem) => problem.severity === 'warning').length,
    problems: [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
  };
}

export interface GraphHealth {
  readonly level: 'ok' | 'warning' | 'error';
  readonly text: string;
}

/**
 * The status bar's word on the graph. "Shapes check out" alone only where the graph can also
 * train; a graph that is fine but names no data says so ("Shapes check out · choose a dataset to
 * train"); anything else counts errors and warnings.
 */
export function graphHealth(summary: GraphSummary): GraphHealth {
  const noData = summary.dataset === null ? 1 : 0;
  if (summary.errorCount === 0 && summary.warningCount === noData) {
    return noData === 0 ? { level: 'ok', text: 'Shapes check out' } : { level: 'warning', text: 'Shapes check out · choose a dataset to train' };
  }
  const errors = `${summary.errorCount} error${summary.errorCount === 1 ? '' : 's'}`;
  const warnings = `${summary.warningCount} warning${summary.warningCount === 1 ? '' : 's'}`;
  return { level: summary.errorCount > 0 ? 'error' : 'warning', text: `${errors}, ${warnings}` };
}

function fileName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? path;
}
