// Where an activation layer's inputs fall on its curve, for the activation lab: the values of one
// batch binned on a fixed range (the plot's), the share of values in the regions where the
// activation's gradient is zero or vanishing, and the units stuck there for the whole batch (dead:
// every input in a zero region; saturated: every input in a zero or vanishing one, not all zero).
import type { ActivationInputStats, GradientRegion } from '../protocol/index.ts';

export interface BinRange {
  readonly from: number;
  readonly to: number;
  readonly bins: number;
  readonly regions: readonly GradientRegion[];
}

function regionKind(value: number, regions: readonly GradientRegion[]): GradientRegion['kind'] | null {
  for (const region of regions) if (value >= region.from && value <= region.to) return region.kind;
  return null;
}

/** Checks a request's range: finite ends in order and 1 to 400 bins. */
export function checkRange(range: BinRange): void {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to) || range.from >= range.to) throw new RangeError(`The histogram's range [${range.from}, ${range.to}] must be two finite numbers, the first smaller.`);
  if (!Number.isInteger(range.bins) || range.bins < 1 || range.bins > 400) throw new RangeError(`The histogram needs 1 to 400 bins, not ${range.bins}.`);
}

/** The statistics of `values`: `samples` examples of equal size, row-major (the units are each example's positions). */
export function activationInputStats(values: ArrayLike<number>, samples: number, range: BinRange): ActivationInputStats {
  checkRange(range);
  const units = samples > 0 ? Math.floor(values.length / samples) : 0;
  const counts = new Array<number>(range.bins).fill(0);
  const allZero = new Array<boolean>(units).fill(true);
  const allFlat = new Array<boolean>(units).fill(true);
  let below = 0;
  let above = 0;
  let nonFinite = 0;
  let zero = 0;
  let vanishing = 0;
  const width = (range.to - range.from) / range.bins;
  for (let index = 0; index < units * samples; index++) {
    const value = values[index];
    const unit = index % units;
    if (!Number.isFinite(value)) {
      nonFinite++;
      allZero[unit] = false;
      allFlat[unit] = false;
      continue;
    }
    if (value < range.from) below++;
    else if (value > range.to) above++;
    else counts[Math.min(range.bins - 1, Math.floor((value - range.from) / width))]++;
    const kind = regionKind(value, range.regions);
    if (kind === 'zero') zero++;
    if (kind === 'vanishing') vanishing++;
    if (kind !== 'zero') allZero[unit] = false;
    if (kind === null) allFlat[unit] = false;
  }
  const total = units * samples;
  const deadUnits = allZero.filter(Boolean).length;
  const saturatedUnits = allFlat.filter((flat, unit) => flat && !allZero[unit]).length;
  return {
    histogram: { min: range.from, max: range.to, counts, nonFinite },
    below,
    above,
    values: total,
    samples,
    units,
    zeroShare: total === 0 ? 0 : zero / total,
    vanishingShare: total === 0 ? 0 : vanishing / total,
    deadUnits,
    saturatedUnits,
  };
}
