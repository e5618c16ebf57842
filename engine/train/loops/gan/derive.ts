// A GAN graph becomes two trainable graphs. The discriminator graph keeps the real Input, the
// discriminator and the loss head. The generator graph chains the generator into the same
// discriminator: the generator's last layer (the one with no edge) feeds every port the real
// Input fed, and the real Input is gone. Both are classifiers with a BCE head; the GAN loop
// compiles the second with the discriminator frozen, so its gradient reaches the generator only.
import { analyzeGraph, hasErrors, layerCatalog, type GraphDocument, type GraphEdge } from '../../../graph/index.ts';
import { CompileError } from '../../../compile/index.ts';
import { RunSetupError } from '../../runSetupError.ts';

export interface GanDocuments {
  /** Real Input -> discriminator -> loss head. */
  readonly discriminator: GraphDocument;
  /** Noise -> generator -> discriminator -> loss head. */
  readonly generator: GraphDocument;
  readonly noiseInput: string;
  readonly realInput: string;
  /** The generator's last layer: its output is a fake example. */
  readonly generatorOutput: string;
  /** Every node of the discriminator graph (frozen in the generator graph). */
  readonly discriminatorNodes: ReadonlySet<string>;
}

/** A GAN graph that cannot be split into generator and discriminator, or data that does not fit it. */
export class GanSetupError extends RunSetupError {}

/** Validates the GAN graph (CompileError with its diagnostics if it has errors) and splits it. */
export function deriveGanDocuments(input: unknown): GanDocuments {
  const analysis = analyzeGraph(input);
  if (analysis.document === null || hasErrors(analysis)) throw new CompileError(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
  const document = analysis.document;
  if (document.training.task !== 'gan') throw new GanSetupError(`The task is "${document.training.task}", not "gan".`, undefined, 'training.task');
  const generatorGroup = document.groups.find((group) => group.kind === 'Generator');
  const isInput = (kind: 'noise' | 'data') => (node: GraphDocument['nodes'][number]) => node.type === 'Input' && (node.params.kind === 'noise') === (kind === 'noise');
  const noise = document.nodes.find(isInput('noise'));
  const real = document.nodes.find(isInput('data'));
  if (generatorGroup === undefined || noise === undefined || real === undefined) throw new GanSetupError('A GAN needs a Generator block, a noise Input and a real Input.', undefined, 'groups');
  const generatorNodes = new Set(document.nodes.filter((node) => node.group === generatorGroup.id || node.id === noise.id).map((node) => node.id));
  const discriminatorNodes = new Set(document.nodes.filter((node) => !generatorNodes.has(node.id)).map((node) => node.id));
  const generatorOutput = lastGeneratorLayer(document, generatorNodes);
  const fakeEdges = document.edges
    .filter((edge) => edge.source === real.id)
    .map((edge): GraphEdge => ({ ...edge, id: uniqueEdgeId(document, `gan.fake.${edge.id}`), source: generatorOutput, sourcePort: 'out' }));
  const chained = new Set([...generatorNodes, ...discriminatorNodes]);
  chained.delete(real.id);
  return {
    discriminator: subDocument(document, discriminatorNodes, [], 'discriminator'),
    generator: subDocument(document, chained, fakeEdges, 'generator'),
    noiseInput: noise.id,
    realInput: real.id,
    generatorOutput,
    discriminatorNodes,
  };
}

function lastGeneratorLayer(document: GraphDocument, members: ReadonlySet<string>): string {
  const withEdges = new Set(document.edges.map((edge) => edge.source));
  const last = [...members].filter((id) => !withEdges.has(id) && layerCatalog.get(document.nodes.find((node) => node.id === id)?.type ?? '')?.hasOutput === true);
  if (last.length !== 1) {
    const found = last.length === 0 ? 'none' : last.join(', ');
    throw new GanSetupError(`The Generator must end in exactly one layer with no outgoing edge (its output is the fake example); found ${found}.`, last[1], 'groups');
  }
  return last[0];
}

function uniqueEdgeId(document: GraphDocument, wanted: string): string {
  const taken = new Set(document.edges.map((edge) => edge.id));
  let id = wanted;
  for (let suffix = 2; taken.has(id); suffix++) id = `${wanted}.${suffix}`;
  return id;
}

/** The nodes in `keep`, the edges between them plus `extraEdges`, as a classifier without a dataset. */
function subDocument(document: GraphDocument, keep: ReadonlySet<string>, extraEdges: readonly GraphEdge[], part: string): GraphDocument {
  const nodes = document.nodes.filter((node) => keep.has(node.id));
  const groups = new Set(nodes.map((node) => node.group));
  return {
    ...document,
    metadata: { ...document.metadata, name: `${document.metadata.name} (${part})` },
    nodes,
    edges: [...document.edges.filter((edge) => keep.has(edge.source) && keep.has(edge.target)), ...extraEdges],
    groups: document.groups.filter((group) => groups.has(group.id)),
    training: { ...document.training, task: 'classify', gan: undefined },
    dataset: undefined,
  };
}
