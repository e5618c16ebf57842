// Each kind of training learns what it should, on the bundled data, within a minute on 2 cores.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { loadDataset, unigramEntropy } from '../../../engine/data/index.ts';
import { GraphDocumentSchema, type GraphDocument } from '../../../engine/graph/index.ts';
import type { EngineEvent, RunSettings } from '../../../engine/protocol/index.ts';
import type { SupervisedTask } from '../../../engine/train/loops/supervisedTask.ts';
import { TrainingRun } from '../../../engine/train/run.ts';
import { prepareSupervised } from '../../../engine/train/setup.ts';

const root = join(import.meta.dirname, '../../..');
const example = (name: string): GraphDocument => GraphDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'assets/examples', name), 'utf8')));

async function train(document: GraphDocument, settings: RunSettings = {}) {
  const dataset = await loadDataset(document.dataset!, { files: createNodeFileSource(root), mnistPath: 'build/data/mnist.bin' });
  const prepared = prepareSupervised(document, dataset, settings);
  const before = (prepared.loop as SupervisedTask).loop.evaluate()?.metrics;
  const events: EngineEvent[] = [];
  await new TrainingRun(prepared.loop, { epochs: prepared.settings.epochs, telemetryRate: 1e9 }, (event) => events.push(event)).run();
  const epochs = events.filter((event): event is Extract<EngineEvent, { type: 'epoch' }> => event.type === 'epoch');
  return { dataset, events, epochs, before };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('learning', () => {
  it('LeNet-5 reaches 95% validation accuracy on the bundled MNIST digits in 2 epochs', async () => {
    const { epochs } = await train(example('lenet5.json'), { epochs: 2 });
    expect(epochs).toHaveLength(2);
    expect(epochs[1].validation.accuracy).toBeGreaterThan(0.95);
    expect(epochs[1].confusion?.flat().reduce((sum, count) => sum + count, 0)).toBe(1000);
  }, 60_000);

  it('the dense autoencoder cuts reconstruction MSE at least 5-fold from where its first epoch starts', async () => {
    const { epochs, events, before } = await train(example('dense-autoencoder.json'), { epochs: 3 });
    const final = epochs.at(-1)?.validation.loss as number;
    expect((before?.loss as number) / final).toBeGreaterThan(5);
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

  it('the sine LSTM predicts the next value with MSE below 0.01', async () => {
    const { epochs, events } = await train(example('sine-lstm.json'), { epochs: 3 });
    expect(epochs.at(-1)?.validation.loss).toBeLessThan(0.01);
    const series = events.filter((event) => event.type === 'series').at(-1) as Extract<EngineEvent, { type: 'series' }>;
    expect(series.truth.length).toBeGreaterThan(20);
    expect(series.prediction).toHaveLength(series.truth.length);
  }, 60_000);

  it('the character LSTM ends well below the unigram entropy of the toy language', async () => {
    const { dataset, epochs, events } = await train(example('char-lstm.json'), { epochs: 2 });
    const entropy = unigramEntropy(dataset.inputs.values as Int32Array);
    expect(entropy).toBeGreaterThan(2.5);
    expect(epochs.at(-1)?.validation.loss).toBeLessThan(0.7 * entropy);
    const text = events.filter((event) => event.type === 'text').at(-1) as Extract<EngineEvent, { type: 'text' }>;
    expect(text.samples[0].length).toBe(160);
    expect([...text.samples[0]].every((character) => dataset.vocabulary!.includes(character))).toBe(true);
  }, 60_000);
});

describe('denoising and sampling settings', () => {
  it('a denoising autoencoder trains on noisy inputs against clean targets', async () => {
    const document = example('dense-autoencoder.json');
    const noisy = { ...document, training: { ...document.training, denoise: 0.3 } };
    const { epochs, before } = await train(noisy, { epochs: 1 });
    expect((before?.loss as number) / (epochs[0].validation.loss as number)).toBeGreaterThan(3);
    const dataset = await loadDataset(noisy.dataset!, { files: createNodeFileSource(root), mnistPath: 'build/data/mnist.bin' });
    const task = prepareSupervised(noisy, dataset, { batchSize: 4 }).loop as SupervisedTask;
    task.startEpoch(0);
    task.step(0);
    const input = task.models[0].input(task.loop.dataInput).data;
    const target = task.models[0].target().data;
    expect(Math.min(...input)).toBeLessThan(-0.2);
    expect(Math.min(...target)).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('generated text uses the chosen temperature', async () => {
    const { events } = await train(example('char-lstm.json'), { epochs: 1, temperature: 0.3 });
    expect(events.find((event) => event.type === 'text')).toMatchObject({ temperature: 0.3 });
  }, 60_000);
});
