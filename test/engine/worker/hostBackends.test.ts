// The engine host trains on the backend it is asked for: the fastest by default, the one a
// compile request or a run names otherwise. Switching backends drops the last run (its buffers
// went with the old backend), so a probe afterwards asks for a new run instead of touching them.
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
