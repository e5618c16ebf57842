// The histogram panel's logic: frames folded per node and thinned, bars, counts spread over a
// shared range, the heat map over time, and which layers have anything to show.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, Histogram } from '../../../engine/protocol/index.ts';
import { addHistogramFrame } from '../../../renderer/dashboard/histogramHistory.ts';
import { hasParameters, histogramBars, histogramPanelView, resampleCounts, ridgeImage, ridgeRange } from '../../../renderer/dashboard/histogramView.ts';
import { initialRun, reduceRun, startRun } from '../../../renderer/dashboard/runModel.ts';

const flat = (min: number, max: number, counts: number[]): Histogram => ({ min, max, counts, nonFinite: 0 });

function event(step: number, weights: Histogram, gradients: Histogram | null = flat(-1, 1, [1, 1]), nodeId = 'conv1'): Extract<EngineEvent, { type: 'histograms' }> {
  return { type: 'histograms', step, epoch: Math.floor(step / 10), nodeId, parameters: [{ name: 'weights', shape: [2, 3], values: weights, gradients }] };
}

describe('histogram history', () => {
  it('folds frames per node in the run model, and a new run starts empty', () => {
    let model = reduceRun(initialRun(), event(1, flat(0, 1, [2, 4])));
    model = reduceRun(model, event(5, flat(0, 2, [3, 3])));
    model = reduceRun(model, event(2, flat(0, 1, [6, 0]), null, 'dense1'));
    expect(model.histograms.conv1.map((frame) => frame.step)).toEqual([1, 5]);
    expect(model.histograms.dense1[0].parameters[0].gradients).toBeNull();
    expect(startRun(model).histograms).toEqual({});
  });

  it('replaces frames from a step already seen, and thins the older half past the bound', () => {
    let histories = addHistogramFrame({}, event(3, flat(0, 1, [1, 0])));
    histories = addHistogramFrame(histories, event(3, flat(0, 1, [0, 1])));
    expect(histories.conv1).toHaveLength(1);
    expect(histories.conv1[0].parameters[0].values.counts).toEqual([0, 1]);
    for (let step = 4; step <= 10; step++) histories = addHistogramFrame(histories, event(step, flat(0, 1, [1, 1])), 6);
    // 3..8 fill six; 9 thins [3,4,5] to [3,5] and appends; 10 finds six again and thins [3,5,6] to [3,6].
    expect(histories.conv1.map((frame) => frame.step)).toEqual([3, 6, 7, 8, 9, 10]);
  });
});

describe('histogram view', () => {
  it('scales bars to the tallest bin and marks zero inside the range', () => {
    expect(histogramBars(flat(-1, 3, [1, 4, 2, 0]))).toEqual({ heights: [0.25, 1, 0.5, 0], zero: 0.25, min: '-1', max: '3', nonFinite: 0 });
    expect(histogramBars(flat(0.5, 1, [0, 0])).zero).toBeNull();
  });

  it('spreads counts over a wider shared range in proportion to overlap', () => {
    // Bins [0,1) and [1,2] onto 4 columns of [0,4]: each bin fills one column.
    expect(resampleCounts(flat(0, 2, [3, 5]), 0, 4, 4)).toEqual([3, 5, 0, 0]);
    // One bin [0,2] onto 4 columns of [-2,2]: half into each of the two right-middle columns.
    expect(resampleCounts(flat(0, 2, [4]), -2, 2, 4)).toEqual([0, 0, 2, 2]);
    // One repeated value is a spike where it lies.
    expect(resampleCounts(flat(1.5, 1.5, [0, 7, 0]), 0, 2, 4)).toEqual([0, 0, 0, 7]);
    // Bins [-4,0) and [0,4] onto 2 columns of [-1,1]: what lies outside piles up at the edges.
    expect(resampleCounts(flat(-4, 4, [8, 4]), -1, 1, 2)).toEqual([8, 4]);
  });

  it('takes the median span for the heat map, widened to hold the latest frame', () => {
    // Early gradients wide, later ones narrow: the range follows the typical frame, not the first.
    const shrinking = [flat(-100, 100, [1]), flat(-1, 2, [1]), flat(-2, 1, [1]), flat(-0.5, 0.5, [1])];
    expect(ridgeRange(shrinking)).toEqual({ min: -1.5, max: 1.5 });
    // Growing weights: the latest frame is the widest and fits whole.
    expect(ridgeRange([flat(-1, 1, [1]), flat(-2, 2, [1]), flat(-3, 5, [1])])).toEqual({ min: -3, max: 5 });
  });

  it('draws the heat map with time down and each row at its step', () => {
    const history = [
      { step: 0, histogram: flat(0, 1, [1, 0]) },
      { step: 10, histogram: flat(0, 1, [0, 1]) },
    ];
    const image = ridgeImage(history, 0, 1, 2, 3);
    const alpha = (row: number, column: number) => image.pixels[(row * 2 + column) * 4 + 3];
    expect([image.width, image.height]).toEqual([2, 3]);
    expect([alpha(0, 0), alpha(0, 1)]).toEqual([255, 0]);
    expect([alpha(1, 0), alpha(1, 1)]).toEqual([255, 0]);
    expect([alpha(2, 0), alpha(2, 1)]).toEqual([0, 255]);
  });

  it('builds one row per parameter with values and gradients, over the shared range', () => {
    const frames = [
      { step: 1, epoch: 0, parameters: event(1, flat(-1, 1, [1, 1])).parameters },
      { step: 8, epoch: 0, parameters: event(8, flat(-2, 0.5, [1, 1]), null).parameters },
    ];
    const view = histogramPanelView(frames)!;
    expect(view).toMatchObject({ step: 8, epoch: 0, firstStep: 1 });
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({ name: 'weights', caption: '2×3 · 6 values', gradients: null });
    expect(view.rows[0].values.range).toEqual({ min: '-2', max: '0.75' });
    expect(view.rows[0].values.bars.min).toBe('-2');
    expect(histogramPanelView([])).toBeNull();
  });

  it('knows which layers have parameters', () => {
    expect([hasParameters('Conv2D'), hasParameters('Dense'), hasParameters('LSTM')]).toEqual([true, true, true]);
    expect([hasParameters('ReLU'), hasParameters('MaxPool2D'), hasParameters(undefined)]).toEqual([false, false, false]);
  });
});
