// The latent lab's projection: principal axes of hand-made points, checked against hand-computed
// covariances, and a plane point mapped back to its code.
import { describe, expect, it } from 'vitest';
import { principalAxes, project, unproject } from '../../../engine/worker/pca.ts';

describe('principal axes', () => {
  it('finds the diagonal of points on a line through (2, 2), with all the variance on it', () => {
    // Points (1,1), (2,2), (3,3): mean (2,2), centred ±(1,1) and 0; covariance [[2/3, 2/3], [2/3, 2/3]].
    const projection = principalAxes(Float32Array.of(1, 1, 2, 2, 3, 3), 3, 2);
    expect(projection.mean).toEqual([2, 2]);
    expect(projection.first[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(projection.first[1]).toBeCloseTo(Math.SQRT1_2, 6);
    // No variance is left: the second axis is the perpendicular one, its largest entry positive.
    expect(Math.abs(projection.second[0])).toBeCloseTo(Math.SQRT1_2, 6);
    expect(projection.second[0] * projection.first[0] + projection.second[1] * projection.first[1]).toBeCloseTo(0, 9);
    expect(projection.explained[0]).toBeCloseTo(1, 6);
    expect(projection.explained[1]).toBeCloseTo(0, 6);
    const points = project(Float32Array.of(3, 3), 1, projection);
    expect(points[0]).toBeCloseTo(Math.SQRT2, 5);
    expect(points[1]).toBeCloseTo(0, 5);
  });

  it('orders the axes of 3-D points by variance: x (8/6), then y (2/6), then z (0.5/6)', () => {
    const values = Float32Array.of(2, 0, 0, -2, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0.5, 0, 0, -0.5);
    const projection = principalAxes(values, 6, 3);
    expect(projection.mean).toEqual([0, 0, 0]);
    expect(projection.first.map((value) => Number(value.toFixed(6)) + 0)).toEqual([1, 0, 0]);
    expect(projection.second.map((value) => Number(value.toFixed(6)) + 0)).toEqual([0, 1, 0]);
    // Variances 8/6, 2/6 and 0.5/6: shares 8/10.5 and 2/10.5.
    expect(projection.explained[0]).toBeCloseTo(8 / 10.5, 6);
    expect(projection.explained[1]).toBeCloseTo(2 / 10.5, 6);
    expect([...project(values, 6, projection)].map((value) => Number(value.toFixed(5)) + 0)).toEqual([2, 0, -2, 0, 0, 1, 0, -1, 0, 0, 0, 0]);
    // (1.5, −0.5) on the plane is the code mean + 1.5·x − 0.5·y.
    expect([...unproject([1.5, -0.5], projection)].map((value) => Number(value.toFixed(5)) + 0)).toEqual([1.5, -0.5, 0]);
  });

  it('finds a rotated axis: points along (3, 4)/5 around the mean (1, 1)', () => {
    const values = Float32Array.of(1 + 0.6 * 5, 1 + 0.8 * 5, 1 - 0.6 * 5, 1 - 0.8 * 5, 1 - 0.8, 1 + 0.6, 1 + 0.8, 1 - 0.6);
    const projection = principalAxes(values, 4, 2);
    expect(projection.mean[0]).toBeCloseTo(1, 6);
    expect(projection.first[0]).toBeCloseTo(0.6, 5);
    expect(projection.first[1]).toBeCloseTo(0.8, 5);
    // Variances 2·25/4 along the axis and 2·1/4 across it.
    expect(projection.explained[0]).toBeCloseTo(25 / 26, 5);
    expect(projection.explained[1]).toBeCloseTo(1 / 26, 5);
  });
});
