// What the histogram panel draws for a node: for each parameter tensor (weights, bias...) its
// latest histogram as bars, and a heat map of every histogram so far (time down, value across),
// for the values and for the gradients. Plain TS; the component only draws it.
import { layerCatalog } from '../../engine/graph/index.ts';
import type { Histogram } from '../../engine/protocol/index.ts';
import { formatValue } from './format.ts';
import type { HistogramFrame } from './histogramHistory.ts';
import { blankImage, magma, type RgbaImage } from './pixels.ts';

export interface HistogramBars {
  /** Each bin's count over the largest count, in [0, 1]. */
  readonly heights: readonly number[];
  /** Where 0 lies across the range, in [0, 1]; null when the range does not hold it. */
  readonly zero: number | null;
  readonly min: string;
  readonly max: string;
  readonly nonFinite: number;
}

export interface HistogramCell {
  readonly bars: HistogramBars;
  /** Time runs down (the first frame on top), values across over one range for all frames. */
  readonly ridge: RgbaImage;
  /** The heat map's range (see ridgeRange). */
  readonly range: { readonly min: string; readonly max: string };
}

export interface ParameterRow {
  readonly name: string;
  /** "3×3×1×4 · 36 values". */
  readonly caption: string;
  readonly values: HistogramCell;
  readonly gradients: HistogramCell | null;
}

export interface HistogramPanelView {
  readonly step: number;
  readonly epoch: number;
  /** Steps the heat maps span: first and last frame. */
  readonly firstStep: number;
  readonly rows: readonly ParameterRow[];
}

export const RIDGE_COLUMNS = 60;
export const RIDGE_ROWS = 40;

/** Whether a layer type has trainable parameters at all (Conv2D, Dense, LSTM do; ReLU does not). */
export function hasParameters(nodeType: string | undefined): boolean {
  return nodeType !== undefined && layerCatalog.get(nodeType)?.parameterCount !== undefined;
}

export function histogramPanelView(frames: readonly HistogramFrame[]): HistogramPanelView | null {
  const latest = frames.at(-1);
  if (latest === undefined || latest.parameters.length === 0) return null;
  const rows = latest.parameters.map((parameter): ParameterRow => {
    const history = frames.map((frame) => ({ step: frame.step, parameter: frame.parameters.find((candidate) => candidate.name === parameter.name) }));
    const valueHistory = history.flatMap(({ step, parameter: entry }) => (entry === undefined ? [] : [{ step, histogram: entry.values }]));
    const gradientHistory = history.flatMap(({ step, parameter: entry }) => (entry === undefined || entry.gradients === null ? [] : [{ step, histogram: entry.gradients }]));
    const size = parameter.shape.reduce((product, dim) => product * dim, 1);
    return {
      name: parameter.name,
      caption: `${parameter.shape.join('×')} · ${size} value${size === 1 ? '' : 's'}`,
      values: histogramCell(valueHistory),
      gradients: parameter.gradients === null ? null : histogramCell(gradientHistory),
    };
  });
  return { step: latest.step, epoch: latest.epoch, firstStep: frames[0].step, rows };
}

interface TimedHistogram {
  readonly step: number;
  readonly histogram: Histogram;
}

function histogramCell(history: readonly TimedHistogram[]): HistogramCell {
  const latest = history[history.length - 1].histogram;
  const { min, max } = ridgeRange(history.map((entry) => entry.histogram));
  return { bars: histogramBars(latest), ridge: ridgeImage(history, min, max), range: { min: formatValue(min), max: formatValue(max) } };
}

/**
 * The heat map's value range: the median frame's span, widened to hold the latest frame whole.
 * Early gradients can be a thousand times wider than later ones; a range spanning them all would
 * squeeze every later row into one column. Values outside the range pile up in the edge columns.
 */
export function ridgeRange(histograms: readonly Histogram[]): { min: number; max: number } {
  const latest = histograms[histograms.length - 1];
  return { min: Math.min(median(histograms.map((entry) => entry.min)), latest.min), max: Math.max(median(histograms.map((entry) => entry.max)), latest.max) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function histogramBars(histogram: Histogram): HistogramBars {
  const top = Math.max(1, ...histogram.counts);
  const { min, max } = histogram;
  return {
    heights: histogram.counts.map((count) => count / top),
    zero: min < 0 && max > 0 ? -min / (max - min) : null,
    min: formatValue(min),
    max: formatValue(max),
    nonFinite: histogram.nonFinite,
  };
}

/**
 * A histogram's counts spread over `columns` equal columns of [min, max], each bin shared among
 * the columns it overlaps in proportion; what lies outside [min, max] goes to the edge columns. A
 * histogram of one repeated value is a spike where it lies.
 */
export function resampleCounts(histogram: Histogram, min: number, max: number, columns: number): number[] {
  const out = new Array<number>(columns).fill(0);
  const span = max - min;
  const columnOf = (value: number) => (span > 0 ? Math.min(columns - 1, Math.max(0, Math.floor(((value - min) * columns) / span))) : Math.floor(columns / 2));
  const bins = histogram.counts.length;
  const width = (histogram.max - histogram.min) / bins;
  histogram.counts.forEach((count, bin) => {
    if (count === 0) return;
    if (width === 0 || span === 0) {
      out[columnOf(histogram.min)] += count;
      return;
    }
    const from = ((histogram.min + bin * width - min) * columns) / span;
    const to = ((histogram.min + (bin + 1) * width - min) * columns) / span;
    // The parts of a bin below or above the range pile up in the first or last column.
    out[0] += (count * Math.max(0, Math.min(to, 0) - from)) / (to - from);
    out[columns - 1] += (count * Math.max(0, to - Math.max(from, columns))) / (to - from);
    for (let column = Math.max(0, Math.floor(from)); column < Math.min(columns, Math.ceil(to)); column++) {
      const overlap = Math.min(to, column + 1) - Math.max(from, column);
      if (overlap > 0) out[column] += (count * overlap) / (to - from);
    }
  });
  return out;
}

/** The heat map: row y shows the latest histogram at or before its step; each row scaled to its own peak. */
export function ridgeImage(history: readonly TimedHistogram[], min: number, max: number, columns = RIDGE_COLUMNS, rows = RIDGE_ROWS): RgbaImage {
  const image = blankImage(columns, rows);
  if (history.length === 0) return image;
  const first = history[0].step;
  const last = history[history.length - 1].step;
  const resampled = history.map((entry) => resampleCounts(entry.histogram, min, max, columns));
  let index = 0;
  for (let row = 0; row < rows; row++) {
    const step = rows === 1 || last === first ? last : first + ((last - first) * row) / (rows - 1);
    while (index + 1 < history.length && history[index + 1].step <= step + 1e-9) index++;
    const counts = resampled[index];
    const peak = Math.max(...counts);
    counts.forEach((count, column) => {
      if (count <= 0 || peak <= 0) return;
      const [red, green, blue] = magma(0.15 + 0.85 * Math.sqrt(count / peak));
      image.pixels.set([red, green, blue, 255], (row * columns + column) * 4);
    });
  }
  return image;
}
