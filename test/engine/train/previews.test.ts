// Mid-epoch pictures: a run with a preview interval sends the loop's pictures after its first step
// and then once per interval of training, never at an epoch's last step (the epoch's own pictures
// follow it), and an epoch's pictures restart the interval. Without an interval (the CLI) only
// epoch ends send pictures. A GAN and an autoencoder on real data send theirs within two steps.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import type { TaskLoop } from '../../../engine/train/loops/taskLoop.ts';
import { TrainingRun } from '../../../engine/train/run.ts';

/** Epochs of 10 steps of 300 ms each on a fake clock; each picture is a text event naming its step. */
function slowLoop(clock: { now: number }, steps: { count: number }): TaskLoop {
  const picture = (epoch: number): EngineEvent => ({ type: 'text', epoch, temperature: 1, samples: [`step ${steps.count}`] });
  return {
    stepsPerEpoch: 10,
    examplesPerStep: 1,
    models: [],
    trainers: [],
    startEpoch: () => undefined,
    step: () => {
      clock.now += 300;
      steps.count++;
      return Promise.resolve({ learningRate: 0.1, readings: Promise.resolve({ loss: 1, losses: { loss: 1 }, metrics: {} }) });
    },
    endEpoch: (epoch) => Promise.resolve({ validation: {}, extras: [picture(epoch)] }),
    preview: (epoch) => Promise.resolve([picture(epoch)]),
  };
}

async function pictureSteps(previewInterval: number | undefined): Promise<string[]> {
  const clock = { now: 0 };
  const steps = { count: 0 };
  const events: EngineEvent[] = [];
  const run = new TrainingRun(slowLoop(clock, steps), { epochs: 2, previewInterval, now: () => clock.now }, (event) => events.push(event));
  await run.run();
  return events.flatMap((event) => (event.type === 'text' ? [`${event.epoch}:${event.samples[0]}`] : []));
}

describe('mid-epoch pictures', () => {
  it('sends only the epochs\u2019 pictures without an interval', async () => {
    expect(await pictureSteps(undefined)).toEqual(['0:step 10', '1:step 20']);
  });

  it('sends pictures after the first step, then every interval of training', async () => {
    // Steps end at 300 ms each: step 1 (300 ms) previews; 1000 ms later is step 5 (1500 ms), then
    // step 9 (2700 ms); step 10 ends the epoch with its own picture (3000 ms), which restarts the
    // wait: the next preview is step 14 (4200 ms), then step 18 (5400 ms), then the epoch's at 20.
    expect(await pictureSteps(1000)).toEqual(['0:step 1', '0:step 5', '0:step 9', '0:step 10', '1:step 14', '1:step 18', '1:step 20']);
  });
});
