// The convolution lab's stacks: one channel and one filter (the worked example), or three channels
// (the worked input, its transpose and its mirror image, like the colour planes of an image) and
// two filters (the lab's editable filter and a vertical-edge detector) on each channel.
import { parseGrid, type ConvolutionStep, type Grid } from './convolution.ts';

export const EDGE_KERNEL: Grid = parseGrid('-1 0 1 / -1 0 1 / -1 0 1');

export function transpose(grid: Grid): Grid {
  return grid[0].map((_, column) => grid.map((row) => row[column]));
}

export function mirror(grid: Grid): Grid {
  return grid.map((row) => [...row].reverse());
}

/** The input channels for `count` channels (1 or 3). */
export function inputChannels(input: Grid, count: number): Grid[] {
  return count === 1 ? [input] : [input, transpose(input), mirror(input)];
}

/** The filters for `count` filters (1 or 2), each with one kernel per channel. */
export function stackFilters(kernel: Grid, channels: number, count: number): Grid[][] {
  const filters = [Array.from({ length: channels }, () => kernel)];
  if (count > 1) filters.push(Array.from({ length: channels }, () => EDGE_KERNEL));
  return filters;
}

/** Each channel's share of a step: "channel 2: 18×1 + … = 429", then the total where there are several. */
export function channelEquations(step: ConvolutionStep, channels: number): string[] {
  const lines: string[] = [];
  let total = 0;
  for (let channel = 0; channel < channels; channel++) {
    const products = step.products.filter((product) => product.channel === channel);
    const sum = products.reduce((value, product) => value + product.value * product.weight, 0);
    total += sum;
    const text = `${products.map((product) => `${product.value}×${product.weight}`).join(' + ')} = ${sum}`;
    lines.push(channels === 1 ? text : `channel ${channel + 1}: ${text}`);
  }
  if (channels > 1) lines.push(`sum over the channels = ${total}`);
  return lines;
}
