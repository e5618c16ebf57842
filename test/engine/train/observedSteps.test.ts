// The run driver reads a device backend back only at the steps it observes: the cpu backend
// wrapped so that its buffers look off the host (no hostArray; every read counted, with the step
// it happened at) trains X-vs-O; the steps reported are exactly the steps read, at the telemetry
// rate plus each epoch's last step, with the cpu run's losses at those steps. On the plain cpu
// backend every step is reported.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../engine/backends/cpu/backend.ts';
import type { Backend, BackendBuffers } from '../../../engine/backends/index.ts';
import type { EngineEvent, StepTelemetry } from '../../../engine/protocol/index.ts';
import { prepareRun } from '../../../engine/train/prepare.ts';
import { PIPELINE_DEPTH, TrainingRun } from '../../../engine/train/run.ts';
import { example, loadExampleData } from './learningHarness.ts';

/**
 * The cpu backend behind a device's seam: no host views, and each read recorded with the step it
 * follows (`step()`); from step `poisonFrom` on, every read gives NaNs (a run that diverged there).
 */
function deviceLike(step: () => number, poisonFrom = Number.POSITIVE_INFINITY): { backend: Backend; readSteps: Set<number> } {
  const inner = createCpuBackend();
  const readSteps = new Set<number>();
  const backend: Backend = {
    ...inner,
    allocate(program, options): BackendBuffers {
      const buffers = inner.allocate(program, options);
      return {
        bind: (calls) => buffers.bind(calls),
        run: (calls) => buffers.run(calls),
        hostArray: () => undefined,
        read: async (buffer) => {
          readSteps.add(step());
          const values = await buffers.read(buffer);
          return step() >= poisonFrom ? values.fill(Number.NaN) : values;
        },
        write: (buffer, values) => buffers.write(buffer, values),
        dispose: () => buffers.dispose(),
      };
    },
  };
  return { backend, readSteps };
}

const document = example('xo-cnn.json');
const EPOCHS = 2;

interface Trained {
  readonly steps: readonly StepTelemetry[];
  readonly events: readonly EngineEvent[];
  readonly stepsPerEpoch: number;
}

/** Trains X-vs-O for two epochs; the clock moves 10 ms a step, telemetry at 25 a second (every 40 ms). */
async function train(backend: Backend, trained: { step: () => number }): Promise<Trained> {
  const dataset = await loadExampleData(document);
  const prepared = prepareRun(document, dataset, { epochs: EPOCHS }, backend);
  trained.step = () => prepared.loop.trainers[0].step;
  const clock = { now: 0 };
  const events: EngineEvent[] = [];
  const run = new TrainingRun(prepared.loop, { epochs: EPOCHS, telemetryRate: 25, now: () => clock.now, onStep: () => void (clock.now += 10) }, (event) => events.push(event));
  expect(await run.run()).toBe('finished');
  const steps = events.flatMap((event) => (event.type === 'steps' ? event.steps : []));
  return { steps, events, stepsPerEpoch: prepared.loop.stepsPerEpoch };
}

describe('observed steps', () => {
  it('on a device backend only the observed steps are read back, and they report the cpu losses', async () => {
    const trained = { step: () => 0 };
    const device = deviceLike(() => trained.step());
    const onDevice = await train(device.backend, trained);
    const onCpu = await train(createCpuBackend(), { step: () => 0 });

    const total = EPOCHS * onCpu.stepsPerEpoch;
    expect(onCpu.steps.map((step) => step.step)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    const observed = onDevice.steps.map((step) => step.step);
    // The first step, then every 4th (40 ms of 10 ms steps), and the last step of each epoch.
    expect(observed.length).toBeLessThan(total / 3);
    expect(observed[0]).toBe(1);
    expect(observed).toContain(onCpu.stepsPerEpoch);
    expect(observed.at(-1)).toBe(total);
    for (let index = 1; index < observed.length; index++) {
      const [before, after] = [observed[index - 1], observed[index]];
      expect(after - before === 4 || after % onCpu.stepsPerEpoch === 0 || before % onCpu.stepsPerEpoch === 0, `steps ${before} -> ${after}`).toBe(true);
    }
    // Reads happened after the observed steps only (the epoch-end validation reads follow an epoch's last step).
    expect([...device.readSteps].sort((a, b) => a - b)).toEqual(observed);
    const byStep = new Map(onCpu.steps.map((step) => [step.step, step]));
    for (const step of onDevice.steps) expect(step.losses).toEqual(byStep.get(step.step)?.losses);
    expect(onDevice.events.find((event) => event.type === 'done')).toMatchObject({ steps: total, losses: byStep.get(total)?.losses });
  }, 60_000);

  it('on a device backend divergence is judged at the observed steps and reported at the step where it was seen', async () => {
    const dataset = await loadExampleData(document);
    const trained = { step: () => 0 };
    // The loss is not finite from step 10 on: the first observed step after it is 13 (1, 5, 9, 13...).
    const device = deviceLike(() => trained.step(), 10);
    const prepared = prepareRun(document, dataset, { epochs: EPOCHS }, device.backend);
    trained.step = () => prepared.loop.trainers[0].step;
    const clock = { now: 0 };
    const events: EngineEvent[] = [];
    const run = new TrainingRun(prepared.loop, { epochs: EPOCHS, telemetryRate: 25, now: () => clock.now, onStep: () => void (clock.now += 10) }, (event) => events.push(event));
    expect(await run.run()).toBe('diverged');
    const reported = events.flatMap((event) => (event.type === 'steps' ? event.steps.map((step) => step.step) : []));
    expect(reported).toEqual([1, 5, 9]);
    const diverged = events.find((event) => event.type === 'diverged');
    // Read two observed steps later (the pipeline's depth): training had gone on to step 21.
    expect(run.steps).toBe(13 + 4 * PIPELINE_DEPTH);
    expect(diverged).toMatchObject({ type: 'diverged', step: 13, message: expect.stringMatching(/^Training diverged at step 13 \(seen when the loss was read back; training had gone on to step 21\): the \w+ of node \w+ is not a finite number/) });
    expect(events.find((event) => event.type === 'done')).toMatchObject({ steps: 21 });
  }, 60_000);
});
