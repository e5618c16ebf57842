// What validation reports: where (node, edge, field), what is wrong, and how to fix it.
export type Severity = 'error' | 'warning';

/** A fix the editor can apply in one click. */
export type Fix =
  | { readonly kind: 'insertNode'; readonly edgeId: string; readonly type: string; readonly params?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'setParam'; readonly nodeId: string; readonly field: string; readonly value: unknown }
  | { readonly kind: 'removeEdge'; readonly edgeId: string }
  | { readonly kind: 'changeType'; readonly nodeId: string; readonly type: string };

export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** A param name, or a document path such as `training.batchSize`. */
  readonly field?: string;
  /** What to do, in words. */
  readonly suggestion?: string;
  readonly fix?: Fix;
}

export function error(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'error', message, ...where };
}

export function warning(message: string, where: Omit<Diagnostic, 'severity' | 'message'> = {}): Diagnostic {
  return { severity: 'warning', message, ...where };
}

/** One line a diagnostic, as the CLI prints it: `node <id>: <message>`; `document` names the rest. */
export function formatDiagnostic(diagnostic: Diagnostic, document = 'graph'): string {
  const place = diagnostic.nodeId !== undefined ? `node ${diagnostic.nodeId}` : diagnostic.edgeId !== undefined ? `edge ${diagnostic.edgeId}` : document;
  const field = diagnostic.field !== undefined ? ` (${diagnostic.field})` : '';
  const suggestion = diagnostic.suggestion !== undefined ? ` ${diagnostic.suggestion}` : '';
  return `${place}${field}: ${diagnostic.message}${suggestion}`;
}
