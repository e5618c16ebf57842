// Every example trains for a few steps in the engine host and its loss falls (a GAN's discriminator loss).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExamples } from '../graph/examples.ts';
import { createHarness, mean, root } from './hostHarness.ts';

const steps: Record<string, { steps: number; batchSize?: number; learningRate?: number }> = {
  'xo-cnn.json': { steps: 40 },
  'mnist-mlp.json': { steps: 40 },
  'lenet5.json': { steps: 40 },
  'fashion-cnn.json': { steps: 30, batchSize: 16 },
  'dense-autoencoder.json': { steps: 40 },
  'latent-autoencoder.json': { steps: 40 },
  'conv-autoencoder.json': { steps: 40, batchSize: 16 },
  'char-lstm.json': { steps: 40, batchSize: 16 },
  'sine-lstm.json': { steps: 60 },
  'gru-waveforms.json': { steps: 60 },
  'dcgan-mnist.json': { steps: 10, batchSize: 8 },
  'gan-ring.json': { steps: 40 },
};

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('examples train in the engine host', () => {
  it('has a plan in the table above for every example in assets/examples, and none for one that is gone', () => {
    expect(Object.keys(steps).sort()).toEqual(readExamples().map(({ name }) => name));
  });

  for (const { name, document } of readExamples()) {
    const plan = steps[name];
    // An example without a plan fails the test above; it gets no training test of its own.
    if (plan === undefined) continue;
    it(`${name}: the loss falls over ${plan.steps} steps`, async () => {
      const harness = createHarness();
      await harness.send({ type: 'compile', document });
      expect(harness.of('compiled')).toHaveLength(1);
      await harness.send({ type: 'start', settings: { steps: plan.steps, batchSize: plan.batchSize, epochs: 50, telemetryRate: 1e6 } });
      expect(harness.of('problem')).toEqual([]);
      const gan = (document.training as { task?: string }).task === 'gan';
      const losses = harness.losses(gan ? 'discriminator' : 'loss');
      expect(losses).toHaveLength(plan.steps);
      const window = gan ? 3 : 8;
      expect(mean(losses.slice(-window))).toBeLessThan(mean(losses.slice(0, window)));
      expect(harness.of('done')[0]).toMatchObject({ steps: plan.steps, reason: 'finished' });
    }, 60_000);
  }
});
