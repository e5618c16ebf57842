// A device lost mid-run: a backend that looks like a device (the cpu backend behind the seam,
// named webgpu, no host views) starts failing its reads as a lost device does; the run goes on
// on the CPU from the last in-memory checkpoint, says so with the steps lost, and ends with the
// same losses as a run that never left the cpu.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../engine/backends/cpu/backend.ts';
import type { Backend, BackendBuffers } from '../../../engine/backends/index.ts';
import type { EngineEvent, RunSettings } from '../../../engine/protocol/index.ts';
import { saveCheckpointAsync } from '../../../engine/train/checkpoint.ts';
import { setUpRun } from '../../../engine/train/prepare.ts';
import { PIPELINE_DEPTH, type TrainingRun } from '../../../engine/train/run.ts';
import { deviceLost, DeviceSnapshots, positionAfterStep, runOrFallBack } from '../../../engine/worker/deviceFallback.ts';
import { example, loadExampleData } from '../train/learningHarness.ts';

const LOST = 'The GPU device was lost (unknown: the test took it away); train on the wasm or cpu backend.';

/** The cpu backend as a device named webgpu whose reads fail as a lost device's once `lost()` says so. */
function losingDevice(lost: () => boolean): Backend {
  const inner = createCpuBackend();
  return {
    ...inner,
    name: 'webgpu',
    allocate(program, options): BackendBuffers {
      const buffers = inner.allocate(program, options);
      return { ...bindAll(buffers), hostArray: () => undefined, read: (buffer) => (lost() ? Promise.reject(new Error(LOST)) : buffers.read(buffer)) };
    },
  };
}

function bindAll(buffers: BackendBuffers): BackendBuffers {
  return { bind: (calls) => buffers.bind(calls), run: (calls) => buffers.run(calls), hostArray: (buffer) => buffers.hostArray(buffer), read: (buffer) => buffers.read(buffer), write: (buffer, values) => buffers.write(buffer, values), dispose: () => buffers.dispose() };
}

const document = example('xo-cnn.json');
const SETTINGS: RunSettings = { epochs: 2, telemetryRate: 1e9 };

describe('device fallback', () => {
  it('tells a lost device from other failures', () => {
    expect(deviceLost(new Error(LOST))).toBe(true);
    expect(deviceLost(new Error('WebGPU rejected a run of 3 calls: out of memory'))).toBe(false);
  });

  it('goes on on the CPU from the last in-memory checkpoint, losing only the steps since it', async () => {
    const dataset = await loadExampleData(document);
    const events: EngineEvent[] = [];
    const clock = { now: 0 };
    // A checkpoint at the first step, then every 10 s of a clock that moves 1 s a step: steps 1, 11, 21, 31.
    const snapshots = new DeviceSnapshots(() => clock.now, 10_000);
    let run: TrainingRun | null = null;
    const backend = losingDevice(() => (run?.steps ?? 0) >= 35);
    const save = (from: TrainingRun) => () => saveCheckpointAsync(from.loop.models, from.loop.trainers, { graph: 'xo', batchSize: 32, ...positionAfterStep(from), steps: from.steps });
    const setup = setUpRun(document, dataset, SETTINGS, {
      emit: (event) => events.push(event),
      backend,
      onStep: async () => {
        clock.now += 1000;
        await snapshots.afterStep(setup.run, save(setup.run));
      },
    });
    run = setup.run;
    const fallback = await runOrFallBack(setup.run, snapshots, (event) => events.push(event));
    expect(fallback).toMatchObject({ backend: 'wasm', steps: undefined });
    expect(snapshots.latest?.steps).toBe(31);
    // Reads fail from the 36th step's; the failure is seen when that step's readings are awaited, at most PIPELINE_DEPTH steps later.
    const seen = setup.run.steps;
    expect(seen).toBeGreaterThanOrEqual(36);
    expect(seen).toBeLessThanOrEqual(36 + PIPELINE_DEPTH);
    const message = events.find((event) => event.type === 'problem');
    expect(message).toEqual({ type: 'problem', fatal: false, problems: [expect.objectContaining({ message: `The GPU device was lost at step ${seen}: training goes on on the wasm backend from the in-memory checkpoint of step 31 (${seen - 31} steps lost).` })] });

    // The host starts the run again from the checkpoint; here on the cpu, to compare bit for bit with a run that stayed there.
    const resumed: EngineEvent[] = [];
    const cpu = createCpuBackend();
    await setUpRun(document, dataset, SETTINGS, { emit: (event) => resumed.push(event), backend: cpu, checkpoint: new Uint8Array(fallback?.checkpoint ?? new ArrayBuffer(0)) }).run.run();
    const steady: EngineEvent[] = [];
    await setUpRun(document, dataset, SETTINGS, { emit: (event) => steady.push(event), backend: cpu }).run.run();
    const done = (list: EngineEvent[]) => list.find((event) => event.type === 'done');
    expect(done(resumed)).toMatchObject({ steps: 2 * setup.run.loop.stepsPerEpoch });
    expect(done(resumed)).toEqual(done(steady));
  }, 60_000);

  it('throws what is not a lost device, or a loss with no checkpoint yet', async () => {
    const dataset = await loadExampleData(document);
    const setup = setUpRun(document, dataset, SETTINGS, { emit: () => undefined, backend: losingDevice(() => true) });
    await expect(runOrFallBack(setup.run, new DeviceSnapshots(), () => undefined)).rejects.toThrow(LOST);
  });
});
