// An autoencoder's parts as inference models for the latent lab: the whole graph (its encoder's
// code read at the Bottleneck's output) and the decoder alone, fed a code through a new Input.
import { compileGraph } from '../compile/index.ts';
import { exportParts } from '../export/parts.ts';
import { analyzeGraph, type GraphDocument, type GraphEdge, type GraphNode } from '../graph/index.ts';
import type { Backend } from '../backends/index.ts';
import { Model } from '../train/model.ts';
import { INFERENCE_BATCH } from './inferenceCopies.ts';

export interface LatentModels {
  /** The whole autoencoder, run in inference to read the code. */
  readonly encoder: Model;
  readonly dataInput: string;
  /** The node whose output is the code (the Bottleneck's last layer). */
  readonly codeNode: string;
  readonly codeSize: number;
  /** The decoder alone: a code in at `latentInput`, the reconstruction out at `outputNode`. */
  readonly decoder: Model;
  readonly latentInput: string;
  readonly outputNode: string;
  readonly outputDims: readonly number[];
}

/** The Input params that give a code of these dims. */
function inputParams(dims: readonly number[]): Record<string, unknown> {
  if (dims.length === 3) return { kind: 'image', height: dims[0], width: dims[1], channels: dims[2] };
  if (dims.length === 2) return { kind: 'sequence', steps: dims[0], features: dims[1] };
  return { kind: 'vector', features: dims.reduce((total, dim) => total * dim, 1) };
}

function uniqueId(document: GraphDocument, base: string): string {
  let id = base;
  for (let n = 2; document.nodes.some((node) => node.id === id); n++) id = `${base}${n}`;
  return id;
}

/** The decoder as a graph of its own: the code enters through a new Input where the Bottleneck's output went. */
export function decoderDocument(document: GraphDocument, encoderNodes: ReadonlySet<string>, codeNode: string, codeDims: readonly number[]): { document: GraphDocument; latentInput: string } {
  const latentInput = uniqueId(document, 'latent');
  const crossing = document.edges.filter((edge) => encoderNodes.has(edge.source) && !encoderNodes.has(edge.target));
  const skip = crossing.find((edge) => edge.source !== codeNode);
  if (skip !== undefined) throw new Error(`The decoder also reads ${skip.source}, outside the Bottleneck: the latent lab decodes graphs whose decoder reads only the code (remove the link from ${skip.source} to ${skip.target}).`);
  const input: GraphNode = { id: latentInput, type: 'Input', params: inputParams(codeDims), position: { x: 0, y: 0 } };
  const nodes = [input, ...document.nodes.filter((node) => !encoderNodes.has(node.id))];
  const edges: GraphEdge[] = document.edges.filter((edge) => !encoderNodes.has(edge.source) && !encoderNodes.has(edge.target));
  for (const edge of crossing) edges.push({ ...edge, source: latentInput });
  const groups = document.groups.filter((group) => nodes.some((node) => node.group === group.id));
  const training = { ...document.training, task: 'regress' as const, denoise: undefined };
  return { document: { ...document, nodes, edges, groups, training, dataset: undefined }, latentInput };
}

/** Compiles the autoencoder's inference parts on `backend`; refuses a graph without an Encoder and Bottleneck. */
export function buildLatentModels(document: GraphDocument, backend: Backend): LatentModels {
  if (document.training.task !== 'autoencode') throw new Error(`The latent lab needs an autoencoder, and this graph's task is "${document.training.task}": open the "Autoencoder with a 2-D latent space" example.`);
  const encoderPart = exportParts(document).find((part) => part.name === 'encoder');
  if (encoderPart === undefined) throw new Error('The latent lab reads the code at the Bottleneck block: group the encoder\'s layers into Encoder and Bottleneck blocks.');
  const codeNode = encoderPart.outputs[0].node;
  const shapes = analyzeGraph(document).nodeShapes;
  const codeDims = shapes.get(codeNode)?.dims ?? [];
  const dataInput = document.nodes.find((node) => node.type === 'Input' && node.params.kind !== 'noise')?.id as string;
  const decoder = decoderDocument(document, encoderPart.nodes, codeNode, codeDims);
  const head = decoder.document.nodes.find((node) => ['MSE', 'BCE'].includes(node.type));
  const outputNode = document.edges.find((edge) => edge.target === head?.id)?.source as string;
  const options = { batchSize: INFERENCE_BATCH, seed: document.training.seed };
  return {
    encoder: new Model(compileGraph(document, options), { backend }),
    dataInput,
    codeNode,
    codeSize: codeDims.reduce((total, dim) => total * dim, 1),
    decoder: new Model(compileGraph(decoder.document, options), { backend }),
    latentInput: decoder.latentInput,
    outputNode,
    outputDims: shapes.get(outputNode)?.dims ?? [],
  };
}
