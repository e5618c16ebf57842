// Optimizers, gradient clipping and schedules match PyTorch step for step (fixtures from
// test/fixtures/optim/generate.py), and frozen parameters stay put.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OptimizerSchema, ScheduleSchema, type OptimizerSettings } from '../../../engine/graph/index.ts';
import { clipGradientNorm } from '../../../engine/train/clip.ts';
import { createOptimizer, type ParameterSlot } from '../../../engine/train/optimizers/index.ts';
import { scheduledLearningRate } from '../../../engine/train/schedule.ts';

interface Fixture {
  initial: number[];
  gradients: number[][];
  optimizers: Record<string, { settings: Partial<OptimizerSettings>; trajectory: number[][] }>;
  clip: { gradients: number[][]; maxNorm: number; norm: number; clipped: number[][] }[];
  schedules: Record<string, { schedule: unknown; totalSteps?: number; rates: number[] }>;
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/optim/optimizers.json'), 'utf8')) as Fixture;

function slot(values: readonly number[]): ParameterSlot {
  return { name: 'w', value: Float32Array.from(values), gradient: new Float32Array(values.length), state: [] };
}

describe('optimizers match PyTorch', () => {
  for (const [name, { settings, trajectory }] of Object.entries(fixture.optimizers)) {
    it(name, () => {
      const parsed = OptimizerSchema.parse(settings);
      const optimizer = createOptimizer(parsed);
      const parameter = slot(fixture.initial);
      optimizer.init(parameter);
      fixture.gradients.forEach((gradient, index) => {
        parameter.gradient.set(gradient);
        optimizer.update([parameter], parsed.learningRate, index + 1);
        for (let i = 0; i < gradient.length; i++) expect(parameter.value[i]).toBeCloseTo(trajectory[index][i], 6);
      });
    });
  }

  it('frozen parameters are not updated, and their state stays zero', () => {
    const optimizer = createOptimizer(OptimizerSchema.parse({ type: 'adam', learningRate: 0.1 }));
    const frozen = { ...slot([1, 2]), frozen: true };
    const live = slot([1, 2]);
    for (const parameter of [frozen, live]) {
      optimizer.init(parameter);
      parameter.gradient.set([0.5, -0.5]);
    }
    optimizer.update([frozen, live], 0.1, 1);
    expect([...frozen.value]).toEqual([1, 2]);
    expect([...frozen.state[0]]).toEqual([0, 0]);
    expect(live.value[0]).toBeCloseTo(0.9, 6);
  });

  it('weight decay skips slots marked decay: false (biases)', () => {
    const optimizer = createOptimizer(OptimizerSchema.parse({ type: 'sgd', learningRate: 1, weightDecay: 0.5 }));
    const bias = { ...slot([2]), decay: false };
    optimizer.init(bias);
    optimizer.update([bias], 1, 1);
    expect(bias.value[0]).toBe(2);
  });
});

describe('gradient clipping matches clip_grad_norm_', () => {
  for (const [index, { gradients, maxNorm, norm, clipped }] of fixture.clip.entries()) {
    it(`case ${index + 1}`, () => {
      const slots = gradients.map((gradient) => ({ ...slot(gradient.map(() => 0)), gradient: Float32Array.from(gradient) }));
      expect(clipGradientNorm(slots, maxNorm)).toBeCloseTo(norm, 5);
      slots.forEach((parameter, i) => clipped[i].forEach((value, j) => expect(parameter.gradient[j]).toBeCloseTo(value, 6)));
    });
  }
});

describe('learning-rate schedules match PyTorch', () => {
  for (const [name, { schedule, totalSteps, rates }] of Object.entries(fixture.schedules)) {
    it(name, () => {
      const parsed = ScheduleSchema.parse(schedule);
      rates.forEach((rate, index) => expect(scheduledLearningRate(parsed, 0.1, index + 1, totalSteps ?? rates.length)).toBeCloseTo(rate, 9));
    });
  }

  it('cosine warm-up rises linearly to the base rate', () => {
    const schedule = ScheduleSchema.parse({ type: 'cosine', warmupSteps: 4 });
    [0.05, 0.1, 0.15, 0.2].forEach((rate, index) => expect(scheduledLearningRate(schedule, 0.2, index + 1, 100)).toBeCloseTo(rate, 12));
    expect(scheduledLearningRate(schedule, 0.2, 5, 100)).toBeCloseTo(0.2, 9);
  });
});
