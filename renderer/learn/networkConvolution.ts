// The convolution lab on a real Conv2D of the open graph: its geometry from its params (kernel,
// stride, padding, dilation), and one output position written out: the products of the window with
// the filter on each input channel, their sums and the bias, to set beside the engine's own output
// cell. One window at a time, as the lab steps; the whole output comes from the engine worker.
import { pair, paddingPair, planWindow, type Params } from '../../engine/graph/index.ts';
import type { Tensor } from './networkTensors.ts';

export interface ConvolutionGeometry {
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly dilation: readonly [number, number];
  /** Rows above and columns to the left that read 0. */
  readonly top: number;
  readonly left: number;
  readonly inputHeight: number;
  readonly inputWidth: number;
  readonly channels: number;
  readonly outputHeight: number;
  readonly outputWidth: number;
}

/** The geometry of a Conv2D with `params` (defaults filled in) on an input [examples, height, width, channels]. */
export function convolutionGeometry(params: Params, inputShape: readonly number[]): ConvolutionGeometry {
  const [, inputHeight, inputWidth, channels] = inputShape;
  const kernel = pair(params.kernelSize);
  const stride = pair(params.stride);
  const dilation = pair(params.dilation);
  const plan = planWindow(inputHeight, inputWidth, kernel, stride, params.padding as string, paddingPair(params), dilation);
  return { kernel, stride, dilation, top: plan.padding[0], left: plan.padding[2], inputHeight, inputWidth, channels, outputHeight: plan.height, outputWidth: plan.width };
}

export interface WindowProduct {
  readonly channel: number;
  /** The input cell (outside the input: padding, which reads 0). */
  readonly row: number;
  readonly column: number;
  readonly value: number;
  readonly weight: number;
}

export interface WindowStep {
  readonly outputRow: number;
  readonly outputColumn: number;
  readonly products: readonly WindowProduct[];
  /** Σ value × weight on each input channel. */
  readonly channelSums: readonly number[];
  readonly bias: number;
  /** The channel sums plus the bias: what the layer outputs there. */
  readonly sum: number;
}

/** The output position of step `index` (row by row). */
export function stepPosition(geometry: ConvolutionGeometry, index: number): { readonly row: number; readonly column: number } {
  return { row: Math.floor(index / geometry.outputWidth), column: index % geometry.outputWidth };
}

/** Output (row, column) of `filter` for example 0 of `input`, with weights [kernelHeight, kernelWidth, in, out]. */
export function windowStep(geometry: ConvolutionGeometry, input: Tensor, weights: Tensor, bias: number, filter: number, outputRow: number, outputColumn: number): WindowStep {
  const { channels, inputHeight, inputWidth } = geometry;
  const filters = weights.shape[3];
  const products: WindowProduct[] = [];
  const channelSums = new Array<number>(channels).fill(0);
  for (let channel = 0; channel < channels; channel++) {
    for (let dy = 0; dy < geometry.kernel[0]; dy++) {
      for (let dx = 0; dx < geometry.kernel[1]; dx++) {
        const row = outputRow * geometry.stride[0] - geometry.top + dy * geometry.dilation[0];
        const column = outputColumn * geometry.stride[1] - geometry.left + dx * geometry.dilation[1];
        const inside = row >= 0 && column >= 0 && row < inputHeight && column < inputWidth;
        const value = inside ? input.values[(row * inputWidth + column) * channels + channel] : 0;
        const weight = weights.values[((dy * geometry.kernel[1] + dx) * channels + channel) * filters + filter];
        products.push({ channel, row, column, value, weight });
        channelSums[channel] += value * weight;
      }
    }
  }
  const sum = channelSums.reduce((total, value) => total + value, bias);
  return { outputRow, outputColumn, products, channelSums, bias, sum };
}

/** Whether the window's sum and the engine's output cell agree (float32 arithmetic in a different order). */
export function agrees(sum: number, output: number): boolean {
  return Math.abs(sum - output) <= 1e-4 * Math.max(1, Math.abs(output));
}
