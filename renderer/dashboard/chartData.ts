// The loss chart's lines and aligned data: losses and metrics against step, validation per epoch,
// previous runs faint; smoothing and the log scale applied here so the chart only draws.
import { alignSeries, cutAtStep, type Series } from './curves.ts';
import type { Curves, PreviousRun } from './runModel.ts';
import { metricWords, validationWords } from './metricNames.ts';
import { logSafe, smooth } from './smoothing.ts';

export type ScaleKind = 'linear' | 'log';
export type ChartAxis = 'loss' | 'metric';

export interface ChartLine {
  /** The engine's name of the value (`loss`, `realAccuracy`). */
  readonly name: string;
  /** In words (metricNames.ts), with a one-line explanation for hovering. */
  readonly label: string;
  readonly explanation: string;
  readonly color: string;
  readonly axis: ChartAxis;
  /** Drawn thin and translucent (raw values under a smoothed line, previous runs). */
  readonly faint: boolean;
  /** Validation: one marked point per epoch. */
  readonly markers: boolean;
}

export interface ChartModel {
  readonly lines: readonly ChartLine[];
  /** [steps, ...one column per line], null where a line has no point. */
  readonly data: [number[], ...(number | null)[][]];
  /** Each line's last drawn value (for the legend). */
  readonly latest: readonly (number | null)[];
  /** Changes when the set of lines changes (the chart is rebuilt then, only updated otherwise). */
  readonly key: string;
}

export interface ChartInput {
  readonly curves: Curves;
  readonly previousRuns: readonly PreviousRun[];
  readonly smoothing: number;
  readonly scale: ScaleKind;
  /** Cut the curves here (the timeline's epoch); null for all points. */
  readonly cutoffStep: number | null;
}

const KNOWN_COLORS: Readonly<Record<string, string>> = {
  loss: '#6f9dff',
  generator: '#f0a050',
  discriminator: '#ef6f8e',
  accuracy: '#5cc489',
  mae: '#e9b44c',
  realAccuracy: '#46c2a8',
  fakeAccuracy: '#b98cf2',
};
const OTHER_COLORS = ['#e0699b', '#3fb5a3', '#a178e8', '#e0a43c'];

export function colorOf(name: string): string {
  const known = KNOWN_COLORS[name];
  if (known !== undefined) return known;
  const hash = [...name].reduce((sum, character) => sum + character.charCodeAt(0), 0);
  return OTHER_COLORS[hash % OTHER_COLORS.length];
}

/** Validation keys name losses (`loss`, `generator`...) or metrics; anything ending in "loss" or a known loss is a loss. */
export function axisOf(name: string, lossNames: readonly string[]): ChartAxis {
  return lossNames.includes(name) || /loss$/i.test(name) ? 'loss' : 'metric';
}

interface Column {
  readonly line: ChartLine;
  readonly series: Series;
  readonly smoothed: boolean;
}

function columnsOf(input: ChartInput): Column[] {
  const { curves, smoothing, cutoffStep } = input;
  const columns: Column[] = [];
  const lossNames = Object.keys(curves.losses);
  for (const run of input.previousRuns) {
    for (const [name, series] of Object.entries(run.curves.losses)) {
      const words = metricWords(name);
      columns.push({ line: { name, label: `${run.label} ${words.label}`, explanation: `An earlier run of this graph: ${words.explanation}`, color: colorOf(name), axis: 'loss', faint: true, markers: false }, series, smoothed: true });
    }
  }
  const add = (name: string, series: Series, axis: ChartAxis) => {
    const cut = cutAtStep(series, cutoffStep);
    const { label, explanation } = metricWords(name);
    if (smoothing > 0) columns.push({ line: { name, label: `${label} (raw)`, explanation, color: colorOf(name), axis, faint: true, markers: false }, series: cut, smoothed: false });
    columns.push({ line: { name, label, explanation, color: colorOf(name), axis, faint: false, markers: false }, series: cut, smoothed: true });
  };
  for (const [name, series] of Object.entries(curves.losses)) add(name, series, 'loss');
  for (const [name, series] of Object.entries(curves.metrics)) add(name, series, 'metric');
  for (const [name, series] of Object.entries(curves.validation)) {
    const words = validationWords(name);
    columns.push({ line: { name, label: words.label, explanation: words.explanation, color: colorOf(name), axis: axisOf(name, lossNames), faint: false, markers: true }, series: cutAtStep(series, cutoffStep), smoothed: false });
  }
  return columns;
}

/** The lines and the aligned, smoothed (and for a log scale, made positive) data of the chart. */
export function chartModel(input: ChartInput): ChartModel {
  const columns = columnsOf(input);
  const [steps, ...values] = alignSeries(columns.map((column) => column.series));
  const drawn = values.map((column, index) => {
    const { smoothed, line } = columns[index];
    const shaped = smoothed && input.smoothing > 0 ? smooth(column, input.smoothing) : column;
    return input.scale === 'log' && line.axis === 'loss' ? logSafe(shaped) : shaped;
  });
  const lines = columns.map((column) => column.line);
  const key = [input.scale, ...lines.map((line) => `${line.label}:${line.axis}:${line.faint}`)].join('|');
  return { lines, data: [steps, ...drawn], key, latest: drawn.map(lastValue) };
}

/** Whether the metric axis holds shares only (accuracies), so it can span 0..1. */
export function metricsAreShares(lines: readonly ChartLine[]): boolean {
  return lines.filter((line) => line.axis === 'metric').every((line) => /accuracy/i.test(line.name));
}

function lastValue(column: readonly (number | null)[]): number | null {
  for (let index = column.length - 1; index >= 0; index--) if (column[index] !== null) return column[index];
  return null;
}
