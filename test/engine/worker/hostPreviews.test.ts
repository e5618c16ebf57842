// The app's host sends a GAN's samples and an autoencoder's reconstructions after the first step,
// long before an epoch ends; and a stop that comes while a run is still being set up (its data
// loading) stops it before its first step, so a graph left mid-start does not train on unseen.
import { describe, expect, it } from 'vitest';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const example = (name: string) => structuredClone(readExamples().find((found) => found.name === `${name}.json`)!.document);

describe('engine host pictures and early stops', () => {
  it('sends the DCGAN\u2019s samples after its first step, mid-epoch', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: example('dcgan-mnist') });
    await harness.send({ type: 'start', settings: { steps: 2 } });
    const [samples] = harness.of('images');
    expect(samples).toMatchObject({ kind: 'samples', epoch: 0 });
    expect([samples.outputs.count, samples.outputs.height, samples.outputs.width, samples.outputs.channels]).toEqual([16, 28, 28, 1]);
    // Drawn before the run ended (no epoch had ended: 2 of 937 steps).
    expect(harness.events.indexOf(samples)).toBeLessThan(harness.events.findIndex((event) => event.type === 'done'));
    expect(harness.of('epoch')).toHaveLength(0);
    const pixels = new Float32Array(samples.outputs.data);
    expect(pixels.every((value) => value >= 0 && value <= 1)).toBe(true);
  }, 120_000);

  it('sends an autoencoder\u2019s reconstructions of its fixed examples after the first step', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: example('dense-autoencoder') });
    await harness.send({ type: 'start', settings: { steps: 2 } });
    const [pictures] = harness.of('images');
    expect(pictures.kind).toBe('reconstructions');
    expect(pictures.outputs.count).toBe(8);
    expect(pictures.inputs?.count).toBe(8);
    expect(harness.of('epoch')).toHaveLength(0);
  }, 120_000);

  it('stops a run asked to stop while its data loads, before its first step', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: example('mnist-mlp') });
    const started = harness.send({ type: 'start' });
    await harness.send({ type: 'stop' });
    await started;
    const [done] = harness.of('done');
    expect(done).toMatchObject({ reason: 'stopped', steps: 0 });
    expect(harness.of('state').at(-1)?.state).toBe('done');
  }, 120_000);
});
