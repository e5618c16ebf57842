import { describe, expect, it } from 'vitest';
import { clampSmoothing, logRange, logSafe, smooth } from '../../../renderer/dashboard/smoothing.ts';

describe('smoothing', () => {
  it('leaves values as they are at factor 0 and clamps the factor to 0..0.99', () => {
    expect(smooth([3, 1, 2], 0)).toEqual([3, 1, 2]);
    expect(clampSmoothing(-1)).toBe(0);
    expect(clampSmoothing(2)).toBe(0.99);
    expect(clampSmoothing(Number.NaN)).toBe(0);
  });

  it('starts at the first value and keeps a constant constant (bias corrected)', () => {
    const smoothed = smooth([5, 5, 5, 5], 0.9);
    smoothed.forEach((value) => expect(value).toBeCloseTo(5));
  });

  it('is an exponential moving average', () => {
    const [first, second, third] = smooth([1, 0, 0], 0.5) as number[];
    expect(first).toBeCloseTo(1);
    // (0.5·0.5·1 + 0.5·0) / (1 − 0.25) = 1/3
    expect(second).toBeCloseTo(1 / 3);
    // 0.125 / 0.875 = 1/7
    expect(third).toBeCloseTo(1 / 7);
  });

  it('keeps gaps as gaps without disturbing the average', () => {
    const smoothed = smooth([2, null, Number.NaN, 2], 0.8);
    expect(smoothed[1]).toBeNull();
    expect(smoothed[2]).toBeNull();
    expect(smoothed[3]).toBeCloseTo(2);
  });

  it('smooths noise toward its mean', () => {
    const noisy = Array.from({ length: 400 }, (_, index) => 1 + (index % 2 === 0 ? 0.5 : -0.5));
    const smoothed = smooth(noisy, 0.95) as number[];
    expect(Math.abs(smoothed[399] - 1)).toBeLessThan(0.05);
  });

  it('makes values safe for a log axis', () => {
    expect(logSafe([1, 0, -2, Number.POSITIVE_INFINITY, null, 0.01])).toEqual([1, null, null, null, null, 0.01]);
    expect(logRange([0.03, 2.5, 0, null])).toEqual([0.01, 10]);
    expect(logRange([])).toEqual([0.1, 1]);
    expect(logRange([1])).toEqual([1, 10]);
  });
});
