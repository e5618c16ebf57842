// Validation and shape inference run on every edit: time them on a 1,000-node graph.
import { analyzeGraph } from '../engine/graph/index.ts';
import { residualGraph } from './graphs.ts';
import { median, type BenchResult } from './measure.ts';

export function benchValidate(): BenchResult {
  const document = residualGraph(1000);
  const text = JSON.stringify(document);
  const analysis = analyzeGraph(document);
  if (analysis.diagnostics.length > 0) throw new Error(`the benchmark graph is invalid: ${analysis.diagnostics[0].message}`);
  const analyze = median(60, () => analyzeGraph(document));
  const parse = median(60, () => JSON.parse(text));
  return {
    name: 'Validate and infer shapes, 1,000-node graph',
    rows: [
      ['nodes / edges', `${document.nodes.length} / ${document.edges.length}`],
      ['analyzeGraph, median', `${analyze.toFixed(2)} ms (target < 20 ms)`],
      ['JSON.parse of the same document, median', `${parse.toFixed(2)} ms`],
      ['ratio analyzeGraph / JSON.parse', `${(analyze / parse).toFixed(1)}×`],
    ],
    pass: analyze < 20,
  };
}
