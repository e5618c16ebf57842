// The GAN lab's measures on hand-made numbers: mean verdicts, spread, class centres, mode coverage.
import { describe, expect, it } from 'vitest';
import { classCentres, meanProbability, modeCoverage, spreadOf } from '../../../engine/worker/ganMeasures.ts';

describe('GAN measures', () => {
  it('averages the probabilities of logits, not the logits', () => {
    // sigmoid(0) = 0.5, sigmoid(ln 3) = 0.75.
    expect(meanProbability([0, Math.log(3)])).toBeCloseTo(0.625, 9);
  });

  it('measures spread as the root-mean-square distance from the mean', () => {
    // (0,0), (2,0), (0,2), (2,2): mean (1,1), every point √2 away.
    expect(spreadOf([0, 0, 2, 0, 0, 2, 2, 2], 4, 2)).toBeCloseTo(Math.SQRT2, 9);
    expect(spreadOf([5, 5, 5, 5], 2, 2)).toBe(0);
  });

  it('finds each class centre and the spread around them', () => {
    // Class 0 at (−1, 0) ± 0.1 in x; class 1 at (1, 0) ± 0.1 in y.
    const { centres, spread } = classCentres([-1.1, 0, -0.9, 0, 1, 0.1, 1, -0.1], [0, 0, 1, 1], 2);
    expect([...centres].map((value) => Number(value.toFixed(9)))).toEqual([-1, 0, 1, 0]);
    expect(spread).toBeCloseTo(0.1, 9);
  });

  it('counts a mode covered when a quarter of an even share of the points lands near it', () => {
    const centres = [0, 0, 10, 0, 0, 10, 10, 10];
    // 16 points: 14 at (0,0), 2 near (10,0), none at the others. An even share is 4, a quarter of it 1.
    const generated = [...Array.from({ length: 14 }, () => [0.1, 0]).flat(), 10, 0.2, 9.9, 0];
    expect(modeCoverage(generated, centres, 0.5)).toEqual({ covered: 2, total: 4, onModes: 1 });
    // All 16 between the modes: none near any.
    expect(modeCoverage(Array.from({ length: 16 }, () => [5, 5]).flat(), centres, 0.5)).toEqual({ covered: 0, total: 4, onModes: 0 });
  });
});
