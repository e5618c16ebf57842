// The labs' arithmetic against hand-computed numbers: the worked convolution (429 at the top-left,
// 139 with padding 1), the output-size formula and its refusals, max and average pooling with
// their backward pass, and each activation's derivative against finite differences.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, gradientRegions, softmax } from '../../../renderer/learn/activations.ts';
import { convolve, outputSize, parseGrid, stepEquation, WORKED_INPUT, WORKED_KERNEL } from '../../../renderer/learn/convolution.ts';
import { pool, poolBackward, WORKED_MAP } from '../../../renderer/learn/pooling.ts';

describe('convolution lab', () => {
  it('gives 429 at the top-left of the worked example without padding, and a 4×4 output', () => {
    const result = convolve([WORKED_INPUT], [[WORKED_KERNEL]], { stride: 1, padding: 0 });
    expect(result.size).toBe(4);
    expect(result.outputs[0][0][0]).toBe(429);
    expect(result.steps).toHaveLength(16);
    expect(stepEquation(result.steps[0])).toBe('18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429');
    // Second position: 54 + 239 + 75 + 24 + 113 by hand.
    expect(result.outputs[0][0][1]).toBe(54 + 239 + 75 + 24 + 113);
  });

  it('gives 139 at the top-left with padding 1 (padding reads 0) and a 6×6 output', () => {
    const result = convolve([WORKED_INPUT], [[WORKED_KERNEL]], { stride: 1, padding: 1 });
    expect(result.size).toBe(6);
    expect(result.outputs[0][0][0]).toBe(139);
    expect(stepEquation(result.steps[0]).startsWith('0×1 + 0×0 + 0×1 + 0×0 + 18×1 + 54×0 + 0×1 + 55×0 + 121×1')).toBe(true);
  });

  it('evaluates (W − F + 2P) / S + 1 and refuses what does not fit, with the reason', () => {
    expect(outputSize(6, 3, 0, 1)).toEqual({ size: 4, formula: '(6 − 3 + 2·0) / 1 + 1 = 4' });
    expect(outputSize(6, 3, 1, 1)).toEqual({ size: 6, formula: '(6 − 3 + 2·1) / 1 + 1 = 6' });
    const uneven = outputSize(6, 3, 0, 2);
    expect('problem' in uneven && uneven.problem).toBe('(W − F + 2P) / S = 3 / 2 is not a whole number: the filter would not end at the border. Choose a stride that divides 3, or change the padding.');
    const tooLarge = outputSize(2, 3, 0, 1);
    expect('problem' in tooLarge && tooLarge.problem).toContain('larger than the padded input (2×2)');
    expect(() => convolve([WORKED_INPUT], [[WORKED_KERNEL]], { stride: 2, padding: 0 })).toThrow('3 / 2 is not a whole number');
  });

  it('adds channels up and stacks filters', () => {
    const ones = parseGrid('1 1 / 1 1');
    const twos = parseGrid('2 2 / 2 2');
    const result = convolve([ones, twos], [[parseGrid('1'), parseGrid('1')], [parseGrid('1'), parseGrid('-1')]], { stride: 1, padding: 0 });
    expect(result.outputs).toEqual([[[3, 3], [3, 3]], [[-1, -1], [-1, -1]]]);
    expect(result.steps[0].products).toHaveLength(2);
  });
});

describe('pooling lab', () => {
  it('max pools the worked 4×4 map to 792 856 / 913 851', () => {
    expect(pool(WORKED_MAP, 'max').output).toEqual([[792, 856], [913, 851]]);
  });

  it('average pools it to the means of each window', () => {
    expect(pool(WORKED_MAP, 'average').output).toEqual([[(429 + 505 + 261 + 792) / 4, (686 + 856 + 412 + 640) / 4], [(633 + 653 + 608 + 913) / 4, (851 + 751 + 713 + 657) / 4]]);
  });

  it('sends each gradient only to the max of its window, or shares it equally for average', () => {
    const maxPooling = pool(WORKED_MAP, 'max');
    const gradient = poolBackward(WORKED_MAP, maxPooling, [[1, 2], [3, 4]]);
    expect(gradient).toEqual([[0, 0, 0, 2], [0, 1, 0, 0], [0, 0, 4, 0], [0, 3, 0, 0]]);
    const average = poolBackward(WORKED_MAP, pool(WORKED_MAP, 'average'), [[4, 8], [0, 0]]);
    expect(average[0]).toEqual([1, 1, 2, 2]);
    expect(average[2]).toEqual([0, 0, 0, 0]);
  });

  it('refuses a window that does not tile the map', () => {
    expect(() => pool(WORKED_MAP, 'max', 3, 2)).toThrow('A 3×3 window with stride 2 does not tile a 4×4 map.');
  });
});

describe('activation lab', () => {
  it.each(ACTIVATIONS.filter((entry) => entry.name !== 'step').map((entry) => [entry.label, entry] as const))('%s: the derivative matches finite differences', (_, entry) => {
    for (const x of [-2.3, -0.7, 0.4, 1.9]) {
      const numeric = (entry.value(x + 1e-5) - entry.value(x - 1e-5)) / 2e-5;
      expect(Math.abs(entry.derivative(x) - numeric)).toBeLessThan(1e-6);
    }
  });

  it('marks where the gradient vanishes (sigmoid beyond |x| ≈ 3) or is zero (ReLU below 0)', () => {
    const sigmoid = gradientRegions('sigmoid');
    expect(sigmoid.map((region) => region.kind)).toEqual(['vanishing', 'vanishing']);
    expect(sigmoid[0].from).toBe(-6);
    // σ'(x) = 0.05 where σ(x) = (1 + √0.8) / 2, at |x| = ln(0.9472 / 0.0528) ≈ 2.887.
    expect(sigmoid[0].to).toBeCloseTo(-2.89, 2);
    expect(sigmoid[1].from).toBeCloseTo(2.89, 2);
    expect(gradientRegions('relu')).toEqual([{ from: -6, to: 0, kind: 'zero' }]);
    expect(gradientRegions('linear')).toEqual([]);
    expect(gradientRegions('leakyRelu')).toEqual([]);
    expect(gradientRegions('step')).toEqual([{ from: -6, to: 6, kind: 'zero' }]);
  });

  it('softmax sums to 1 and with two classes is the sigmoid of their difference', () => {
    const probabilities = softmax([2, 0]);
    expect(probabilities[0] + probabilities[1]).toBeCloseTo(1, 12);
    expect(probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(softmax([1000, 999])[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });
});
