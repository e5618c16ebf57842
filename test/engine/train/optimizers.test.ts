// The optimizer and clipping ops (compiled by compile/update.ts, run by every backend) match
// PyTorch step for step (fixtures from test/fixtures/optim/generate.py); frozen parameters and
// parameters without weight decay stay put; schedules match PyTorch's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableBackends, createBackend } from '../../../engine/backends/index.ts';
import { updateCalls, type CompiledOptimizer } from '../../../engine/compile/index.ts';
import { OptimizerSchema, ScheduleSchema, type OptimizerSettings } from '../../../engine/graph/index.ts';
import { encodeStepScalars, type BufferSpec, type KernelCall } from '../../../engine/ir/index.ts';
import { scheduledLearningRate } from '../../../engine/train/schedule.ts';

interface Fixture {
  initial: number[];
  gradients: number[][];
  optimizers: Record<string, { settings: Partial<OptimizerSettings>; trajectory: number[][] }>;
  clip: { gradients: number[][]; maxNorm: number; norm: number; clipped: number[][] }[];
  schedules: Record<string, { schedule: unknown; totalSteps?: number; rates: number[] }>;
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/optim/optimizers.json'), 'utf8')) as Fixture;

/** One parameter `w/value` of `size` values (buffers: value 0, gradient 1, scalars 2, norm 3, state 4 and 5), its update calls and a runner. */
async function single(backendName: string, settings: OptimizerSettings, initial: readonly number[], options: { frozen?: boolean; decay?: boolean } = {}) {
  const size = initial.length;
  const f32 = (id: number, role: BufferSpec['role'], shape: number[] = [size]): BufferSpec => ({ id, descriptor: { shape, dtype: 'f32' }, role });
  const buffers: BufferSpec[] = [f32(0, 'parameter'), f32(1, 'gradient'), { id: 2, descriptor: { shape: [3], dtype: 'i32' }, role: 'input' }, f32(3, 'activation', []), f32(4, 'optimizerState'), f32(5, 'optimizerState')];
  const optimizer: CompiledOptimizer = { type: 'adam', scalars: 2, norm: 3, state: new Map([['w/value', [4, 5]]]) };
  const calls = updateCalls({ parameters: [{ node: 'w', name: 'value', value: 0, gradient: options.frozen === true ? undefined : 1, decay: options.decay ?? true }], optimizer }, settings);
  const backend = await createBackend(backendName);
  const memory = backend.allocate({ buffers, calls }, { precision: 'f32', seed: 0 });
  memory.write(0, initial);
  const bound = memory.bind(calls);
  return {
    calls,
    step: async (step: number, gradient: readonly number[], learningRate = settings.learningRate) => {
      memory.write(1, gradient);
      memory.write(2, encodeStepScalars(step, learningRate));
      memory.run(bound);
      return { value: await memory.read(0), state: [await memory.read(4), await memory.read(5)] };
    },
  };
}

for (const backendName of availableBackends()) {
  describe(`optimizer ops on ${backendName} match PyTorch`, () => {
    for (const [name, { settings, trajectory }] of Object.entries(fixture.optimizers)) {
      it(name, async () => {
        const parsed = OptimizerSchema.parse(settings);
        const parameter = await single(backendName, parsed, fixture.initial);
        for (const [index, gradient] of fixture.gradients.entries()) {
          const { value } = await parameter.step(index + 1, gradient);
          for (let i = 0; i < gradient.length; i++) expect(value[i]).toBeCloseTo(trajectory[index][i], 6);
        }
      });
    }

    it('Adam and momentum are exactly the float64 formulas rounded to float32 (the arithmetic of the former TypeScript optimizers)', async () => {
      const adam = await single(backendName, OptimizerSchema.parse({ type: 'adam', learningRate: 0.1, weightDecay: 0.01 }), [1.5]);
      const g = 0.25 + 0.01 * Math.fround(1.5);
      const first = Math.fround(0.1 * g);
      const second = Math.fround(0.001 * g * g);
      const expected = Math.fround(1.5 - (0.1 / (1 - 0.9)) * (first / (Math.sqrt(second) / Math.sqrt(1 - 0.999) + 1e-8)));
      expect((await adam.step(1, [0.25])).value[0]).toBe(expected);
      const momentum = await single(backendName, OptimizerSchema.parse({ type: 'momentum', learningRate: 0.1, momentum: 0.9, nesterov: true }), [1]);
      await momentum.step(1, [0.5]);
      const { value, state } = await momentum.step(2, [0.25]);
      const velocity = 0.9 * Math.fround(0.5) + 0.25;
      expect(state[0][0]).toBe(Math.fround(velocity));
      expect(value[0]).toBe(Math.fround(Math.fround(1 - 0.1 * (0.5 + 0.9 * 0.5)) - 0.1 * (0.25 + 0.9 * velocity)));
    });

    it('frozen parameters get no update call, and their state stays zero', async () => {
      const frozen = await single(backendName, OptimizerSchema.parse({ type: 'adam', learningRate: 0.1 }), [1, 2], { frozen: true });
      expect(frozen.calls).toEqual([]);
      const { value, state } = await frozen.step(1, [0.5, -0.5]);
      expect([...value]).toEqual([1, 2]);
      expect([...state[0]]).toEqual([0, 0]);
      const live = await single(backendName, OptimizerSchema.parse({ type: 'adam', learningRate: 0.1 }), [1, 2]);
      expect((await live.step(1, [0.5, -0.5])).value[0]).toBeCloseTo(0.9, 6);
    });

    it('weight decay skips parameters marked decay: false (biases), for every optimizer', async () => {
      for (const type of ['sgd', 'momentum', 'adamw', 'rmsprop'] as const) {
        const bias = await single(backendName, OptimizerSchema.parse({ type, learningRate: 1, weightDecay: 0.5 }), [2], { decay: false });
        expect((await bias.step(1, [0])).value[0]).toBe(2);
      }
      const weight = await single(backendName, OptimizerSchema.parse({ type: 'sgd', learningRate: 1, weightDecay: 0.5 }), [2]);
      expect((await weight.step(1, [0])).value[0]).toBe(1);
    });

    it('the learning rate reaches the kernels exactly, through the step scalars', async () => {
      const rate = 0.1 + 1e-12;
      const sgd = await single(backendName, OptimizerSchema.parse({ type: 'sgd', learningRate: 0.5 }), [0]);
      expect((await sgd.step(1, [3], rate)).value[0]).toBe(Math.fround(-rate * 3));
    });
  });

  describe(`clipGradientNorm on ${backendName} matches clip_grad_norm_`, () => {
    for (const [index, { gradients, maxNorm, norm, clipped }] of fixture.clip.entries()) {
      it(`case ${index + 1}`, async () => {
        const buffers: BufferSpec[] = gradients.map((gradient, id) => ({ id, descriptor: { shape: [gradient.length], dtype: 'f32' }, role: 'gradient' }));
        const normId = buffers.length;
        buffers.push({ id: normId, descriptor: { shape: [], dtype: 'f32' }, role: 'activation' });
        const ids = gradients.map((_, id) => id);
        const call: KernelCall = { op: { op: 'clipGradientNorm', maxNorm }, inputs: ids, outputs: [normId, ...ids] };
        const memory = (await createBackend(backendName)).allocate({ buffers, calls: [call] }, { precision: 'f32', seed: 0 });
        gradients.forEach((gradient, id) => memory.write(id, gradient));
        memory.run(memory.bind([call]));
        expect((await memory.read(normId))[0]).toBeCloseTo(norm, 5);
        for (const [id, expected] of clipped.entries()) {
          const values = await memory.read(id);
          expected.forEach((value, j) => expect(values[j]).toBeCloseTo(value, 6));
        }
      });
    }
  });
}

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
