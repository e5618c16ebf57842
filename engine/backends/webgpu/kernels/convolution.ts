// conv2d, conv2dBackwardInput, conv2dBackwardFilter and convTranspose2d as implicit matrix
// products (convGemm.wgsl with the op's conv2d*.wgsl and convolution.wgsl's geometry): tiles in
// workgroup memory, the operands read from the NHWC images in place. convTranspose2d is
// conv2dBackwardInput's sum with its input as dy. Where the product has few tiles and a long inner
// axis (the filter gradient: every pixel of the batch), the inner axis is split across workgroups
// into a scratch buffer and the parts summed by convSplitSum.wgsl.
import type { OpOf } from '../../../ir/index.ts';
import { convGeometry, type ConvAttributes, type ConvGeometry } from '../../cpu/kernels/convGeometry.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, grid, Parameters, perElement, type Dispatch, type WrapperContext } from './context.ts';

/** A tile shape of convGemm.wgsl (its file sets the same sizes). */
interface Tile {
  readonly shader: string;
  readonly rows: number;
  readonly columns: number;
  readonly depth: number;
}

const SQUARE: Tile = { shader: 'convTileSquare', rows: 64, columns: 64, depth: 16 };
const NARROW: Tile = { shader: 'convTileNarrow', rows: 256, columns: 16, depth: 8 };
const SMALL: Tile = { shader: 'convTileSmall', rows: 64, columns: 16, depth: 8 };
const EIGHT: Tile = { shader: 'convTileEight', rows: 256, columns: 8, depth: 8 };
const FOUR: Tile = { shader: 'convTileFour', rows: 256, columns: 4, depth: 8 };
const TINY: Tile = { shader: 'convTileTiny', rows: 32, columns: 8, depth: 8 };

/** The product's sizes: rows M, columns N, inner K. */
interface Product {
  readonly rows: number;
  readonly columns: number;
  readonly inner: number;
}

/** The tile that wastes least of itself on a product of these sizes. */
function tileFor({ rows, columns }: Product): Tile {
  if (columns > NARROW.columns) return SQUARE;
  if (rows <= TINY.rows && columns <= TINY.columns) return TINY;
  if (rows <= SMALL.rows) return SMALL;
  if (columns <= FOUR.columns) return FOUR;
  return columns <= EIGHT.columns ? EIGHT : NARROW;
}

/** Workgroups that fill a GPU (an H100 has 132 multiprocessors) before the inner axis splits; the least inner values a split takes. */
const ENOUGH_WORKGROUPS = 256;
const LEAST_SPLIT_INNER = 256;

/** How many parts the inner axis splits into, and how many inner values each takes (a whole number of steps). */
function innerSplits(product: Product, tiles: number, depth: number): { splits: number; perSplit: number } {
  const wanted = Math.max(1, Math.min(Math.ceil(ENOUGH_WORKGROUPS / tiles), Math.floor(product.inner / LEAST_SPLIT_INNER)));
  const perSplit = Math.max(depth, Math.ceil(product.inner / wanted / depth) * depth);
  return { splits: Math.max(1, Math.ceil(product.inner / perSplit)), perSplit };
}

function geometryWords(geometry: ConvGeometry, count: number): Parameters {
  const { batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth, attributes } = geometry;
  const { stride, padding, dilation } = attributes;
  return new Parameters().u32(count, batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth, stride[0], stride[1], padding.top, padding.left, dilation[0], dilation[1]);
}

/** The dispatches of one product: one (written to `output`), or the split parts and their sum. */
function gemm(shader: string, geometry: ConvGeometry, product: Product, [a, b, output]: readonly GPUBuffer[], context: WrapperContext): Dispatch[] {
  const tile = tileFor(product);
  const columnTiles = Math.ceil(product.columns / tile.columns);
  const tiles = Math.ceil(product.rows / tile.rows) * columnTiles;
  const { splits, perSplit } = innerSplits(product, tiles, tile.depth);
  const count = product.rows * product.columns;
  const parameters = geometryWords(geometry, count).u32(product.rows, product.columns, product.inner, perSplit, columnTiles, tiles);
  const [x, y] = grid(tiles);
  const pieces = ['convolution', tile.shader, shader, 'convGemm'];
  if (splits === 1) return [{ shader: pieces, parameters, buffers: [a, b, output], workgroups: [x, y, 1] }];
  const partial = context.scratch(splits * count * 4);
  return [
    { shader: pieces, parameters, buffers: [a, b, partial], workgroups: [x, y, splits] },
    { shader: ['convSplitSum'], parameters: new Parameters().u32(count, splits), buffers: [partial, output], workgroups: perElement(count) },
  ];
}

/** Geometry of the conv2d direction from the shapes of its input, weights and output. */
function geometryOf(op: ConvAttributes, input: GpuTensor, weights: GpuTensor, output: GpuTensor): ConvGeometry {
  for (const [tensor, what] of [[input, 'input'], [weights, 'weights'], [output, 'output']] as const) expectReal(tensor, `${op.op} ${what}`);
  return convGeometry(op, input.shape, weights.shape, output.shape);
}

/** The input gradient's product: rows the input pixels, columns the input channels, inner every tap and output channel. */
function inputGradient(geometry: ConvGeometry): Product {
  const { batch, height, width, inChannels, outChannels, kernelHeight, kernelWidth } = geometry;
  return { rows: batch * height * width, columns: inChannels, inner: kernelHeight * kernelWidth * outChannels };
}

export function conv2d(op: OpOf<'conv2d'>, [input, weights]: readonly GpuTensor[], [output]: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const geometry = geometryOf(op, input, weights, output);
  const { batch, outHeight, outWidth, outChannels, kernelHeight, kernelWidth, inChannels } = geometry;
  const product = { rows: batch * outHeight * outWidth, columns: outChannels, inner: kernelHeight * kernelWidth * inChannels };
  return gemm('conv2d', geometry, product, [input.buffer, weights.buffer, output.buffer], context);
}

export function conv2dBackwardInput(op: OpOf<'conv2dBackwardInput'>, [dOutput, weights]: readonly GpuTensor[], [dInput]: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const geometry = geometryOf(op, dInput, weights, dOutput);
  return gemm('conv2dBackwardInput', geometry, inputGradient(geometry), [dOutput.buffer, weights.buffer, dInput.buffer], context);
}

export function convTranspose2d(op: OpOf<'convTranspose2d'>, [input, weights]: readonly GpuTensor[], [output]: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const geometry = geometryOf(op, output, weights, input);
  return gemm('conv2dBackwardInput', geometry, inputGradient(geometry), [input.buffer, weights.buffer, output.buffer], context);
}

export function conv2dBackwardFilter(op: OpOf<'conv2dBackwardFilter'>, [input, dOutput]: readonly GpuTensor[], [dWeights]: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const geometry = geometryOf(op, input, dWeights, dOutput);
  const { batch, outHeight, outWidth, outChannels, kernelHeight, kernelWidth, inChannels } = geometry;
  const product = { rows: kernelHeight * kernelWidth * inChannels, columns: outChannels, inner: batch * outHeight * outWidth };
  return gemm('conv2dBackwardFilter', geometry, product, [input.buffer, dOutput.buffer, dWeights.buffer], context);
}
