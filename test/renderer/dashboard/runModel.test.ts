import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { MAX_POINTS } from '../../../renderer/dashboard/curves.ts';
import { dismissProblems, initialRun, MAX_PREVIOUS_RUNS, reduceRun, startRun, type RunModel } from '../../../renderer/dashboard/runModel.ts';
import { epochView, latestWith, MAX_SNAPSHOTS } from '../../../renderer/dashboard/snapshots.ts';
import { grid, steps, tensor } from './events.ts';

const fold = (events: readonly EngineEvent[], from: RunModel = initialRun()) => events.reduce(reduceRun, from);

describe('reduceRun', () => {
  it('drops the loading line when a run fails before training (a run refused for its memory)', () => {
    const loading = reduceRun(initialRun(), { type: 'loading', what: 'mnist', done: 0, total: 10 });
    expect(loading.loading).toEqual({ what: 'mnist', done: 0, total: 10 });
    expect(reduceRun(loading, { type: 'state', state: 'failed' }).loading).toBeNull();
    expect(reduceRun(loading, { type: 'state', state: 'compiling' }).loading).not.toBeNull();
  });

  it('follows state, compile, loading and progress', () => {
    const model = fold([
      { type: 'hello', protocolVersion: 1, backends: ['cpu'] },
      { type: 'state', state: 'compiling' },
      { type: 'compiled', backend: 'cpu', parameterCount: 1234, nodeIds: ['input', 'dense1'] },
      { type: 'loading', what: 'mnist', done: 3, total: 10 },
      { type: 'state', state: 'running' },
      { type: 'progress', epoch: 0, epochs: 3, step: 10, totalSteps: 300, samplesPerSecond: 640, secondsLeft: 29 },
    ]);
    expect(model).toMatchObject({ state: 'running', backends: ['cpu'], backend: 'cpu', parameterCount: 1234, nodeIds: ['input', 'dense1'], loading: null });
    expect(model.progress).toEqual({ epoch: 0, epochs: 3, step: 10, totalSteps: 300, samplesPerSecond: 640, secondsLeft: 29 });
  });

  it('keeps the backend the compile chose, its threads and the cross-origin isolation, across a new run', () => {
    const model = fold([
      { type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu'], crossOriginIsolated: true },
      { type: 'compiled', backend: 'wasm', description: 'WebAssembly SIMD, 2 threads', threads: 2, parameterCount: 10, nodeIds: [] },
    ]);
    expect(model.crossOriginIsolated).toBe(true);
    expect(model.runningBackend).toEqual({ backend: 'wasm', description: 'WebAssembly SIMD, 2 threads', threads: 2 });
    expect(startRun(model).runningBackend).toEqual(model.runningBackend);
    const switched = fold([{ type: 'compiled', backend: 'cpu', description: 'TypeScript reference kernels, 1 thread', threads: 1, parameterCount: 10, nodeIds: [] }], startRun(model));
    expect(switched.runningBackend).toEqual({ backend: 'cpu', description: 'TypeScript reference kernels, 1 thread', threads: 1 });
    expect(fold([{ type: 'hello', protocolVersion: 1, backends: ['cpu'] }]).crossOriginIsolated).toBeNull();
  });

  it('keeps the backends’ statuses from the second greeting, and why the compiled backend runs', () => {
    const statuses = [
      { name: 'wasm', available: true, automatic: true },
      { name: 'webgpu', available: true, automatic: false, adapter: 'Google SwiftShader', reason: 'Google SwiftShader is a software renderer' },
    ] as const;
    const model = fold([
      { type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu', 'webgpu'] },
      { type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu', 'webgpu'], statuses },
      { type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu', 'webgpu'] },
      { type: 'compiled', backend: 'webgpu', description: 'WebGPU on Google SwiftShader', threads: 1, parameterCount: 10, nodeIds: [], chosen: 'forced', adapter: 'Google SwiftShader', passedOver: {}, carried: { from: 'wasm', steps: 40 } },
    ]);
    expect(model.statuses).toEqual(statuses);
    expect(startRun(model).statuses).toEqual(statuses);
    expect(model.runningBackend).toEqual({ backend: 'webgpu', description: 'WebGPU on Google SwiftShader', threads: 1, chosen: 'forced', adapter: 'Google SwiftShader', passedOver: {}, carried: { from: 'wasm', steps: 40 } });
  });

  it('turns steps into curves per loss and metric, and keeps the learning rate', () => {
    const model = fold([steps(1, 3, 0, (step) => ({ loss: 4 - step }), (step) => ({ accuracy: step / 10 }))]);
    expect(model.curves.losses.loss).toEqual({ steps: [1, 2, 3], values: [3, 2, 1] });
    expect(model.curves.metrics.accuracy).toEqual({ steps: [1, 2, 3], values: [0.1, 0.2, 0.3] });
    expect(model.curves.learningRate.values).toEqual([0.01, 0.01, 0.01]);
    expect(model.learningRate).toBe(0.01);
    expect(model.lastStep).toBe(3);
  });

  it('keeps both losses of a GAN', () => {
    const model = fold([steps(1, 2, 0, () => ({ generator: 2, discriminator: 0.7 }), () => ({ realAccuracy: 0.6, fakeAccuracy: 0.4 }))]);
    expect(Object.keys(model.curves.losses).sort()).toEqual(['discriminator', 'generator']);
    expect(Object.keys(model.curves.metrics).sort()).toEqual(['fakeAccuracy', 'realAccuracy']);
  });

  it('never changes the state it was given', () => {
    const before = fold([steps(1, 2)]);
    const frozen = JSON.stringify(before);
    const after = reduceRun(before, steps(3, 4));
    expect(JSON.stringify(before)).toBe(frozen);
    expect(after).not.toBe(before);
    expect(after.curves.losses.loss.steps).toEqual([1, 2, 3, 4]);
    expect(reduceRun(before, { type: 'checkpoint', requestId: 1, data: new ArrayBuffer(0) })).toBe(before);
  });

  it('keeps a long run bounded', () => {
    let model = initialRun();
    for (let start = 1; start < 60_000; start += 30) model = reduceRun(model, steps(start, start + 29));
    expect(model.curves.losses.loss.steps.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(model.lastStep).toBe(60_000);
  });

  it('adds validation per epoch at the last step, with a snapshot for the timeline', () => {
    const watched: EngineEvent = { type: 'watched', step: 4, nodeId: 'conv1', sample: 0, tensor: tensor([1, 2, 2, 1]) };
    const model = fold([
      steps(1, 5),
      watched,
      { type: 'epoch', epoch: 0, validation: { loss: 0.5, accuracy: 0.8 }, confusion: [[4, 1], [0, 5]] },
      { type: 'images', kind: 'reconstructions', epoch: 0, inputs: grid(4), outputs: grid(4) },
      { type: 'text', epoch: 0, temperature: 0.8, samples: ['hello'] },
      steps(6, 10, 1),
      { type: 'epoch', epoch: 1, validation: { loss: 0.4, accuracy: 0.9 } },
    ]);
    expect(model.curves.validation.loss).toEqual({ steps: [5, 10], values: [0.5, 0.4] });
    expect(model.curves.validation.accuracy.values).toEqual([0.8, 0.9]);
    expect(model.snapshots.map((snapshot) => [snapshot.epoch, snapshot.step])).toEqual([[0, 5], [1, 10]]);
    const [first, second] = model.snapshots;
    expect(first.confusion).toEqual([[4, 1], [0, 5]]);
    expect(first.reconstructions?.inputs?.count).toBe(4);
    expect(first.text?.samples).toEqual(['hello']);
    expect(first.watched.conv1.step).toBe(4);
    expect(second.reconstructions).toBeNull();
    expect(model.lastEpoch).toBe(1);
  });

  it('files GAN samples and points under their epoch', () => {
    const model = fold([
      steps(1, 2, 0, () => ({ generator: 1, discriminator: 1 })),
      { type: 'epoch', epoch: 0, validation: {} },
      { type: 'images', kind: 'samples', epoch: 0, outputs: grid(16) },
      { type: 'points', epoch: 0, count: 2, generated: new Float32Array([0, 0, 1, 1]).buffer, real: new Float32Array([2, 2, 3, 3]).buffer },
      { type: 'series', epoch: 0, truth: [1, 2], prediction: [1.1, 1.9] },
    ]);
    expect(model.snapshots.length).toBe(1);
    expect(model.snapshots[0].samples?.count).toBe(16);
    expect(model.snapshots[0].points?.count).toBe(2);
    expect(model.snapshots[0].series?.prediction).toEqual([1.1, 1.9]);
  });

  it('thins epoch snapshots of a very long run', () => {
    let model = initialRun();
    for (let epoch = 0; epoch < MAX_SNAPSHOTS * 3; epoch++) model = fold([steps(epoch + 1, epoch + 1, epoch), { type: 'epoch', epoch, validation: { loss: 1 } }], model);
    expect(model.snapshots.length).toBeLessThanOrEqual(MAX_SNAPSHOTS);
    expect(model.snapshots.at(-1)?.epoch).toBe(MAX_SNAPSHOTS * 3 - 1);
    expect(model.snapshots[0].epoch).toBe(0);
  });

  it('keeps watched and probed tensors and weights per node', () => {
    const model = fold([
      steps(1, 7),
      { type: 'watched', step: 7, nodeId: 'relu1', sample: 0, tensor: tensor([1, 3]) },
      { type: 'probed', requestId: 1, nodeId: 'dense1', tensor: tensor([1, 2]) },
      { type: 'weights', requestId: 2, nodeId: 'conv1', tensors: { weights: tensor([3, 3, 1, 4]) } },
    ]);
    expect(Object.keys(model.watched).sort()).toEqual(['dense1', 'relu1']);
    expect(model.watched.dense1.step).toBe(7);
    expect(model.weights.conv1.weights.shape).toEqual([3, 3, 1, 4]);
  });

  it('collects problems and divergence until dismissed', () => {
    const model = fold([
      { type: 'problem', problems: [{ message: 'Kernel too large', nodeId: 'conv1', field: 'kernelSize' }], fatal: true },
      { type: 'diverged', step: 12, nodeId: 'dense2', message: 'Training diverged at step 12' },
      { type: 'done', steps: 12, epochs: 0, losses: {}, reason: 'stopped' },
    ]);
    expect(model.problems[0]).toMatchObject({ nodeId: 'conv1', field: 'kernelSize' });
    expect(model.divergence).toEqual({ step: 12, nodeId: 'dense2', message: 'Training diverged at step 12' });
    expect(model.done).toEqual({ reason: 'stopped', steps: 12, epochs: 0 });
    const dismissed = dismissProblems(model);
    expect(dismissed.problems).toEqual([]);
    expect(dismissed.divergence).toBeNull();
    expect(dismissProblems(dismissed)).toBe(dismissed);
  });
});

describe('startRun', () => {
  it('archives the finished run for comparison, keeping the last five', () => {
    let model = startRun(fold([{ type: 'hello', protocolVersion: 1, backends: ['cpu'] }]));
    expect(model.previousRuns).toEqual([]);
    for (let run = 0; run < 7; run++) model = startRun(fold([steps(1, 3, 0, () => ({ loss: run }))], model));
    expect(model.previousRuns.length).toBe(MAX_PREVIOUS_RUNS);
    expect(model.previousRuns.map((previous) => previous.curves.losses.loss.values[0])).toEqual([6, 5, 4, 3, 2]);
    expect(model.previousRuns[0].label).toBe('Run 7');
    expect(model.run).toBe(8);
    expect(model.backends).toEqual(['cpu']);
    expect(model.curves.losses).toEqual({});
    expect(model.snapshots).toEqual([]);
  });

  it('does not archive a run that never stepped', () => {
    const model = startRun(startRun(initialRun()));
    expect(model.previousRuns).toEqual([]);
  });
});

describe('epoch views', () => {
  const model = fold([
    steps(1, 5),
    { type: 'watched', step: 5, nodeId: 'a', sample: 0, tensor: tensor([1, 2]) },
    { type: 'epoch', epoch: 0, validation: { loss: 1 }, confusion: [[1]] },
    steps(6, 10, 1),
    { type: 'watched', step: 10, nodeId: 'a', sample: 0, tensor: tensor([1, 2]) },
    { type: 'epoch', epoch: 1, validation: { loss: 0.5 } },
  ]);

  it('shows the live run, or an epoch cut at its last step with its tensors', () => {
    expect(epochView(model.snapshots, model.watched, null)).toMatchObject({ live: true, cutoffStep: null, snapshot: model.snapshots[1] });
    const past = epochView(model.snapshots, model.watched, 0);
    expect(past).toMatchObject({ live: false, cutoffStep: 5, snapshot: model.snapshots[0] });
    expect(past.watched.a.step).toBe(5);
    expect(epochView(model.snapshots, model.watched, 99).snapshot).toBe(model.snapshots[1]);
    expect(epochView([], {}, 0)).toMatchObject({ live: true, snapshot: null });
  });

  it('finds the latest picture at or before the epoch shown', () => {
    const found = latestWith(model.snapshots, model.snapshots[1], (snapshot) => snapshot.confusion);
    expect(found).toEqual({ epoch: 0, value: [[1]] });
    expect(latestWith(model.snapshots, null, (snapshot) => snapshot.confusion)).toBeNull();
  });
});
