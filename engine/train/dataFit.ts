// Checks that the data's ids fit the graph before the model is built: token ids within each
// Embedding's vocabulary, class and token targets within the scores the loss head receives. A
// mismatch is a RunSetupError naming the node, the size it has and the count the data needs
// (the kernels would otherwise fail mid-step on the first id out of range).
import type { Dataset } from '../data/index.ts';
import { analyzeGraph, type GraphDocument } from '../graph/index.ts';
import { RunSetupError } from './runSetupError.ts';

/** How many distinct ids the inputs and the targets use (null where they are not ids). */
function idCounts(dataset: Dataset): { readonly inputs: number | null; readonly targets: number | null } {
  const vocabulary = dataset.vocabulary?.length ?? 0;
  const inputs = dataset.inputs.kind === 'token' ? vocabulary : null;
  const targets = dataset.targets.kind === 'class' ? dataset.targets.classNames.length : dataset.targets.kind === 'token' ? vocabulary : null;
  return { inputs, targets };
}

export function checkDataFitsGraph(document: GraphDocument, dataset: Dataset): void {
  const analysis = analyzeGraph(document);
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  const counts = idCounts(dataset);
  for (const edge of document.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (source === undefined || target === undefined) continue;
    if (counts.inputs !== null && source.type === 'Input' && target.type === 'Embedding') {
      const vocabulary = analysis.params.get(target.id)?.vocabulary;
      if (typeof vocabulary === 'number' && vocabulary < counts.inputs) {
        throw new RunSetupError(`The data "${dataset.name}" has ${counts.inputs} distinct tokens, but the Embedding's vocabulary is ${vocabulary}. Set vocabulary to at least ${counts.inputs}.`, target.id, 'vocabulary');
      }
    }
    if (counts.targets !== null && document.training.task !== 'autoencode' && target.type === 'SoftmaxCrossEntropy') {
      const scores = analysis.nodeShapes.get(source.id)?.dims.at(-1);
      if (scores !== undefined && scores < counts.targets) {
        const what = dataset.targets.kind === 'class' ? 'classes' : 'distinct tokens to predict';
        throw new RunSetupError(`The data "${dataset.name}" has ${counts.targets} ${what}, but this node gives ${target.id} only ${scores} scores. Give it ${counts.targets} units, one per ${dataset.targets.kind === 'class' ? 'class' : 'token'}.`, source.id);
      }
    }
  }
}
