// The generative labs' worker side: the autoencoder split into an encoder read at the Bottleneck
// and a decoder of its own that agree with the whole model; the GAN snapshot's heat map and warped
// grid against the run's own models; and the host's answers before and after a run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createRandom, loadDataset } from '../../../engine/data/index.ts';
import { GraphDocumentSchema, type GraphDocument } from '../../../engine/graph/index.ts';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { createGanLoop } from '../../../engine/train/loops/gan.ts';
import { Model } from '../../../engine/train/model.ts';
import { TrainingRun } from '../../../engine/train/run.ts';
import { referenceBackend } from '../../../engine/backends/index.ts';
import { buildLatentModels } from '../../../engine/worker/latentModels.ts';
import { ganSnapshot } from '../../../engine/worker/learnGan.ts';
import { copyWeights, inferRows, RunCache } from '../../../engine/worker/inferenceCopies.ts';
import { createHarness, root } from './hostHarness.ts';

const example = (name: string): GraphDocument => GraphDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'assets/examples', name), 'utf8')));

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('the latent lab in the worker', () => {
  it('splits the 2-unit autoencoder: the code and the decoded code equal the whole model\'s bottleneck and output', async () => {
    const document = example('latent-autoencoder.json');
    const whole = Model.compile(document, { batchSize: 3 });
    const parts = buildLatentModels(document, referenceBackend());
    expect(parts).toMatchObject({ dataInput: 'input1', codeNode: 'dense2', codeSize: 2, outputNode: 'reshape1', outputDims: [28, 28, 1] });
    await copyWeights(whole, parts.encoder);
    await copyWeights(whole, parts.decoder);
    const random = createRandom(4);
    const inputs = Float32Array.from({ length: 3 * 784 }, () => random.next());
    whole.write(whole.inputBuffer('input1'), inputs);
    whole.forward('infer');
    const codes = await inferRows(parts.encoder, parts.encoder.inputBuffer('input1'), parts.encoder.outputBuffer('dense2'), inputs, 3);
    expect(codes).toHaveLength(6);
    const expectedCodes = whole.probe('dense2').data;
    codes.forEach((value, i) => expect(value).toBeCloseTo(expectedCodes[i], 5));
    const decoded = await inferRows(parts.decoder, parts.decoder.inputBuffer(parts.latentInput), parts.decoder.outputBuffer('reshape1'), codes, 3);
    const expected = whole.probe('reshape1').data;
    let largest = 0;
    for (let i = 0; i < decoded.length; i++) largest = Math.max(largest, Math.abs(decoded[i] - expected[i]));
    expect(largest).toBeLessThan(1e-5);
  });

  it('refuses a graph that is not an autoencoder, saying which example to open', () => {
    expect(() => buildLatentModels(example('gan-ring.json'), referenceBackend())).toThrow(/needs an autoencoder.*"gan".*2-D latent space/);
  });
});

describe('inference copies', () => {
  it('keeps one run\'s copies: a new run\'s replace them, freeing the old on a backend that still serves', () => {
    const backend = referenceBackend();
    const other = { ...backend };
    const model = (on: typeof backend) => ({ backend: on, dispose: vi.fn() }) as unknown as Model;
    const cache = new RunCache<object, Model>((value) => [value]);
    const [first, second, third] = [{}, {}, {}];
    const kept = cache.get(first, () => model(backend));
    expect(cache.get(first, () => model(backend))).toBe(kept);
    const next = cache.get(second, () => model(backend));
    expect(kept.dispose).toHaveBeenCalledTimes(1);
    // A run on a new backend: the old backend went with its buffers, nothing to free.
    cache.get(third, () => model(other));
    expect(next.dispose).not.toHaveBeenCalled();
  });
});

describe('the GAN lab in the worker', () => {
  it('draws the discriminator\'s heat map and the generator\'s warped grid from the run\'s models, refreshed after a step', async () => {
    const document = example('gan-ring.json');
    const dataset = await loadDataset(document.dataset!);
    const loop = createGanLoop(document, dataset, { batchSize: 64, seed: 1, epochs: 1 });
    const run = new TrainingRun(loop, { epochs: 1 }, () => undefined);
    loop.startEpoch(0);
    for (let index = 0; index < 5; index++) await loop.step(index);
    run.steps = 5;
    const snapshot = (await ganSnapshot(run, 7, 16)) as Extract<EngineEvent, { type: 'ganState' }>;
    expect(snapshot).toMatchObject({ type: 'ganState', requestId: 7, step: 5 });
    const plane = snapshot.plane!;
    const heat = new Float32Array(plane.heat);
    expect(heat).toHaveLength(16 * 16);
    // The top-left cell's centre, through the run's own discriminator.
    const { bounds } = plane;
    const corner = [bounds.xMin + (0.5 / 16) * (bounds.xMax - bounds.xMin), bounds.yMax - (0.5 / 16) * (bounds.yMax - bounds.yMin)];
    const discriminator = loop.parts.discriminator;
    const input = new Float32Array(discriminator.sizeOf(discriminator.inputBuffer('points1')));
    input.set(corner);
    discriminator.write(discriminator.inputBuffer('points1'), input);
    discriminator.forward('infer');
    const logit = discriminator.tensor(discriminator.compiled.prediction as number).data[0];
    expect(heat[0]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 5);
    // The warped grid's first point is the generator's output for noise (−2, 2).
    const warped = new Float32Array(plane.warped);
    const expected = await loop.generate(Float32Array.of(-2, 2));
    expect(warped[0]).toBeCloseTo(expected[0], 5);
    expect(warped[1]).toBeCloseTo(expected[1], 5);
    // The ring's radius is 2: its points sit about 2 from their mean; 8 classes are the modes.
    expect(snapshot.realSpread).toBeCloseTo(2, 1);
    expect(snapshot.modes?.total).toBe(8);
    expect(snapshot.realScore).toBeGreaterThan(0);
    expect(snapshot.fakeScore).toBeLessThan(1);
    await loop.step(5);
    run.steps = 6;
    const next = (await ganSnapshot(run, 8, 16)) as Extract<EngineEvent, { type: 'ganState' }>;
    expect(new Float32Array(next.plane!.heat)).not.toEqual(heat);
  });
});

describe('the GAN lab on an image GAN', () => {
  it('gives D\'s verdicts and the spread for the DCGAN example, without a plane or modes', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: example('dcgan-mnist.json') });
    await harness.send({ type: 'start', settings: { steps: 2, batchSize: 8, telemetryRate: 1e6 } });
    await harness.send({ type: 'ganSnapshot', requestId: 5, gridSize: 16 });
    expect(harness.of('problem')).toEqual([]);
    const [snapshot] = harness.of('ganState');
    expect(snapshot).toMatchObject({ requestId: 5, step: 2, modes: null, plane: null });
    expect(snapshot.realScore).toBeGreaterThan(0);
    expect(snapshot.realScore).toBeLessThan(1);
    // In the data's own units (pixels in [0, 1]) digits differ in many of their 784 pixels.
    expect(snapshot.realSpread).toBeGreaterThan(1);
    expect(Number.isFinite(snapshot.generatedSpread)).toBe(true);
  }, 60_000);
});

describe('the host answers the generative labs', () => {
  it('says to train first when there is no run, naming the request', async () => {
    const harness = createHarness();
    await harness.send({ type: 'ganSnapshot', requestId: 3, gridSize: 16 });
    await harness.send({ type: 'latentCodes', requestId: 4, count: 10 });
    expect(harness.of('problem').map((problem) => [problem.requestId, problem.fatal, problem.problems[0].message])).toEqual([
      [3, false, expect.stringMatching(/press Train on a GAN graph/)],
      [4, false, expect.stringMatching(/press Train on an autoencoder graph/)],
    ]);
  });

  it('gives the 2-unit autoencoder\'s codes of held-out digits with their classes, decodes points and interpolates', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: example('latent-autoencoder.json') });
    await harness.send({ type: 'start', settings: { steps: 5, batchSize: 16, telemetryRate: 1e6 } });
    await harness.send({ type: 'latentCodes', requestId: 1, count: 200 });
    expect(harness.of('problem')).toEqual([]);
    const latent = harness.of('latent')[0];
    expect(latent).toMatchObject({ requestId: 1, step: 5, codeSize: 2, count: 200, projection: null });
    expect(latent.classNames).toHaveLength(10);
    expect(new Set(latent.labels).size).toBeGreaterThan(5);
    const points = new Float32Array(latent.points);
    expect(points).toHaveLength(400);
    for (let i = 0; i < 200; i++) {
      expect(points[2 * i]).toBeGreaterThanOrEqual(latent.bounds.xMin);
      expect(points[2 * i + 1]).toBeLessThanOrEqual(latent.bounds.yMax);
    }
    await harness.send({ type: 'decodeLatent', requestId: 2, points: [0, 0, 1, -1] });
    const decoded = harness.of('decoded')[0];
    expect(decoded.images).toMatchObject({ count: 2, height: 28, width: 28, channels: 1 });
    expect(new Float32Array(decoded.images.data).every((value) => value >= 0 && value <= 1)).toBe(true);
    await harness.send({ type: 'interpolateLatent', requestId: 3, from: latent.indices[0], to: latent.indices[1], steps: 5 });
    const line = new Float32Array(harness.of('decoded')[1].points);
    expect(line).toHaveLength(10);
    expect([line[0], line[1]]).toEqual([points[0], points[1]]);
    expect(line[8]).toBeCloseTo(points[2], 6);
    expect(line[4]).toBeCloseTo((points[0] + points[2]) / 2, 6);
  }, 60_000);

  it('projects a 16-value code on its principal axes, decodes plane points through them and interpolates on the plane', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: example('dense-autoencoder.json') });
    await harness.send({ type: 'start', settings: { steps: 5, batchSize: 16, telemetryRate: 1e6 } });
    await harness.send({ type: 'latentCodes', requestId: 1, count: 300 });
    const latent = harness.of('latent')[0];
    expect(latent).toMatchObject({ codeSize: 16, count: 300 });
    const projection = latent.projection!;
    expect(projection.mean).toHaveLength(16);
    const norm = (vector: readonly number[]) => Math.hypot(...vector);
    expect(norm(projection.first)).toBeCloseTo(1, 6);
    expect(projection.first.reduce((sum, value, i) => sum + value * projection.second[i], 0)).toBeCloseTo(0, 6);
    expect(projection.explained[0]).toBeGreaterThanOrEqual(projection.explained[1]);
    expect(projection.explained[0] + projection.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
    // The projected points have mean 0 on the plane (the codes' mean is its origin).
    const points = new Float32Array(latent.points);
    let meanX = 0;
    for (let i = 0; i < 300; i++) meanX += points[2 * i] / 300;
    expect(meanX).toBeCloseTo(0, 4);
    await harness.send({ type: 'decodeLatent', requestId: 2, points: [0, 0] });
    expect(harness.of('problem')[0].problems[0].message).toMatch(/16 values.*projection/);
    await harness.send({ type: 'decodeLatent', requestId: 3, points: [0, 0], projection });
    expect(harness.of('decoded')[0].images).toMatchObject({ count: 1, height: 28, width: 28 });
    await harness.send({ type: 'interpolateLatent', requestId: 4, from: latent.indices[3], to: latent.indices[7], steps: 3, projection });
    const line = new Float32Array(harness.of('decoded')[1].points);
    expect(line[0]).toBeCloseTo(points[6], 4);
    expect(line[5]).toBeCloseTo(points[15], 4);
  }, 60_000);
});
