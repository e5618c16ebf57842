// The gradient lab's and the LSTM cell lab's plain logic on hand-made numbers.
import { describe, expect, it } from 'vitest';
import type { GradientCurve, LstmCellValues } from '../../../engine/protocol/index.ts';
import { curvePath, decadeRange, decadeTicks, formatRatio, logY, reachSentence, relativeNorms, type ChartBox } from '../../../renderer/learn/gradientStudy.ts';
import { cellEquation, cellStep, formatValue, forgetSentence, gateEquation, gateView, hiddenEquation, inputLabel, seriesOf, subscriptPieces } from '../../../renderer/learn/lstmCell.ts';

const BOX: ChartBox = { width: 108, height: 140, left: 0, top: 10, bottom: 30 };

function curve(name: string, norms: number[], kind: GradientCurve['kind'] = 'time'): GradientCurve {
  return { name, kind, norms, loss: 0.3 };
}

describe('gradient study charts', () => {
  it('divides every norm by the last one', () => {
    expect(relativeNorms([0.001, 0.02, 0.5, 2])).toEqual([0.0005, 0.01, 0.25, 1]);
    expect(relativeNorms([1, 0]).every(Number.isNaN)).toBe(true);
  });

  it('spans whole decades that hold every value, at least 10^-2..10^0', () => {
    expect(decadeRange([0.5, 1])).toEqual([-2, 0]);
    expect(decadeRange([3e-8, 1, 40])).toEqual([-8, 2]);
    expect(decadeRange([0, Number.NaN, 1e-30])).toEqual([-12, 0]);
    expect(decadeTicks([-8, 2])).toEqual([2, 0, -2, -4, -6, -8]);
    expect(decadeTicks([-2, 0])).toEqual([0, -1, -2]);
  });

  it('places values on a log scale and draws them as a path', () => {
    // 100 px of plot below a 10 px margin for decades −2..0: 1 at the top, 0.1 halfway, 0.01 at the bottom.
    expect(logY(1, [-2, 0], BOX)).toBe(10);
    expect(logY(0.1, [-2, 0], BOX)).toBe(60);
    expect(logY(1e-9, [-2, 0], BOX)).toBe(110);
    expect(curvePath([0.01, 0.1, 1], [-2, 0], BOX)).toBe('M0.0,110.0 L50.0,60.0 L100.0,10.0');
    expect(curvePath([0.01, Number.NaN, 1], [-2, 0], BOX)).toBe('M0.0,110.0 M100.0,10.0');
  });

  it('gives the first step\'s norm over the last one\'s, network by network', () => {
    const curves = [curve('SimpleRNN', [4e-9, 0.5, 1]), curve('LSTM', [0.42, 0.6, 1])];
    expect(reachSentence(curves)).toBe('‖∂L/∂x_1‖ ÷ ‖∂L/∂x_3‖ now: 4.0e-9 in the SimpleRNN, 0.42 in the LSTM.');
    expect(reachSentence([curve('Sigmoid MLP', [2e-6, 1], 'depth')])).toBe('‖∂L/∂W_1‖ ÷ ‖∂L/∂W_2‖ now: 2.0e-6 in the Sigmoid MLP.');
    expect(formatRatio(12)).toBe('12');
    expect(formatRatio(10)).toBe('10');
    expect(formatRatio(0.5)).toBe('0.5');
    expect(formatRatio(250)).toBe('2.5e2');
  });
});

/** Two steps of two units with one feature; i, f, g, o of unit u at step t are made distinct. */
function values(): LstmCellValues {
  const steps = 2;
  const units = 2;
  const buffer = (numbers: number[]) => Float32Array.from(numbers).buffer;
  const parts = (offset: number) => buffer(Array.from({ length: steps * 4 * units }, (_, index) => offset + index / 100));
  return {
    steps,
    units,
    features: 1,
    input: buffer([0.9, -0.4]),
    inputGate: buffer([0.6, 0.61, 0.62, 0.63]),
    forgetGate: buffer([0.7, 0.71, 0.72, 0.73]),
    candidate: buffer([-0.5, -0.51, 0.52, 0.53]),
    outputGate: buffer([0.8, 0.81, 0.82, 0.83]),
    cell: buffer([-0.3, -0.31, 0.1, 0.2]),
    hidden: buffer([-0.23, -0.24, 0.08, 0.16]),
    fromInput: parts(0.1),
    fromHidden: parts(-0.2),
    bias: parts(0),
  };
}

describe('the LSTM cell lab', () => {
  it('picks one unit at one step with its previous state and the parts of each gate\'s sum', () => {
    const view = cellStep(values(), 1, 1);
    expect(view.input[0]).toBeCloseTo(-0.4, 6);
    expect(view.previousHidden).toBeCloseTo(-0.24, 6);
    expect(view.previousCell).toBeCloseTo(-0.31, 6);
    expect(view.gates.map((gate) => gate.key)).toEqual(['forget', 'input', 'candidate', 'output']);
    // Step 1, unit 1: the forget gate is column 1 of [T, 4, H]: index 1·8 + 1·2 + 1 = 11.
    const forget = gateView(view, 'forget');
    expect(forget.value).toBeCloseTo(0.73, 6);
    expect(forget.parts[0]).toBeCloseTo(0.21, 6);
    expect(forget.parts[1]).toBeCloseTo(-0.09, 6);
    expect(forget.parts[2]).toBeCloseTo(0.11, 6);
    expect(view.cell).toBeCloseTo(0.2, 6);
    expect(cellStep(values(), 0, 0).previousCell).toBe(0);
  });

  it('writes the equations out with the numbers', () => {
    const view = cellStep(values(), 1, 1);
    const whole = ({ formula, numbers }: { formula: string; numbers: string }) => `${formula} ${numbers}`;
    expect(whole(gateEquation(gateView(view, 'forget')))).toBe('f_t = σ(W_f·x_t + U_f·h_{t−1} + b_f) = σ(0.210 + (−0.090) + 0.110) = σ(0.230) = 0.730');
    expect(whole(gateEquation(gateView(view, 'candidate')))).toBe('g_t = tanh(W_g·x_t + U_g·h_{t−1} + b_g) = tanh(0.230 + (−0.070) + 0.130) = tanh(0.290) = 0.530');
    expect(whole(cellEquation(view))).toBe('c_t = f_t·c_{t−1} + i_t·g_t = 0.730 × (−0.310) + 0.630 × 0.530 = 0.200');
    expect(whole(hiddenEquation(view))).toBe('h_t = o_t·tanh(c_t) = 0.830 × tanh(0.200) = 0.160');
    expect(subscriptPieces('U_f·h_{t−1} + b')).toEqual([
      { text: 'U', subscript: false },
      { text: 'f', subscript: true },
      { text: '·h', subscript: false },
      { text: 't−1', subscript: true },
      { text: ' + b', subscript: false },
    ]);
    expect(forgetSentence(view)).toBe('At t = 2, unit 2 keeps 73% of the old cell state and writes 63% of the candidate.');
    expect(formatValue(-0.0001)).toBe('0.000');
    expect(inputLabel(view)).toBe('x_t = −0.400');
    expect(inputLabel(cellStep({ ...values(), symbols: ['a', 'b'] }, 1, 0))).toBe('x_t = embedding of “b”');
    expect(seriesOf(values().hidden, 2, 2, 1).map((value) => Number(value.toFixed(2)))).toEqual([-0.24, 0.16]);
  });
});
