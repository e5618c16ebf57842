// One pure function from a document to every node's shape and a list of diagnostics (validation and
// shape inference together). Never throws.
import { checkDatasetFit } from './datasetFit.ts';
import { error, type Diagnostic } from './diagnostic.ts';
import type { GraphDocument } from './document.ts';
import { inferShapes } from './infer.ts';
import type { Params } from './layerSpec.ts';
import { layerCatalog } from './layers/index.ts';
import { parseDocument, parseJsonText } from './parse.ts';
import type { TensorShape } from './shape.ts';
import { checkWiring } from './structure.ts';
import { checkTask } from './task.ts';

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

const EMPTY = new Map<never, never>();

export function analyzeGraph(input: unknown): GraphAnalysis {
  try {
    return analyze(input);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return unreadable([error(`The graph could not be checked: ${message}`)]);
  }
}

/** analyzeGraph for JSON text (a file's contents): a syntax error is its one diagnostic. */
export function analyzeGraphText(text: string): GraphAnalysis {
  const json = parseJsonText(text);
  return json.ok ? analyzeGraph(json.value) : unreadable([json.diagnostic]);
}

function unreadable(diagnostics: readonly Diagnostic[]): GraphAnalysis {
  return { document: null, nodeShapes: EMPTY, edgeShapes: EMPTY, order: [], parameterCounts: EMPTY, totalParameters: 0, params: EMPTY, diagnostics };
}

function analyze(input: unknown): GraphAnalysis {
  const parsed = parseDocument(input);
  const document = parsed.document;
  if (document === null) {
    // The readable parts of a broken document are checked too, so every problem shows at once.
    const readable = parsed.readable ?? null;
    if (readable === null) return unreadable(parsed.diagnostics);
    const wiring = checkWiring(readable, layerCatalog);
    const inference = inferShapes(readable, wiring);
    return unreadable([...parsed.diagnostics, ...wiring.diagnostics, ...inference.diagnostics]);
  }
  const wiring = checkWiring(document, layerCatalog);
  const inference = inferShapes(document, wiring);
  const taskDiagnostics = checkTask(document, wiring, inference.nodeShapes);
  const fitDiagnostics = checkDatasetFit({ document, wiring, shapes: inference.nodeShapes, params: inference.params });
  let totalParameters = 0;
  for (const count of inference.parameterCounts.values()) totalParameters += count;
  return {
    document,
    nodeShapes: inference.nodeShapes,
    edgeShapes: inference.edgeShapes,
    order: wiring.order,
    parameterCounts: inference.parameterCounts,
    totalParameters,
    params: inference.params,
    diagnostics: [...wiring.diagnostics, ...inference.diagnostics, ...taskDiagnostics, ...fitDiagnostics],
  };
}
