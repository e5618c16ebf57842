// One pure function from a document to every node's shape and a list of diagnostics. Never throws.
import type { GraphAnalysis } from './analysis.ts';
import { error } from './diagnostic.ts';
import { inferShapes } from './infer.ts';
import { layerCatalog } from './layers/index.ts';
import { parseDocument } from './parse.ts';
import { checkWiring } from './structure.ts';
import { checkTask } from './task.ts';

const EMPTY = new Map<never, never>();

export function analyzeGraph(input: unknown): GraphAnalysis {
  try {
    return analyze(input);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { document: null, nodeShapes: EMPTY, edgeShapes: EMPTY, order: [], parameterCounts: EMPTY, totalParameters: 0, params: EMPTY, diagnostics: [error(`The graph could not be checked: ${message}`)] };
  }
}

function analyze(input: unknown): GraphAnalysis {
  const parsed = parseDocument(input);
  const document = parsed.document;
  if (document === null) {
    return { document: null, nodeShapes: EMPTY, edgeShapes: EMPTY, order: [], parameterCounts: EMPTY, totalParameters: 0, params: EMPTY, diagnostics: parsed.diagnostics };
  }
  const wiring = checkWiring(document, layerCatalog);
  const inference = inferShapes(document, wiring);
  const taskDiagnostics = checkTask(document, wiring, inference.nodeShapes);
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
    diagnostics: [...wiring.diagnostics, ...inference.diagnostics, ...taskDiagnostics],
  };
}
