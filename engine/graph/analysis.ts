// The result of validating and shape-inferring a document.
import type { Diagnostic } from './diagnostic.ts';
import type { GraphDocument } from './document.ts';
import type { Params } from './layerSpec.ts';
import type { TensorShape } from './shape.ts';

export interface GraphAnalysis {
  /** The parsed, defaulted document; null when its structure is unreadable. */
  readonly document: GraphDocument | null;
  /** The output shape of every node whose shape could be inferred (loss heads: a scalar). */
  readonly nodeShapes: ReadonlyMap<string, TensorShape>;
  /** The shape each edge carries, where known. */
  readonly edgeShapes: ReadonlyMap<string, TensorShape>;
  /** Node ids in a topological order (nodes in cycles are left out). */
  readonly order: readonly string[];
  /** Trainable parameters per node, and their sum. */
  readonly parameterCounts: ReadonlyMap<string, number>;
  readonly totalParameters: number;
  /** Each node's params, checked and with defaults filled in. */
  readonly params: ReadonlyMap<string, Params>;
  readonly diagnostics: readonly Diagnostic[];
}

export function hasErrors(analysis: GraphAnalysis): boolean {
  return analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
