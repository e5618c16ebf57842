// Each kind of training learns what it should, on the bundled data, within a minute on 2 cores,
// on every backend under test (../backends/underTest.ts). LeNet-5's 2 epochs measured 38-41 s on
// cpu, 11.6-11.9 s on wasm and 11.3-11.8 s on wasm with 2 threads (2 busy cores, 2026-12,
// interleaved in one process); NETLOOM_LEARNING_REPORT=1 prints each run's time and metrics.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../engine/backends/index.ts';
import { unigramEntropy } from '../../../engine/data/index.ts';
import type { GraphDocument } from '../../../engine/graph/index.ts';
import type { EngineEvent, RunSettings } from '../../../engine/protocol/index.ts';
import type { SupervisedTask } from '../../../engine/train/loops/supervisedTask.ts';
import { TrainingRun } from '../../../engine/train/run.ts';
import { prepareSupervised } from '../../../engine/train/setup.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';
import { example, loadExampleData, meanImageError, reportLearning, root } from './learningHarness.ts';

async function train(backend: Backend, document: GraphDocument, settings: RunSettings = {}) {
  const started = performance.now();
  const dataset = await loadExampleData(document);
  const prepared = prepareSupervised(document, dataset, settings, backend);
  const before = (await (prepared.loop as SupervisedTask).loop.evaluate())?.metrics;
  const events: EngineEvent[] = [];
  await new TrainingRun(prepared.loop, { epochs: prepared.settings.epochs, telemetryRate: 1e9 }, (event) => events.push(event)).run();
  const epochs = events.filter((event): event is Extract<EngineEvent, { type: 'epoch' }> => event.type === 'epoch');
  reportLearning(document.metadata.name, backend, (performance.now() - started) / 1000, epochs.at(-1)?.validation ?? {});
  return { dataset, events, epochs, before, settings: prepared.settings };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe.each(backendsFor('long learning'))('learning on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('LeNet-5 reaches 95% validation accuracy on the bundled MNIST digits in 2 epochs', async () => {
    const { epochs } = await train(backend(), example('lenet5.json'), { epochs: 2 });
    expect(epochs).toHaveLength(2);
    expect(epochs[1].validation.accuracy).toBeGreaterThan(0.95);
    expect(epochs[1].confusion?.flat().reduce((sum, count) => sum + count, 0)).toBe(1000);
  }, 60_000);

  // The mean training image, shown for every input, scores 0.067; after 3 epochs the autoencoder
  // measured 0.022 (0.33 of it), so it reconstructs the digit it is given rather than a blur.
  test('the dense autoencoder ends below half the validation MSE of always drawing the mean image', async () => {
    const { dataset, epochs, events, before, settings } = await train(backend(), example('dense-autoencoder.json'), { epochs: 3 });
    const final = epochs.at(-1)?.validation.loss as number;
    const baseline = meanImageError(dataset, settings.validationSplit, settings.seed);
    expect(baseline).toBeGreaterThan(0.05);
    expect(before?.loss).toBeGreaterThan(baseline);
    expect(final).toBeLessThan(0.5 * baseline);
    expect(final).toBeLessThan(epochs[0].validation.loss);
    const images = events.filter((event): event is Extract<EngineEvent, { type: 'images' }> => event.type === 'images');
    expect(images).toHaveLength(3);
    expect(images[2]).toMatchObject({ kind: 'reconstructions', outputs: { count: 8, height: 28, width: 28, channels: 1 } });
    const error = (event: Extract<EngineEvent, { type: 'images' }>) => {
      const inputs = new Float32Array(event.inputs!.data);
      const outputs = new Float32Array(event.outputs.data);
      return inputs.reduce((sum, value, i) => sum + (value - outputs[i]) ** 2, 0) / inputs.length;
    };
    expect(error(images[2])).toBeLessThan(error(images[0]));
  }, 60_000);

  // One epoch on noisy inputs measured 0.56 of the mean-image MSE (0.038 against 0.067).
  test('a denoising autoencoder trains on noisy inputs against clean targets, and beats the mean image', async () => {
    const document = example('dense-autoencoder.json');
    const noisy = { ...document, training: { ...document.training, denoise: 0.3 } };
    const { dataset, epochs, settings } = await train(backend(), noisy, { epochs: 1 });
    expect(epochs[0].validation.loss).toBeLessThan(0.7 * meanImageError(dataset, settings.validationSplit, settings.seed));
    const task = prepareSupervised(noisy, dataset, { batchSize: 4 }, backend()).loop as SupervisedTask;
    task.startEpoch(0);
    await task.step(0, true);
    const input = task.models[0].input(task.loop.dataInput).data;
    const target = task.models[0].target().data;
    expect(Math.min(...input)).toBeLessThan(-0.2);
    expect(Math.min(...target)).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

describe.each(backendsFor('learning'))('recurrent learning and sampling on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('the sine LSTM predicts the next value with MSE below 0.01', async () => {
    const { epochs, events } = await train(backend(), example('sine-lstm.json'), { epochs: 3 });
    expect(epochs.at(-1)?.validation.loss).toBeLessThan(0.01);
    const series = events.filter((event) => event.type === 'series').at(-1) as Extract<EngineEvent, { type: 'series' }>;
    expect(series.truth.length).toBeGreaterThan(20);
    expect(series.prediction).toHaveLength(series.truth.length);
  }, 60_000);

  test('the character LSTM ends well below the unigram entropy of the toy language', async () => {
    const { dataset, epochs, events } = await train(backend(), example('char-lstm.json'), { epochs: 2 });
    const entropy = unigramEntropy(dataset.inputs.values as Int32Array);
    expect(entropy).toBeGreaterThan(2.5);
    expect(epochs.at(-1)?.validation.loss).toBeLessThan(0.7 * entropy);
    const text = events.filter((event) => event.type === 'text').at(-1) as Extract<EngineEvent, { type: 'text' }>;
    expect(text.samples[0].length).toBe(160);
    expect([...text.samples[0]].every((character) => dataset.vocabulary!.includes(character))).toBe(true);
  }, 60_000);

  test('generated text uses the chosen temperature', async () => {
    const { events } = await train(backend(), example('char-lstm.json'), { epochs: 1, temperature: 0.3 });
    expect(events.find((event) => event.type === 'text')).toMatchObject({ temperature: 0.3 });
  }, 60_000);
});
