// Training curves: one series per named loss or metric, columnar (steps beside values) so a chart
// can take them as they are. Appends copy (states stay immutable); past MAX_POINTS the older half
// is thinned to every other point, so a long run keeps recent detail and never grows without bound.

export interface Series {
  readonly steps: readonly number[];
  readonly values: readonly number[];
}

/** A set of named series (`loss`, `accuracy`, ...). */
export type SeriesSet = Readonly<Record<string, Series>>;

export const MAX_POINTS = 5000;

export const EMPTY_SERIES: Series = { steps: [], values: [] };

/** The series with new points appended (steps ascending), thinned if past `limit`. */
export function appendPoints(series: Series, steps: readonly number[], values: readonly number[], limit = MAX_POINTS): Series {
  if (steps.length === 0) return series;
  const grown: Series = { steps: series.steps.concat(steps), values: series.values.concat(values) };
  return grown.steps.length > limit ? decimate(grown, limit) : grown;
}

/** Halves the older points (keeps every other one) until the series fits in `limit`. */
export function decimate(series: Series, limit = MAX_POINTS): Series {
  let steps = series.steps;
  let values = series.values;
  while (steps.length > limit) {
    const older = Math.floor(steps.length / 2);
    const keep = (_: number, index: number) => index >= older || index % 2 === 0;
    steps = steps.filter(keep);
    values = values.filter(keep);
  }
  return { steps, values };
}

/** Adds one named value per step to a set, creating series as names appear. */
export function appendToSet(set: SeriesSet, rows: readonly { readonly step: number; readonly values: Readonly<Record<string, number>> }[]): SeriesSet {
  if (rows.length === 0) return set;
  const columns = new Map<string, { steps: number[]; values: number[] }>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.values)) {
      const column = columns.get(name) ?? { steps: [], values: [] };
      column.steps.push(row.step);
      column.values.push(value);
      columns.set(name, column);
    }
  }
  const next: Record<string, Series> = { ...set };
  for (const [name, column] of columns) next[name] = appendPoints(set[name] ?? EMPTY_SERIES, column.steps, column.values);
  return next;
}

/** How many leading points of a series lie at or before `step` (binary search). */
export function lengthAtStep(series: Series, step: number): number {
  let low = 0;
  let high = series.steps.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (series.steps[middle] <= step) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The series cut at `step` (null: the whole series). */
export function cutAtStep(series: Series, step: number | null): Series {
  if (step === null) return series;
  const length = lengthAtStep(series, step);
  return length === series.steps.length ? series : { steps: series.steps.slice(0, length), values: series.values.slice(0, length) };
}

/** The steps every non-empty series shares, when they all have the same ones (the common case: one steps event feeds them all). */
function sharedSteps(list: readonly Series[]): readonly number[] | null {
  let shared: readonly number[] | null = null;
  for (const series of list) {
    if (series.steps.length === 0) continue;
    if (shared === null) shared = series.steps;
    else if (series.steps !== shared && !sameSteps(series.steps, shared)) return null;
  }
  return shared;
}

function sameSteps(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Aligns several series on one ascending x axis (the union of their steps), as a chart with a
 * shared x needs: [xs, ys1, ys2, ...], null where a series has no point at that step.
 * Runs every frame while training: plain loops, and a copy when the series share their steps.
 */
export function alignSeries(list: readonly Series[]): [number[], ...(number | null)[][]] {
  const shared = sharedSteps(list);
  if (shared !== null) {
    const empty = () => new Array<number | null>(shared.length).fill(null);
    return [shared.slice(), ...list.map((series) => (series.steps.length === 0 ? empty() : series.values.slice()))];
  }
  const xs: number[] = [];
  const columns: (number | null)[][] = list.map(() => []);
  const cursors = list.map(() => 0);
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (let index = 0; index < list.length; index++) {
      const steps = list[index].steps;
      if (cursors[index] < steps.length && steps[cursors[index]] < next) next = steps[cursors[index]];
    }
    if (next === Number.POSITIVE_INFINITY) break;
    xs.push(next);
    for (let index = 0; index < list.length; index++) {
      const { steps, values } = list[index];
      const cursor = cursors[index];
      const hit = cursor < steps.length && steps[cursor] === next;
      columns[index].push(hit ? values[cursor] : null);
      if (hit) cursors[index] = cursor + 1;
    }
  }
  return [xs, ...columns];
}
