// Reading the worker's answers for the labs that show the user's network: a tensor as float
// values, one channel of an example's feature map as a grid, one filter's kernel, and the graph's
// layers in order from the data Input. Slicing only: the arithmetic ran in the engine worker.
import type { GraphDocument, GraphNode } from '../../engine/graph/index.ts';
import type { Grid } from './convolution.ts';

/** A tensor as the worker sent it: shape and float32 values, row-major. */
export interface Tensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

export function tensorOf(payload: { readonly shape: readonly number[]; readonly data: ArrayBuffer }): Tensor {
  return { shape: payload.shape, values: new Float32Array(payload.data) };
}

/** Channel `channel` of example `example` of a [examples, height, width, channels] map (channels last). */
export function channelGrid(tensor: Tensor, example: number, channel: number): Grid {
  const [, height, width, channels] = tensor.shape;
  const rows: number[][] = [];
  for (let row = 0; row < height; row++) {
    const cells: number[] = [];
    for (let column = 0; column < width; column++) cells.push(tensor.values[((example * height + row) * width + column) * channels + channel]);
    rows.push(cells);
  }
  return rows;
}

/** The kernel of `filter` on input channel `channel`, from Conv2D weights [kernelHeight, kernelWidth, in, out]. */
export function kernelGrid(weights: Tensor, channel: number, filter: number): Grid {
  const [height, width, inputs, filters] = weights.shape;
  return Array.from({ length: height }, (_, row) => Array.from({ length: width }, (__, column) => weights.values[((row * width + column) * inputs + channel) * filters + filter]));
}

/** The layers from the data Input along the first outgoing link of each, in order (the graph's main path). */
export function mainPath(document: GraphDocument): GraphNode[] {
  const input = document.nodes.find((node) => node.type === 'Input' && node.params.kind !== 'noise');
  const path: GraphNode[] = [];
  const seen = new Set<string>();
  for (let node = input; node !== undefined && !seen.has(node.id); ) {
    path.push(node);
    seen.add(node.id);
    const edge = document.edges.find((candidate) => candidate.source === node?.id);
    node = edge === undefined ? undefined : document.nodes.find((candidate) => candidate.id === edge.target);
  }
  return path;
}

/** The node that feeds `nodeId`'s input, if any. */
export function sourceOf(document: GraphDocument, nodeId: string): string | undefined {
  return document.edges.find((edge) => edge.target === nodeId)?.source;
}

/** Values with at most `digits` decimals, trailing zeros dropped: 0.5, -1.25, 3. */
export function shortNumber(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
