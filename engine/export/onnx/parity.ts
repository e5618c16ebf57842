// Parity: the exported model run in onnxruntime (its WebAssembly build, one thread, in Node or a
// browser) on fixed inputs against Netloom's own inference pass over the same weights. For each
// output: the largest absolute difference, and the largest relative to the largest magnitude of
// Netloom's output (so values near zero do not blow it up); over the tolerance fails.
import * as ort from 'onnxruntime-web/wasm';
import type { GraphDocument } from '../../graph/index.ts';
import type { Model } from '../../train/model.ts';
import type { ExportPart } from '../parts.ts';
import type { OnnxModelFile } from './exportOnnx.ts';
import { identity, NCHW } from './graphBuilder.ts';
import { permuted } from './layers/context.ts';

/** Relative to the output's largest magnitude: 1e-4, as the export's tests require. */
export const PARITY_TOLERANCE = 1e-4;

export interface ParityResult {
  readonly part: string;
  readonly output: string;
  readonly maxAbsolute: number;
  readonly maxRelative: number;
  readonly passed: boolean;
}

type Inputs = Map<string, { readonly values: Float32Array | Int32Array; readonly shape: readonly number[] }>;

/** The same values every time: a small linear congruential stream in [0, 1). */
function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The smallest vocabulary among the Embeddings a token Input feeds (ids must stay inside it). */
function vocabularyOf(document: GraphDocument, input: string): number {
  const sizes = document.edges.filter((edge) => edge.source === input).map((edge) => document.nodes.find((node) => node.id === edge.target)?.params.vocabulary);
  return Math.min(...sizes.filter((size): size is number => typeof size === 'number'), 2 ** 16);
}

/** Fixed inputs for every Input of the part, at the model's batch size: ids below the vocabulary, images in [0, 1), else [-1, 1). */
export function fixedInputs(document: GraphDocument, part: ExportPart, model: Model, seed = 7): Inputs {
  const inputs: Inputs = new Map();
  const next = stream(seed);
  for (const node of document.nodes.filter((candidate) => candidate.type === 'Input' && part.nodes.has(candidate.id))) {
    const { shape, data } = model.input(node.id);
    if (data instanceof Int32Array) {
      const vocabulary = vocabularyOf(document, node.id);
      inputs.set(node.id, { values: Int32Array.from(data, () => Math.floor(next() * vocabulary)), shape });
    } else {
      const image = node.params.kind === undefined || node.params.kind === 'image';
      inputs.set(node.id, { values: Float32Array.from(data, () => (image ? next() : 2 * next() - 1)), shape });
    }
  }
  return inputs;
}

function outsidePerm(rank: number, file: OnnxModelFile): readonly number[] {
  return rank === 4 && file.layout === 'nchw' ? NCHW : identity(rank);
}

/** Netloom's outputs of the part: each output node's probe, and the probabilities beside logits. */
function netloomOutputs(part: ExportPart, model: Model, inputs: Inputs): Map<string, Float32Array> {
  for (const [id, input] of inputs) model.input(id).data.set(input.values);
  model.forward('infer');
  const outputs = new Map<string, Float32Array>();
  for (const output of part.outputs) {
    const { data, shape } = model.probe(output.node);
    outputs.set(output.name, Float32Array.from(data));
    if (output.probabilities === undefined) continue;
    const name = output.name === 'logits' ? 'probabilities' : `${output.name}_probabilities`;
    outputs.set(name, output.probabilities === 'sigmoid' ? Float32Array.from(data, (value) => 1 / (1 + Math.exp(-value))) : softmaxRows(data, shape[shape.length - 1]));
  }
  return outputs;
}

function softmaxRows(data: ArrayLike<number>, width: number): Float32Array {
  const result = new Float32Array(data.length);
  for (let start = 0; start < data.length; start += width) {
    let maximum = -Infinity;
    for (let index = start; index < start + width; index++) maximum = Math.max(maximum, data[index]);
    let total = 0;
    for (let index = start; index < start + width; index++) total += Math.exp(data[index] - maximum);
    for (let index = start; index < start + width; index++) result[index] = Math.exp(data[index] - maximum) / total;
  }
  return result;
}

async function onnxOutputs(file: OnnxModelFile, inputs: Inputs): Promise<Map<string, Float32Array>> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(file.bytes);
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const [id, { values, shape }] of inputs) {
      const perm = outsidePerm(shape.length, file);
      const placed = values instanceof Int32Array ? { values, dims: [...shape] } : permuted(values, shape, perm);
      feeds[id] = new ort.Tensor(values instanceof Int32Array ? 'int32' : 'float32', placed.values, placed.dims);
    }
    const results = await session.run(feeds);
    const outputs = new Map<string, Float32Array>();
    for (const [name, tensor] of Object.entries(results)) {
      const dims = tensor.dims as readonly number[];
      const perm = outsidePerm(dims.length, file);
      outputs.set(name, permuted(tensor.data as Float32Array, dims, identity(dims.length).map((axis) => perm.indexOf(axis))).values);
    }
    return outputs;
  } finally {
    await session.release();
  }
}

function compare(part: string, output: string, expected: Float32Array, actual: Float32Array | undefined, tolerance: number): ParityResult {
  if (actual === undefined || actual.length !== expected.length) return { part, output, maxAbsolute: Infinity, maxRelative: Infinity, passed: false };
  let maxAbsolute = 0;
  let scale = 0;
  for (let index = 0; index < expected.length; index++) {
    maxAbsolute = Math.max(maxAbsolute, Math.abs(actual[index] - expected[index]));
    scale = Math.max(scale, Math.abs(expected[index]));
  }
  const maxRelative = maxAbsolute === 0 ? 0 : maxAbsolute / Math.max(scale, Number.MIN_VALUE);
  return { part, output, maxAbsolute, maxRelative, passed: Number.isFinite(maxRelative) && maxRelative <= tolerance };
}

/** Runs one exported part in onnxruntime and in Netloom (the model from weightsFromCheckpoint or freshWeights that holds it). */
export async function checkOnnxParity(document: GraphDocument, file: OnnxModelFile, model: Model, tolerance = PARITY_TOLERANCE): Promise<ParityResult[]> {
  const inputs = fixedInputs(document, file.part, model);
  const expected = netloomOutputs(file.part, model, inputs);
  const actual = await onnxOutputs(file, inputs);
  return [...expected].map(([name, values]) => compare(file.part.name, name, values, actual.get(name), tolerance));
}
