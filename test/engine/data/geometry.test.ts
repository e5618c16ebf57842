// The generated point and sequence sets have the geometry they claim: moons on their half
// circles, spirals on their arms, the ring's 8 modes at 45° steps, waveforms that are sines,
// squares and sawtooths, and sine targets that continue the wave.
import { describe, expect, it } from 'vitest';
import { generateGaussianRing, ringMean } from '../../../engine/data/builtin/gaussianRing.ts';
import { generateMoons } from '../../../engine/data/builtin/moons.ts';
import { generateSine } from '../../../engine/data/builtin/sine.ts';
import { generateSpirals, spiralAngle } from '../../../engine/data/builtin/spirals.ts';
import { generateWaveforms } from '../../../engine/data/builtin/waveforms.ts';
import type { Dataset } from '../../../engine/data/dataset.ts';

function points(dataset: Dataset): { x: number; y: number; label: number }[] {
  const labels = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(dataset.count);
  return Array.from({ length: dataset.count }, (_, index) => ({ x: dataset.inputs.values[2 * index], y: dataset.inputs.values[2 * index + 1], label: labels[index] }));
}

const wrap = (angle: number) => Math.atan2(Math.sin(angle), Math.cos(angle));

describe('moons', () => {
  it('without noise: class 0 on the upper unit half circle, class 1 on the lower one shifted to (1, 0.5)', () => {
    for (const { x, y, label } of points(generateMoons({ noise: 0, count: 500 }))) {
      const [centerX, centerY, side] = label === 0 ? [0, 0, 1] : [1, 0.5, -1];
      expect(Math.hypot(x - centerX, y - centerY)).toBeCloseTo(1, 5);
      expect(side * (y - centerY)).toBeGreaterThanOrEqual(-1e-6);
    }
  });

  it('with noise, points scatter around the curves by about the noise', () => {
    const distances = points(generateMoons({ noise: 0.1, count: 2000 })).map(({ x, y, label }) => (label === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5)) - 1);
    const deviation = Math.sqrt(distances.reduce((sum, value) => sum + value * value, 0) / distances.length);
    expect(deviation).toBeGreaterThan(0.07);
    expect(deviation).toBeLessThan(0.13);
  });
});

describe('spirals', () => {
  it('without noise, each point lies on its arm: angle = 2π·turns·radius + class·π', () => {
    for (const { x, y, label } of points(generateSpirals({ noise: 0, count: 500, turns: 1.5 }))) {
      const radius = Math.hypot(x, y);
      expect(radius).toBeGreaterThanOrEqual(0.05 - 1e-6);
      expect(radius).toBeLessThanOrEqual(1 + 1e-6);
      expect(Math.abs(wrap(Math.atan2(y, x) - spiralAngle(radius, label, 1.5)))).toBeLessThan(1e-4);
      expect(Math.abs(wrap(Math.atan2(y, x) - spiralAngle(radius, 1 - label, 1.5)))).toBeGreaterThan(3);
    }
  });
});

describe('gaussian ring', () => {
  it('has its 8 means on a circle of radius 2 at multiples of 45°, each mode tight around its mean', () => {
    const all = points(generateGaussianRing({ count: 4000 }));
    for (let mode = 0; mode < 8; mode++) {
      const members = all.filter((point) => point.label === mode);
      expect(members.length).toBe(500);
      const meanX = members.reduce((sum, point) => sum + point.x, 0) / members.length;
      const meanY = members.reduce((sum, point) => sum + point.y, 0) / members.length;
      expect(Math.hypot(meanX, meanY)).toBeCloseTo(2, 1);
      expect(Math.abs(wrap(Math.atan2(meanY, meanX) - (mode * Math.PI) / 4))).toBeLessThan(0.01);
      const [expectedX, expectedY] = ringMean(mode, 2);
      expect(members.every((point) => Math.hypot(point.x - expectedX, point.y - expectedY) < 0.3)).toBe(true);
    }
  });
});

describe('waveforms', () => {
  const dataset = generateWaveforms({ noise: 0, count: 300 });
  const sequence = (example: number) => Array.from(dataset.inputs.values.subarray(example * 20, example * 20 + 20));
  const labels = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(0);

  it('names its classes sine, square, sawtooth', () => {
    expect(dataset.targets.kind === 'class' && dataset.targets.classNames).toEqual(['sine', 'square', 'sawtooth']);
  });

  it('without noise: sines obey v[t+1] + v[t-1] = 2cos(ω)v[t], squares are ±1, sawtooths rise by a constant step', () => {
    for (let example = 0; example < dataset.count; example++) {
      const values = sequence(example);
      if (labels[example] === 0) {
        const ratios = values.slice(1, -1).map((value, step) => ({ value, around: values[step] + values[step + 2] })).filter(({ value }) => Math.abs(value) > 0.3);
        const ratio = ratios[0].around / ratios[0].value;
        for (const { value, around } of ratios) expect(around / value).toBeCloseTo(ratio, 4);
      } else if (labels[example] === 1) {
        expect(values.every((value) => value === 1 || value === -1)).toBe(true);
      } else {
        const steps = values.slice(1).map((value, step) => value - values[step]).filter((step) => step > 0);
        for (const step of steps) expect(step).toBeCloseTo(steps[0], 4);
        expect(steps.length).toBeGreaterThanOrEqual(15);
      }
    }
  });
});

describe('sine', () => {
  it('without noise, the target is the next step of the window’s sine wave', () => {
    const dataset = generateSine({ noise: 0, count: 50, period: 25 });
    const targets = dataset.targets.kind === 'value' ? dataset.targets.values : new Float32Array(0);
    const omega = (2 * Math.PI) / 25;
    for (let example = 0; example < dataset.count; example++) {
      const values = dataset.inputs.values.subarray(example * 20, example * 20 + 20);
      const predicted = 2 * Math.cos(omega) * values[19] - values[18];
      expect(targets[example]).toBeCloseTo(predicted, 4);
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(1 + 1e-6);
    }
  });
});
