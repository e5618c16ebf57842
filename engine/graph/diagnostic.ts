// What validation reports: where (node, edge, field), what is wrong, and how to fix it.
export type Severity = 'error' | 'warning';

/** A fix that is one edit of the document, applied in one click (and undone as one). */
export type DocumentFix =
  | { readonly kind: 'insertNode'; readonly edgeId: string; readonly type: string; readonly params?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'setParam'; readonly nodeId: string; readonly field: string; readonly value: unknown }
  | { readonly kind: 'removeEdge'; readonly edgeId: string }
  | { readonly kind: 'changeType'; readonly nodeId: string; readonly type: string }
  /** Gives the data Input the data's example shape: `params` are the Input params that make `dims`. */
  | { readonly kind: 'setInputShape'; readonly nodeId: string; readonly dims: readonly number[]; readonly params: Readonly<Record<string, unknown>> }
  /** Gives the Dense that ends a classifier one unit per class. */
  | { readonly kind: 'setUnits'; readonly nodeId: string; readonly units: number };

/** A fix that is no edit: the user picks the data, so the app opens its dataset panel. */
export interface ChooseDatasetFix {
  readonly kind: 'chooseDataset';
}

/** A fix the editor can apply in one click. */
export type Fix = DocumentFix | ChooseDatasetFix;

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
