// The engine host trains on the backend it is asked for: the fastest by default, the one a
// compile request or a run names otherwise. Switching backends drops the last run (its buffers
// went with the old backend), so a probe afterwards asks for a new run instead of touching them;
// its weights are carried over: the next run of the same graph goes on from them on the new one.
import { describe, expect, it } from 'vitest';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const xo = () => readExamples().find((example) => example.name === 'xo-cnn.json')!.document;

describe('engine host backends', () => {
  it('says which backends there are, compiles on the fastest, and on the one a request names', async () => {
    const harness = createHarness();
    expect(harness.of('hello')[0].backends).toEqual(['wasm', 'cpu']);
    await harness.send({ type: 'compile', document: xo() });
    expect(harness.of('compiled')[0]).toMatchObject({ backend: 'wasm', threads: 1, description: expect.stringMatching(/^WebAssembly SIMD/) });
    await harness.send({ type: 'compile', document: xo(), backend: 'cpu' });
    expect(harness.of('compiled')[1]).toMatchObject({ backend: 'cpu', threads: 1 });
  });

  it('says again, once the GPU is probed, what Automatic picks and why; compiled names the choice', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo() });
    const [, probed] = harness.of('hello');
    expect(probed.statuses).toEqual([
      { name: 'wasm', available: true, automatic: true },
      { name: 'cpu', available: true, automatic: false, reason: 'slower than WebAssembly; the reference kernels' },
      { name: 'webgpu', available: false, automatic: false, reason: 'this runtime offers no WebGPU (no navigator.gpu)' },
    ]);
    expect(harness.of('compiled')[0]).toMatchObject({ backend: 'wasm', chosen: 'automatic', passedOver: { webgpu: 'this runtime offers no WebGPU (no navigator.gpu)' } });
    await harness.send({ type: 'compile', document: xo(), backend: 'cpu' });
    expect(harness.of('compiled')[1]).toMatchObject({ backend: 'cpu', chosen: 'forced', carried: undefined });
  });

  it('weights carry over a switch: 5 steps on wasm then 5 on cpu lose what 10 steps on cpu lose', async () => {
    const settings = { steps: 5, telemetryRate: 1e9, seed: 3 };
    const switched = createHarness();
    await switched.send({ type: 'compile', document: xo(), backend: 'wasm' });
    await switched.send({ type: 'start', settings });
    await switched.send({ type: 'compile', document: xo(), backend: 'cpu' });
    expect(switched.of('compiled')[1]).toMatchObject({ backend: 'cpu', carried: { from: 'wasm', steps: 5 } });
    await switched.send({ type: 'start', settings });
    const steps = switched.of('steps').flatMap((message) => message.steps.map((step) => step.step));
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const straight = createHarness();
    await straight.send({ type: 'compile', document: xo(), backend: 'cpu' });
    await straight.send({ type: 'start', settings: { ...settings, steps: 10 } });
    const reference = straight.losses();
    const carried = switched.losses();
    for (let step = 5; step < 10; step++) expect(carried[step]).toBeCloseTo(reference[step], 4);
    // Not a fresh start: a new run's first losses differ from where the carried one went on.
    expect(Math.abs(carried[5] - reference[0])).toBeGreaterThan(1e-3);
    // Used once: the next run on the same backend starts fresh.
    await switched.send({ type: 'start', settings });
    expect(switched.losses().slice(10, 15).map((loss) => loss.toFixed(5))).toEqual(reference.slice(0, 5).map((loss) => loss.toFixed(5)));
  });

  it('a run that trained all its epochs carries its weights too: the next run trains its epochs again from them', async () => {
    const harness = createHarness();
    const settings = { epochs: 1, telemetryRate: 1e9, seed: 3 };
    await harness.send({ type: 'compile', document: xo(), backend: 'wasm' });
    await harness.send({ type: 'start', settings });
    const first = harness.of('done')[0];
    expect(first).toMatchObject({ reason: 'finished', epochs: 1 });
    await harness.send({ type: 'compile', document: xo(), backend: 'cpu' });
    expect(harness.of('compiled')[1].carried).toEqual({ from: 'wasm', steps: first.steps });
    await harness.send({ type: 'start', settings });
    expect(harness.of('done')[1]).toMatchObject({ reason: 'finished', epochs: 1, steps: 2 * first.steps });
    const losses = harness.losses();
    // The second epoch starts where the first ended, well below where the first began.
    expect(losses[first.steps]).toBeLessThan(losses[0] / 2);
    // An edited graph (another layer size) does not take the carried weights: a switch back starts it fresh.
    const edited = xo() as { nodes: { type: string; params: Record<string, unknown> }[] };
    edited.nodes.find((node) => node.type === 'Conv2D')!.params.filters = 6;
    await harness.send({ type: 'compile', document: edited, backend: 'wasm' });
    expect(harness.of('compiled')[2].carried).toBeUndefined();
  });

  it('a run that names another backend trains there, and the last run is dropped with the old backend', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo() });
    await harness.send({ type: 'start', settings: { steps: 5, telemetryRate: 1e9 } });
    await harness.send({ type: 'probe', requestId: 1, nodeId: 'conv2d1', samples: [0] });
    expect(harness.of('probed')).toHaveLength(1);
    await harness.send({ type: 'start', settings: { steps: 5, telemetryRate: 1e9, backend: 'cpu' } });
    expect(harness.of('done')).toHaveLength(2);
    const cpuLosses = harness.losses().slice(-5);
    expect(cpuLosses.every(Number.isFinite)).toBe(true);
    await harness.send({ type: 'compile', document: xo(), backend: 'wasm' });
    await harness.send({ type: 'probe', requestId: 2, nodeId: 'conv2d1', samples: [0] });
    expect(harness.of('problem').at(-1)).toMatchObject({ fatal: false, requestId: 2, problems: [{ message: expect.stringMatching(/start a run first/) }] });
  });
});
