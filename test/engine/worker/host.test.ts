// The engine host: watched nodes stream their outputs, checkpoints resume a run exactly,
// early stopping ends a run, and bad requests come back as problems. The runs go on every backend
// under test that the host can create by name (../backends/underTest.ts).
import { describe, expect, it } from 'vitest';
import { backendsFor } from '../backends/underTest.ts';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const xo = () => structuredClone(readExamples().find((example) => example.name === 'xo-cnn.json')!.document) as Record<string, unknown> & { training: Record<string, unknown> };

describe.each(backendsFor('host'))('engine host runs on %s', (_title, under) => {
  const test = under.skipped ? it.skip : it;

  test('streams the output of watched nodes for the chosen sample', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo(), backend: under.name });
    await harness.send({ type: 'watch', nodeIds: ['conv2d1', 'dense1'], sample: 2 });
    await harness.send({ type: 'start', settings: { steps: 30 } });
    expect(harness.of('compiled')[0]).toMatchObject({ backend: under.name, threads: under.threads });
    const watched = harness.of('watched');
    expect(watched.some((event) => event.nodeId === 'conv2d1')).toBe(true);
    const conv = watched.find((event) => event.nodeId === 'conv2d1')!;
    expect(conv.tensor.shape).toEqual([1, 7, 7, 4]);
    expect(new Float32Array(conv.tensor.data)).toHaveLength(196);
    expect(watched.find((event) => event.nodeId === 'dense1')?.tensor.shape).toEqual([1, 2]);
  });

  test('a checkpoint taken mid-run resumes in a new host with the same losses', async () => {
    const whole = createHarness();
    await whole.send({ type: 'compile', document: xo(), backend: under.name });
    await whole.send({ type: 'start', settings: { steps: 20, telemetryRate: 1e9 } });
    const first = createHarness();
    await first.send({ type: 'compile', document: xo(), backend: under.name });
    await first.send({ type: 'start', settings: { steps: 10, telemetryRate: 1e9 } });
    await first.send({ type: 'saveCheckpoint', requestId: 7 });
    const [checkpoint] = first.of('checkpoint');
    expect(checkpoint.requestId).toBe(7);
    const second = createHarness();
    await second.send({ type: 'compile', document: xo(), backend: under.name });
    await second.send({ type: 'start', settings: { steps: 10, telemetryRate: 1e9 }, checkpoint: checkpoint.data });
    expect([...first.losses(), ...second.losses()]).toEqual(whole.losses());
  });

  test('stops early when validation accuracy stops improving', async () => {
    const document = xo();
    document.training = { ...document.training, epochs: 200, earlyStopping: { metric: 'accuracy', patience: 2 } };
    const harness = createHarness();
    await harness.send({ type: 'compile', document, backend: under.name });
    await harness.send({ type: 'start' });
    const [done] = harness.of('done');
    expect(done.reason).toBe('earlyStopping');
    expect(done.epochs).toBeLessThan(200);
  });
});

describe('engine host', () => {
  it('reports requests it cannot serve as problems, and a graph without data', async () => {
    const harness = createHarness();
    await harness.send({ type: 'start' });
    expect(harness.of('problem')[0].problems[0].message).toMatch(/Compile a graph before starting/);
    const document = xo();
    delete document.dataset;
    await harness.send({ type: 'compile', document });
    await harness.send({ type: 'start' });
    expect(harness.of('problem')[1].problems[0]).toMatchObject({ field: 'dataset', message: 'The graph names no dataset to train on.' });
    await harness.send({ type: 'probe', requestId: 1, nodeId: 'conv2d1', samples: [0] });
    expect(harness.of('problem')[2]).toMatchObject({ fatal: false, requestId: 1, problems: [{ message: expect.stringMatching(/start a run first/) }] });
  });

  it('refuses a damaged checkpoint before training, saying what to do', async () => {
    const first = createHarness();
    await first.send({ type: 'compile', document: xo() });
    await first.send({ type: 'start', settings: { steps: 2, telemetryRate: 1e9 } });
    await first.send({ type: 'saveCheckpoint', requestId: 1 });
    const damaged = new Uint8Array(first.of('checkpoint')[0].data);
    damaged[damaged.length >> 1] ^= 0x04;
    const second = createHarness();
    await second.send({ type: 'compile', document: xo() });
    await second.send({ type: 'start', settings: { steps: 2 }, checkpoint: damaged.buffer });
    expect(second.of('problem')[0]).toMatchObject({ fatal: true, problems: [{ message: expect.stringMatching(/^checkpoint checksum does not match its contents/), suggestion: expect.stringMatching(/another checkpoint/) }] });
    expect(second.losses()).toEqual([]);
  });
});
