// What an export writes, per graph: one model, or for a GAN the generator and the discriminator, and
// for an autoencoder the whole model and the encoder alone. A part names the nodes it keeps, its
// outputs, and which of the run's models (weightsFromCheckpoint's list) computes the same outputs.
import { analyzeGraph, hasErrors, layerCatalog, type GraphDocument } from '../graph/index.ts';
import { CompileError } from '../compile/index.ts';
import { deriveGanDocuments } from '../train/loops/gan/derive.ts';

/** logits: the loss head's input (SoftmaxCrossEntropy, BCE); values: what an MSE head scores, or a block's output. */
export type OutputKind = 'logits' | 'values';

export interface PartOutput {
  readonly node: string;
  /** The output's name in the exported model. */
  readonly name: string;
  readonly kind: OutputKind;
  /** The probabilities beside the logits: softmax over the last axis, or a sigmoid. */
  readonly probabilities?: 'softmax' | 'sigmoid';
}

export interface ExportPart {
  /** model, generator, discriminator or encoder: the file name's suffix. */
  readonly name: string;
  readonly description: string;
  /** Its Input nodes and layers (never a loss head). */
  readonly nodes: ReadonlySet<string>;
  readonly outputs: readonly PartOutput[];
  /** Which of the run's models computes these outputs (0 but for a GAN's discriminator). */
  readonly model: number;
}

function analyzed(document: unknown): GraphDocument {
  const analysis = analyzeGraph(document);
  if (analysis.document === null || hasErrors(analysis)) throw new CompileError(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
  return analysis.document;
}

function isLoss(document: GraphDocument, id: string): boolean {
  return layerCatalog.get(document.nodes.find((node) => node.id === id)?.type ?? '')?.isLoss === true;
}

/** The prediction the loss head scores, or every layer whose output goes nowhere. */
function headOutputs(document: GraphDocument, nodes: ReadonlySet<string>): PartOutput[] {
  const head = document.nodes.find((node) => nodes.has(node.id) === false && isLoss(document, node.id) && document.edges.some((edge) => edge.target === node.id && nodes.has(edge.source)));
  if (head !== undefined) {
    const source = document.edges.find((edge) => edge.target === head.id)?.source as string;
    if (head.type === 'MSE') return [{ node: source, name: 'output', kind: 'values' }];
    return [{ node: source, name: 'logits', kind: 'logits', probabilities: head.type === 'BCE' ? 'sigmoid' : 'softmax' }];
  }
  const used = new Set(document.edges.filter((edge) => nodes.has(edge.target)).map((edge) => edge.source));
  return [...nodes].filter((id) => !used.has(id)).map((id) => ({ node: id, name: id, kind: 'values' as const }));
}

function without(document: GraphDocument, keep: (id: string) => boolean): Set<string> {
  return new Set(document.nodes.map((node) => node.id).filter((id) => keep(id) && !isLoss(document, id)));
}

function ganParts(document: GraphDocument): ExportPart[] {
  const gan = deriveGanDocuments(document);
  const generatorNodes = without(document, (id) => !gan.discriminatorNodes.has(id));
  const discriminatorNodes = without(document, (id) => gan.discriminatorNodes.has(id));
  return [
    { name: 'generator', description: 'the generator: noise in, a generated example out', nodes: generatorNodes, outputs: [{ node: gan.generatorOutput, name: 'sample', kind: 'values' }], model: 0 },
    { name: 'discriminator', description: 'the discriminator: an example in, the logit and probability that it is real out', nodes: discriminatorNodes, outputs: headOutputs(document, discriminatorNodes), model: 1 },
  ];
}

/** The Input nodes and the Encoder and Bottleneck blocks; its output: what flows on to the decoder. */
function encoderPart(document: GraphDocument): ExportPart | null {
  const blocks = new Set(document.groups.filter((group) => group.kind === 'Encoder' || group.kind === 'Bottleneck').map((group) => group.id));
  if (blocks.size === 0) return null;
  const nodes = without(document, (id) => {
    const node = document.nodes.find((candidate) => candidate.id === id);
    return node?.type === 'Input' || (node?.group !== undefined && blocks.has(node.group));
  });
  const leaving = document.edges.filter((edge) => nodes.has(edge.source) && !nodes.has(edge.target) && document.nodes.find((node) => node.id === edge.source)?.type !== 'Input');
  const sources = [...new Set(leaving.map((edge) => edge.source))];
  if (sources.length === 0) return null;
  const outputs = sources.map((node, index) => ({ node, name: sources.length === 1 ? 'code' : `code_${index + 1}`, kind: 'values' as const }));
  return { name: 'encoder', description: 'the encoder alone: an example in, its code (the bottleneck) out', nodes, outputs, model: 0 };
}

/** The parts of a valid graph, in the order they are written. */
export function exportParts(input: unknown): ExportPart[] {
  const document = analyzed(input);
  if (document.training.task === 'gan') return ganParts(document);
  const nodes = without(document, () => true);
  const whole: ExportPart = { name: 'model', description: 'the whole model', nodes, outputs: headOutputs(document, nodes), model: 0 };
  const encoder = document.training.task === 'autoencode' ? encoderPart(document) : null;
  return encoder === null ? [whole] : [whole, encoder];
}
