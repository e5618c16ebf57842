import { describe, expect, it } from 'vitest';
import { axisOf, chartModel, colorOf, metricsAreShares } from '../../../renderer/dashboard/chartData.ts';
import { withAlpha } from '../../../renderer/dashboard/chartOptions.ts';
import { EMPTY_CURVES, type Curves } from '../../../renderer/dashboard/runModel.ts';

const curves: Curves = {
  ...EMPTY_CURVES,
  losses: { loss: { steps: [1, 2, 3, 4], values: [1, 0.5, 0, 0.25] } },
  metrics: { accuracy: { steps: [1, 2, 3, 4], values: [0.1, 0.2, 0.3, 0.4] } },
  validation: { loss: { steps: [2, 4], values: [0.6, 0.3] }, accuracy: { steps: [2, 4], values: [0.3, 0.5] } },
};

describe('chart model', () => {
  it('lays out losses, metrics and validation on one step axis', () => {
    const model = chartModel({ curves, previousRuns: [], smoothing: 0, scale: 'linear', cutoffStep: null });
    expect(model.lines.map((line) => [line.label, line.axis, line.markers])).toEqual([
      ['loss', 'loss', false],
      ['accuracy', 'metric', false],
      ['validation loss', 'loss', true],
      ['validation accuracy', 'metric', true],
    ]);
    expect(model.data[0]).toEqual([1, 2, 3, 4]);
    expect(model.data[3]).toEqual([null, 0.6, null, 0.3]);
    expect(model.latest).toEqual([0.25, 0.4, 0.3, 0.5]);
  });

  it('adds a faint raw line under each smoothed one', () => {
    const model = chartModel({ curves, previousRuns: [], smoothing: 0.5, scale: 'linear', cutoffStep: null });
    expect(model.lines.slice(0, 2).map((line) => [line.label, line.faint])).toEqual([
      ['loss (raw)', true],
      ['loss', false],
    ]);
    expect(model.data[1]).toEqual([1, 0.5, 0, 0.25]);
    expect(model.data[2][1]).toBeCloseTo((0.25 + 0.25) / 0.75);
  });

  it('makes losses safe on a log scale and cuts at the timeline step', () => {
    const model = chartModel({ curves, previousRuns: [], smoothing: 0, scale: 'log', cutoffStep: 3 });
    expect(model.data[0]).toEqual([1, 2, 3]);
    expect(model.data[1]).toEqual([1, 0.5, null]);
    expect(model.data[2]).toEqual([0.1, 0.2, 0.3]);
  });

  it('draws previous runs faint, and rebuilds only when the lines change', () => {
    const previous = { id: 1, label: 'Run 1', curves: { ...EMPTY_CURVES, losses: { loss: { steps: [1, 5], values: [2, 1] } } } };
    const model = chartModel({ curves, previousRuns: [previous], smoothing: 0, scale: 'linear', cutoffStep: null });
    expect(model.lines[0]).toMatchObject({ label: 'Run 1 loss', faint: true, axis: 'loss' });
    expect(model.data[0]).toEqual([1, 2, 3, 4, 5]);
    const grown = chartModel({ curves: { ...curves, losses: { loss: { steps: [1, 2, 3, 4, 5], values: [1, 1, 1, 1, 1] } } }, previousRuns: [previous], smoothing: 0, scale: 'linear', cutoffStep: null });
    expect(grown.key).toBe(model.key);
    expect(chartModel({ curves, previousRuns: [previous], smoothing: 0, scale: 'log', cutoffStep: null }).key).not.toBe(model.key);
  });

  it('names axes and colours', () => {
    expect(axisOf('loss', [])).toBe('loss');
    expect(axisOf('generator', ['generator'])).toBe('loss');
    expect(axisOf('accuracy', ['loss'])).toBe('metric');
    expect(colorOf('loss')).toMatch(/^#[0-9a-f]{6}$/);
    expect(colorOf('something')).toBe(colorOf('something'));
    expect(withAlpha('#6f9dff', 0.5)).toBe('rgba(111, 157, 255, 0.5)');
    expect(metricsAreShares(chartModel({ curves, previousRuns: [], smoothing: 0, scale: 'linear', cutoffStep: null }).lines)).toBe(true);
  });
});
