import { describe, expect, it } from 'vitest';
import { alignSeries, appendPoints, appendToSet, cutAtStep, decimate, EMPTY_SERIES, lengthAtStep, MAX_POINTS } from '../../../renderer/dashboard/curves.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe('curves', () => {
  it('appends points without touching the original series', () => {
    const first = appendPoints(EMPTY_SERIES, [1, 2], [0.9, 0.8]);
    const second = appendPoints(first, [3], [0.7]);
    expect(first).toEqual({ steps: [1, 2], values: [0.9, 0.8] });
    expect(second).toEqual({ steps: [1, 2, 3], values: [0.9, 0.8, 0.7] });
    expect(appendPoints(second, [], [])).toBe(second);
  });

  it('keeps a long run within the limit, thinning old points and keeping recent ones', () => {
    let series = EMPTY_SERIES;
    for (let start = 1; start <= 100_000; start += 50) series = appendPoints(series, range(start, start + 50), range(start, start + 50).map((step) => 1 / step));
    expect(series.steps.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(series.steps.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(series.steps[0]).toBe(1);
    expect(series.steps.at(-1)).toBe(100_000);
    expect(series.steps.slice(-20)).toEqual(range(99_981, 100_001));
    for (let index = 1; index < series.steps.length; index++) expect(series.steps[index]).toBeGreaterThan(series.steps[index - 1]);
    series.steps.forEach((step, index) => expect(series.values[index]).toBeCloseTo(1 / step));
  });

  it('decimates the older half to every other point', () => {
    const thinned = decimate({ steps: range(0, 10), values: range(0, 10) }, 8);
    expect(thinned.steps).toEqual([0, 2, 4, 5, 6, 7, 8, 9]);
    expect(thinned.values).toEqual(thinned.steps);
  });

  it('adds named values per step, creating series as names appear', () => {
    const set = appendToSet({}, [
      { step: 1, values: { loss: 2 } },
      { step: 2, values: { loss: 1.5, accuracy: 0.4 } },
    ]);
    expect(set.loss).toEqual({ steps: [1, 2], values: [2, 1.5] });
    expect(set.accuracy).toEqual({ steps: [2], values: [0.4] });
    const unchanged = appendToSet(set, []);
    expect(unchanged).toBe(set);
  });

  it('cuts a series at a step', () => {
    const series = { steps: [1, 3, 5, 7], values: [4, 3, 2, 1] };
    expect(lengthAtStep(series, 0)).toBe(0);
    expect(lengthAtStep(series, 5)).toBe(3);
    expect(lengthAtStep(series, 6)).toBe(3);
    expect(lengthAtStep(series, 100)).toBe(4);
    expect(cutAtStep(series, 4)).toEqual({ steps: [1, 3], values: [4, 3] });
    expect(cutAtStep(series, null)).toBe(series);
  });

  it('aligns series on the union of their steps with gaps', () => {
    const aligned = alignSeries([
      { steps: [1, 2, 3], values: [10, 20, 30] },
      { steps: [2, 4], values: [0.5, 0.7] },
      EMPTY_SERIES,
    ]);
    expect(aligned).toEqual([
      [1, 2, 3, 4],
      [10, 20, 30, null],
      [null, 0.5, null, 0.7],
      [null, null, null, null],
    ]);
    expect(alignSeries([])).toEqual([[]]);
  });

  it('aligns series that share their steps (equal, not the same array) without gaps, and copies them', () => {
    const loss = { steps: [1, 2, 5], values: [3, 2, 1] };
    const accuracy = { steps: [1, 2, 5], values: [0.1, 0.5, 0.9] };
    const aligned = alignSeries([loss, EMPTY_SERIES, accuracy]);
    expect(aligned).toEqual([
      [1, 2, 5],
      [3, 2, 1],
      [null, null, null],
      [0.1, 0.5, 0.9],
    ]);
    expect(aligned[0]).not.toBe(loss.steps);
    expect(aligned[1]).not.toBe(loss.values);
  });
});
