import { describe, expect, it } from 'vitest';
import { activationHealth, deadShare, saturatedShare } from '../../../renderer/dashboard/activationStats.ts';
import { confusionTable } from '../../../renderer/dashboard/confusion.ts';

describe('confusion matrix', () => {
  it('shades cells by their share of the row', () => {
    const table = confusionTable([
      [8, 2],
      [0, 0],
    ]);
    expect(table.classes).toBe(2);
    expect(table.total).toBe(10);
    expect(table.accuracy).toBeCloseTo(0.8);
    const [hit, miss, , empty] = table.cells;
    expect(hit).toMatchObject({ truth: 0, predicted: 0, count: 8, share: 0.8, shade: 0.8, correct: true });
    expect(miss).toMatchObject({ truth: 0, predicted: 1, count: 2, share: 0.2, correct: false });
    expect(empty).toMatchObject({ share: 0, shade: 0 });
    table.cells.forEach((cell) => expect(cell.shade).toBeGreaterThanOrEqual(0));
  });

  it('lifts small mistakes so they still show, never past 1', () => {
    const table = confusionTable([
      [99, 1],
      [2, 98],
    ]);
    const mistakes = table.cells.filter((cell) => !cell.correct);
    expect(Math.max(...mistakes.map((cell) => cell.shade))).toBeCloseTo(0.25);
    expect(mistakes[0].shade).toBeLessThan(mistakes[1].shade);
    expect(confusionTable([]).accuracy).toBe(0);
  });
});

describe('activation health', () => {
  it('counts dead units as exact zeros', () => {
    expect(deadShare([0, 0, 1, 2])).toBe(0.5);
    expect(deadShare(new Float32Array([0.001, -0]))).toBe(0.5);
    expect(deadShare([])).toBe(0);
  });

  it('counts saturated tanh and sigmoid units', () => {
    expect(saturatedShare([0.995, -0.999, 0.5, 0.99], 'tanh')).toBe(0.5);
    expect(saturatedShare([0.005, 0.995, 0.5, 0.01], 'sigmoid')).toBe(0.5);
  });

  it('picks the statistic that fits the layer', () => {
    expect(activationHealth('ReLU', [0, 1])).toEqual({ dead: 0.5, saturated: null });
    expect(activationHealth('Tanh', [1, 0])).toEqual({ dead: null, saturated: 0.5 });
    expect(activationHealth('Sigmoid', [1, 0.5])).toEqual({ dead: null, saturated: 0.5 });
    expect(activationHealth('Dense', [0, 0])).toEqual({ dead: null, saturated: null });
  });
});
