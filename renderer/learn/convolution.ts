// The convolution lab's arithmetic, step by step: a filter slides over a padded input one output
// position at a time; each step lists the products of the window with the filter and their sum.
// Several input channels add up into one output; several filters give a stack of outputs.

/** A 2-D grid of numbers, row by row. */
export type Grid = readonly (readonly number[])[];

export interface ConvolutionSettings {
  readonly stride: number;
  readonly padding: number;
}

/** The output size along one axis, or why the combination does not fit. */
export type OutputSize = { readonly size: number; readonly formula: string } | { readonly problem: string; readonly formula: string };

/** (W − F + 2P) / S + 1, evaluated; refused where the filter would overhang or not end at the border. */
export function outputSize(input: number, filter: number, padding: number, stride: number): OutputSize {
  const span = input - filter + 2 * padding;
  const formula = `(${input} − ${filter} + 2·${padding}) / ${stride} + 1`;
  if (!Number.isInteger(stride) || stride < 1) return { problem: 'The stride must be a whole number of at least 1.', formula };
  if (!Number.isInteger(padding) || padding < 0) return { problem: 'The padding must be a whole number of at least 0.', formula };
  if (span < 0) return { problem: `The ${filter}×${filter} filter is larger than the padded input (${input + 2 * padding}×${input + 2 * padding}): add padding or use a smaller filter.`, formula };
  if (span % stride !== 0) {
    return { problem: `(W − F + 2P) / S = ${span} / ${stride} is not a whole number: the filter would not end at the border. Choose a stride that divides ${span}, or change the padding.`, formula };
  }
  return { size: span / stride + 1, formula: `${formula} = ${span / stride + 1}` };
}

/** One product of a step: the input cell (row and column in the unpadded input; outside it reads 0). */
export interface Product {
  readonly channel: number;
  readonly row: number;
  readonly column: number;
  readonly value: number;
  readonly weight: number;
}

export interface ConvolutionStep {
  readonly filter: number;
  /** The output cell this step fills. */
  readonly outputRow: number;
  readonly outputColumn: number;
  readonly products: readonly Product[];
  readonly sum: number;
}

export interface Convolution {
  readonly size: number;
  readonly steps: readonly ConvolutionStep[];
  /** One output grid per filter. */
  readonly outputs: readonly Grid[];
}

function cell(grid: Grid, row: number, column: number): number {
  return row < 0 || column < 0 || row >= grid.length || column >= grid[row].length ? 0 : grid[row][column];
}

function step(channels: readonly Grid[], filter: readonly Grid[], index: number, outputRow: number, outputColumn: number, settings: ConvolutionSettings): ConvolutionStep {
  const products: Product[] = [];
  const top = outputRow * settings.stride - settings.padding;
  const left = outputColumn * settings.stride - settings.padding;
  filter.forEach((kernel, channel) => {
    kernel.forEach((weights, dy) => weights.forEach((weight, dx) => {
      products.push({ channel, row: top + dy, column: left + dx, value: cell(channels[channel], top + dy, left + dx), weight });
    }));
  });
  const sum = products.reduce((total, product) => total + product.value * product.weight, 0);
  return { filter: index, outputRow, outputColumn, products, sum };
}

/**
 * Every step of the convolution of square `channels` (one grid per input channel) with `filters`
 * (each one kernel per channel), in the order the lab plays them: filter by filter, row by row.
 * Throws with the reason where the settings do not fit (outputSize's problem).
 */
export function convolve(channels: readonly Grid[], filters: readonly (readonly Grid[])[], settings: ConvolutionSettings): Convolution {
  const fit = outputSize(channels[0].length, filters[0][0].length, settings.padding, settings.stride);
  if ('problem' in fit) throw new RangeError(fit.problem);
  const steps: ConvolutionStep[] = [];
  const outputs = filters.map((filter, index) => {
    const rows: number[][] = [];
    for (let row = 0; row < fit.size; row++) {
      rows.push([]);
      for (let column = 0; column < fit.size; column++) {
        const next = step(channels, filter, index, row, column, settings);
        steps.push(next);
        rows[row].push(next.sum);
      }
    }
    return rows;
  });
  return { size: fit.size, steps, outputs };
}

/** The step written out: "18×1 + 54×0 + … = 429" (padding cells read 0). */
export function stepEquation(step: ConvolutionStep): string {
  return `${step.products.map((product) => `${product.value}×${product.weight}`).join(' + ')} = ${formatNumber(step.sum)}`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Parses a grid typed as rows ("18 54 51 / 55 121 75"): numbers split by spaces or commas, rows by "/" or new lines. */
export function parseGrid(text: string): Grid {
  const rows = text.split(/[/\n]/).map((row) => row.trim()).filter((row) => row !== '');
  return rows.map((row) => row.split(/[\s,]+/).map(Number));
}

/** The worked example: a 6×6 input and the X-shaped 3×3 filter (429 at the top-left without padding). */
export const WORKED_INPUT: Grid = parseGrid('18 54 51 239 244 188 / 55 121 75 78 95 88 / 35 24 204 113 109 221 / 3 154 104 235 25 130 / 15 253 225 159 78 233 / 68 85 180 214 245 0');
export const WORKED_KERNEL: Grid = parseGrid('1 0 1 / 0 1 0 / 1 0 1');
