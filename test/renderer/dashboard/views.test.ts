import { describe, expect, it } from 'vitest';
import { featureView, filterView } from '../../../renderer/dashboard/featureView.ts';
import { formatCount, formatDuration, formatShare, formatValue } from '../../../renderer/dashboard/format.ts';
import { pointBounds, scatterImage } from '../../../renderer/dashboard/pointsImage.ts';
import { sampleHistory, sampleIndex } from '../../../renderer/dashboard/sampleHistory.ts';
import { initialRun, reduceRun } from '../../../renderer/dashboard/runModel.ts';
import { grid, steps, tensor } from './events.ts';

describe('feature view', () => {
  it('draws images as channels, sequences as strips, vectors as bars', () => {
    const image = featureView(tensor([1, 4, 4, 3]), 'Conv2D');
    expect(image).toMatchObject({ kind: 'image', caption: '4×4×3 (3 channels)', bars: null });
    expect([image.image?.width, image.image?.height]).toEqual([9, 9]);
    const sequence = featureView(tensor([1, 5, 2]), 'LSTM');
    expect(sequence.caption).toBe('5 steps × 2 features (time runs left to right)');
    expect([sequence.image?.width, sequence.image?.height]).toEqual([5, 2]);
    const vector = featureView(tensor([1, 4], (index) => index - 1), 'ReLU');
    expect(vector.bars?.heights).toEqual([-0.5, 0, 0.5, 1]);
    expect(vector.health).toEqual({ dead: 0.25, saturated: null });
    expect(featureView(tensor([1, 300]), 'Dense').caption).toBe('300 units (3 per bar)');
  });

  it('draws Conv2D weights as filters', () => {
    const view = filterView({ weights: tensor([3, 3, 1, 8]), bias: tensor([8]) });
    expect(view?.caption).toBe('8 filters, 3×3×1');
    expect([view?.image.width, view?.image.height]).toEqual([11, 11]);
    expect(filterView({ weights: tensor([3, 3, 2, 100]) })?.caption).toBe('64 of 100 filters, 3×3×2');
    expect(filterView(undefined)).toBeNull();
    expect(filterView({ bias: tensor([4]) })).toBeNull();
  });
});

describe('points', () => {
  it('bounds points with a margin', () => {
    expect(pointBounds([new Float32Array([0, 0, 10, 20])], 0.1)).toEqual({ minX: -1, maxX: 11, minY: -2, maxY: 22 });
    expect(pointBounds([])).toEqual({ minX: -1, maxX: 1, minY: -1, maxY: 1 });
  });

  it('draws generated points bright over faint real ones, y up', () => {
    const real = new Float32Array([0, 0, 1, 1]);
    const generated = new Float32Array([1, 1]);
    const { image } = scatterImage(generated, real, 20, 1);
    const alphaAt = (x: number, y: number) => image.pixels[(y * 20 + x) * 4 + 3];
    const top = [...Array(20).keys()].flatMap((y) => [...Array(20).keys()].map((x) => ({ x, y, alpha: alphaAt(x, y) }))).filter((point) => point.alpha > 0);
    expect(top.length).toBe(2);
    const bright = top.find((point) => point.alpha === 255);
    const faint = top.find((point) => point.alpha < 255);
    expect(bright!.y).toBeLessThan(faint!.y);
    expect(bright!.x).toBeGreaterThan(faint!.x);
  });
});

describe('sample history', () => {
  let model = initialRun();
  for (const epoch of [0, 1, 2]) {
    model = reduceRun(reduceRun(reduceRun(model, steps(epoch + 1, epoch + 1, epoch)), { type: 'epoch', epoch, validation: {} }), { type: 'images', kind: 'samples', epoch, outputs: grid(4) });
  }
  const history = sampleHistory(model.snapshots);

  it('lists the epochs with samples and follows the latest or the timeline', () => {
    expect(history.map((entry) => entry.epoch)).toEqual([0, 1, 2]);
    expect(sampleIndex(history, null, null)).toBe(2);
    expect(sampleIndex(history, 1, null)).toBe(1);
    expect(sampleIndex([], null, null)).toBe(-1);
  });

  it('holds a pick until the timeline moves; a pick of the newest follows new samples', () => {
    expect(sampleIndex(history, null, { index: 0, shownEpoch: null, length: 3 })).toBe(0);
    expect(sampleIndex(history, 1, { index: 0, shownEpoch: null, length: 3 })).toBe(1);
    expect(sampleIndex(history, null, { index: 1, shownEpoch: null, length: 2 })).toBe(2);
  });
});

describe('format', () => {
  it('writes durations, counts, values and shares', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatCount(950)).toBe('950');
    expect(formatCount(12_345)).toBe('12.3k');
    expect(formatCount(4_500_000)).toBe('4.5M');
    expect(formatCount(3.14159)).toBe('3.1');
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(0.00001234)).toBe('1.23e-5');
    expect(formatValue(null)).toBe('—');
    expect(formatShare(0.125)).toBe('13%');
    expect(formatShare(0.031)).toBe('3.1%');
    expect(formatShare(0)).toBe('0%');
  });
});
