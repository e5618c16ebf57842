// The gradient lab's arithmetic on the norms the worker measured: each curve relative to the norm
// nearest the loss (the last time step, the last layer), a log-scale chart's decades and paths,
// and the sentence that reads the chart. No tensor math: the norms come from the engine worker.
import type { GradientCurve } from '../../engine/protocol/index.ts';

/** Each norm divided by the last one (the step or layer nearest the loss): how much of the gradient reaches that far back. */
export function relativeNorms(norms: readonly number[]): number[] {
  const last = norms[norms.length - 1];
  if (last === undefined || !(last > 0)) return norms.map(() => Number.NaN);
  return norms.map((value) => value / last);
}

/** The smallest value a log chart draws: anything below sits on its floor. */
export const LOG_FLOOR = 1e-12;

/** The decades [low, high] (powers of ten) that hold every finite positive value, at least [10^-2, 10^0]. */
export function decadeRange(values: readonly number[]): readonly [number, number] {
  const positive = values.filter((value) => Number.isFinite(value) && value > 0).map((value) => Math.max(value, LOG_FLOOR));
  const low = Math.min(-2, ...positive.map((value) => Math.floor(Math.log10(value))));
  const high = Math.max(0, ...positive.map((value) => Math.ceil(Math.log10(value))));
  return [low, high];
}

/** The exponents of the ticks a chart of these decades shows: every decade, or every second or third when there are many. */
export function decadeTicks([low, high]: readonly [number, number]): number[] {
  const span = high - low;
  const every = span > 16 ? 4 : span > 8 ? 2 : 1;
  const ticks: number[] = [];
  for (let exponent = high; exponent >= low; exponent -= every) ticks.push(exponent);
  return ticks;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room left of the plot for the ticks' labels, above it for the top label, and below it for the axis's. */
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
}

/** The y pixel of a value on a log scale over the decades (a value under the floor sits on the bottom). */
export function logY(value: number, [low, high]: readonly [number, number], box: ChartBox): number {
  const exponent = Math.min(high, Math.max(low, Math.log10(Math.max(value, LOG_FLOOR))));
  const plot = box.height - box.bottom - box.top;
  return box.top + plot - ((exponent - low) / (high - low)) * plot;
}

/** The x pixel of position `index` of `count` (the first at the left edge of the plot). */
export function indexX(index: number, count: number, box: ChartBox): number {
  const plot = box.width - box.left - 8;
  return box.left + (count <= 1 ? 0 : (index / (count - 1)) * plot);
}

/** An SVG path through the values (relative norms), skipping values that are not finite. */
export function curvePath(values: readonly number[], decades: readonly [number, number], box: ChartBox): string {
  let command = 'M';
  const parts: string[] = [];
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      command = 'M';
      return;
    }
    parts.push(`${command}${indexX(index, values.length, box).toFixed(1)},${logY(value, decades, box).toFixed(1)}`);
    command = 'L';
  });
  return parts.join(' ');
}

/** A ratio in words a reader takes in at a glance: 0.42, 3.1e-5. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 0.01 && value < 100) return value.toPrecision(2).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return value.toExponential(1).replace('e+', 'e');
}

/** How much of the gradient reaches the first step (or layer) of each curve, relative to the last. */
export function reachOf(curve: GradientCurve): number {
  return relativeNorms(curve.norms)[0];
}

/** The sentence under a chart: the first step's (or layer's) norm over the last one's, network by network (subscripts marked with _). */
export function reachSentence(curves: readonly GradientCurve[]): string {
  if (curves.length === 0) return '';
  const count = curves[0].norms.length;
  const ratio = curves[0].kind === 'time' ? `‖∂L/∂x_1‖ ÷ ‖∂L/∂x_${count}‖` : `‖∂L/∂W_1‖ ÷ ‖∂L/∂W_${count}‖`;
  const parts = curves.map((curve) => `${formatRatio(reachOf(curve))} in the ${curve.name}`);
  return `${ratio} now: ${parts.join(', ')}.`;
}
