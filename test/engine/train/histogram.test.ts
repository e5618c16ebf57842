// Binning: counts checked by hand, the edges, a single repeated value, NaN and infinities.
import { describe, expect, it } from 'vitest';
import { histogram } from '../../../engine/train/histogram.ts';

describe('histogram', () => {
  it('counts values in equal bins over their own range, the largest in the last bin', () => {
    // Range [0, 10] in 5 bins of width 2: [0,2) 0 1 | [2,4) 2 3 | [4,6) 4 | [6,8) - | [8,10] 10.
    expect(histogram([3, 0, 10, 2, 1, 4], 5)).toEqual({ min: 0, max: 10, counts: [2, 2, 1, 0, 1], nonFinite: 0 });
    // Range [-1, 1] in 4 bins of width 0.5: -1 -0.6 | -0.5 | 0 0.2 0.49 | 0.5 1.
    expect(histogram(new Float32Array([-1, -0.6, -0.5, 0, 0.2, 0.49, 0.5, 1]), 4).counts).toEqual([2, 1, 3, 2]);
  });

  it('puts one repeated value in the middle bin, and counts non-finite values apart', () => {
    expect(histogram([0, 0, 0], 5)).toEqual({ min: 0, max: 0, counts: [0, 0, 3, 0, 0], nonFinite: 0 });
    expect(histogram([1, Number.NaN, 3, Number.POSITIVE_INFINITY], 2)).toEqual({ min: 1, max: 3, counts: [1, 1], nonFinite: 2 });
    expect(histogram([], 3)).toEqual({ min: 0, max: 0, counts: [0, 0, 0], nonFinite: 0 });
  });

  it('refuses a bin count that is not a positive whole number', () => {
    expect(() => histogram([1], 0)).toThrow(/whole number of bins/);
    expect(() => histogram([1], 2.5)).toThrow(/whole number of bins/);
  });
});
