// Graph documents for the renderer's tests: the bundled examples, parsed, and small edits of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeGraph, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';
import { connectedParts } from '../../renderer/editor/autoLayout.ts';

const examples = join(import.meta.dirname, '../../assets/examples');

export function exampleText(name: string): string {
  return readFileSync(join(examples, `${name}.json`), 'utf8');
}

export function example(name: string): { document: GraphDocument; analysis: GraphAnalysis } {
  const analysis = analyzeGraph(JSON.parse(exampleText(name)));
  if (analysis.document === null) throw new Error(`${name}.json does not parse: ${analysis.diagnostics[0]?.message}`);
  return { document: analysis.document, analysis };
}

/**
 * An example laid out as one left-to-right chain, whatever rows it is stored in: the k-th layer of
 * each connected part at (220 k, 220 × the part's number), the layout the editing tests measure.
 */
export function exampleInOneRow(name: string): { document: GraphDocument; analysis: GraphAnalysis } {
  const { document: stored } = example(name);
  const parts = connectedParts(stored);
  const placed = new Map<number, number>();
  const nodes = stored.nodes.map((node) => {
    const part = parts.get(node.id) ?? 0;
    const index = placed.get(part) ?? 0;
    placed.set(part, index + 1);
    return { ...node, position: { x: 220 * index, y: 220 * part } };
  });
  const document = { ...stored, nodes };
  return { document, analysis: analyzeGraph(document) };
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
