// The chart's legend speaks a learner's words from one table, each line with its explanation, and
// keeps the engine's name for what depends on it (accuracies share the 0..1 axis).
import { describe, expect, it } from 'vitest';
import { chartModel, metricsAreShares } from '../../../renderer/dashboard/chartData.ts';
import { METRIC_WORDS, metricWords, validationWords } from '../../../renderer/dashboard/metricNames.ts';
import { EMPTY_CURVES } from '../../../renderer/dashboard/runModel.ts';

const series = { steps: [1, 2], values: [0.5, 0.6] };

describe('metric names', () => {
  it('names a GAN\u2019s curves in words, each with a one-line explanation', () => {
    const curves = { ...EMPTY_CURVES, losses: { generator: series, discriminator: series }, metrics: { realAccuracy: series, fakeAccuracy: series } };
    const model = chartModel({ curves, previousRuns: [], smoothing: 0, scale: 'linear', cutoffStep: null });
    expect(model.lines.map((line) => line.label)).toEqual(['generator loss', 'discriminator loss', 'D on real', 'D on fake']);
    expect(model.lines[2].explanation).toBe('The share of real examples the discriminator (D) calls real.');
    expect(metricsAreShares(model.lines)).toBe(true);
  });

  it('has one line of explanation for every name, and stands unknown names as they are', () => {
    for (const words of Object.values(METRIC_WORDS)) {
      expect(words.explanation).toMatch(/^[A-Z].*\.$/);
      expect(words.explanation).not.toContain('\n');
    }
    expect(metricWords('f1')).toEqual({ label: 'f1', explanation: '“f1”, as the run reports it.' });
    expect(validationWords('mae').label).toBe('validation mean error');
  });
});
