// Each kind of training learns what it should, on the bundled data, within a minute on 2 cores.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { loadDataset, unigramEntropy } from '../../../engine/data/index.ts';
import { GraphDocumentSchema, type GraphDocument } from '../../../engine/graph/index.ts';
import type { EngineEvent, RunSettings } from '../../../engine/protocol/index.ts';
import { TrainingRun } from '../../../engine/train/run.ts';
import { prepareSupervised } from '../../../engine/train/setup.ts';

const root = join(import.meta.dirname, '../../..');
const example = (name: string): GraphDocument => GraphDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'assets/examples', name), 'utf8')));

async function train(document: GraphDocument, settings: RunSettings = {}) {
  const dataset = await loadDataset(document.dataset!, { files: createNodeFileSource(root), mnistPath: 'build/data/mnist.bin' });
  const prepared = prepareSupervised(document, dataset, settings);
  const events: EngineEvent[] = [];
  await new TrainingRun(prepared.loop, { epochs: prepared.settings.epochs, telemetryRate: 1e9 }, (event) => events.push(event)).run();
  const epochs = events.filter((event): event is Extract<EngineEvent, { type: 'epoch' }> => event.type === 'epoch');
  return { dataset, events, epochs };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('learning', () => {
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
