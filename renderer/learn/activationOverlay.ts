// The activation lab on the open network: which activation a layer is, the regions sent to the
// worker (the plotted ones, open-ended where they reach the plot's edge, since the gradient stays
// zero or vanishing beyond it), and the worker's counts said in words.
import type { ActivationInputStats, GradientRegion } from '../../engine/protocol/index.ts';
import { gradientRegions, type ActivationName } from './activations.ts';

export const PLOT_FROM = -6;
export const PLOT_TO = 6;
export const OVERLAY_BINS = 48;

const BY_TYPE: Readonly<Record<string, ActivationName>> = {
  ReLU: 'relu',
  LeakyReLU: 'leakyRelu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  GELU: 'gelu',
  Softmax: 'softmax',
  Linear: 'linear',
  BinaryStep: 'step',
};

/** The lab's activation for a layer type, if it is an activation layer. */
export function activationOfLayer(type: string): ActivationName | undefined {
  return BY_TYPE[type];
}

/** The regions of `name` on the plot, the ones touching its edges extended to infinity. */
export function overlayRegions(name: ActivationName): GradientRegion[] {
  return gradientRegions(name, PLOT_FROM, PLOT_TO).map((region) => ({
    kind: region.kind,
    from: region.from <= PLOT_FROM ? Number.NEGATIVE_INFINITY : region.from,
    to: region.to >= PLOT_TO ? Number.POSITIVE_INFINITY : region.to,
  }));
}

function percent(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const share = (100 * part) / whole;
  return share < 0.1 ? 'under 0.1%' : `${share.toFixed(1)}%`;
}

/** The lines under the plot: dead units (a zero region), saturated units (a vanishing one), and the inputs' shares. */
export function overlayLines(stats: ActivationInputStats, name: ActivationName): string[] {
  const regions = gradientRegions(name, PLOT_FROM, PLOT_TO);
  const lines: string[] = [];
  if (regions.some((region) => region.kind === 'zero')) {
    lines.push(`Dead units: ${stats.deadUnits} of ${stats.units} (${percent(stats.deadUnits, stats.units)}): their input was in the zero-gradient region for all ${stats.samples} examples of the batch, so they did not learn from it.`);
    lines.push(`Inputs where the gradient is zero: ${percent(stats.zeroShare * stats.values, stats.values)}.`);
  }
  if (regions.some((region) => region.kind === 'vanishing')) {
    lines.push(`Saturated units: ${stats.saturatedUnits} of ${stats.units} (${percent(stats.saturatedUnits, stats.units)}): every input in a flat tail, where the gradient vanishes.`);
    lines.push(`Inputs where the gradient vanishes: ${percent(stats.vanishingShare * stats.values, stats.values)}.`);
  }
  if (regions.length === 0) lines.push('This activation has no region where the gradient vanishes: no unit can be dead or saturated.');
  if (stats.below + stats.above > 0) lines.push(`Inputs off the plot: ${stats.below} left of −6, ${stats.above} right of 6.`);
  return lines;
}
