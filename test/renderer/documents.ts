// Graph documents for the renderer's tests: the bundled examples, parsed, and small edits of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeGraph, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';

const examples = join(import.meta.dirname, '../../assets/examples');

export function exampleText(name: string): string {
  return readFileSync(join(examples, `${name}.json`), 'utf8');
}

export function example(name: string): { document: GraphDocument; analysis: GraphAnalysis } {
  const analysis = analyzeGraph(JSON.parse(exampleText(name)));
  if (analysis.document === null) throw new Error(`${name}.json does not parse: ${analysis.diagnostics[0]?.message}`);
  return { document: analysis.document, analysis };
}

/** The MNIST MLP without its Flatten: the image goes straight into a Dense layer. */
export function denseOnImage(): { document: GraphDocument; analysis: GraphAnalysis } {
  const { document } = example('mnist-mlp');
  const broken: GraphDocument = {
    ...document,
    nodes: document.nodes.filter((node) => node.id !== 'flatten1'),
    edges: [
      { id: 'direct', source: 'input1', sourcePort: 'out', target: 'dense1', targetPort: 'in' },
      ...document.edges.filter((edge) => edge.source !== 'flatten1' && edge.target !== 'flatten1'),
    ],
  };
  return { document: broken, analysis: analyzeGraph(broken) };
}
