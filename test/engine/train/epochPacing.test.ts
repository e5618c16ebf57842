// Epoch reports are paced when a run asks for it (the app's worker host does): a run that ends
// epochs faster than the screen can show sends at most `epochReportRate` reports a second, each
// the newest epoch, and the last epoch always. Without a rate (the CLI) every epoch is reported.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import type { TaskLoop } from '../../../engine/train/loops/taskLoop.ts';
import { TrainingRun } from '../../../engine/train/run.ts';

/** A loop whose epochs are two steps of 10 ms each on a fake clock: 50 epochs a second. */
function fastLoop(clock: { now: number }): TaskLoop {
  return {
    stepsPerEpoch: 2,
    examplesPerStep: 1,
    models: [],
    trainers: [],
    startEpoch: () => undefined,
    step: () => {
      clock.now += 10;
      return Promise.resolve({ learningRate: 0.1, readings: Promise.resolve({ loss: 1, losses: { loss: 1 }, metrics: {} }) });
    },
    endEpoch: (epoch) => Promise.resolve({ validation: { loss: epoch }, extras: [] }),
  };
}

async function reportedEpochs(epochReportRate: number | undefined): Promise<number[]> {
  const clock = { now: 0 };
  const events: EngineEvent[] = [];
  const run = new TrainingRun(fastLoop(clock), { epochs: 40, epochReportRate, now: () => clock.now }, (event) => events.push(event));
  expect(await run.run()).toBe('finished');
  return events.flatMap((event) => (event.type === 'epoch' ? [event.epoch] : []));
}

describe('epoch reports', () => {
  it('reports every epoch without a rate', async () => {
    expect(await reportedEpochs(undefined)).toEqual(Array.from({ length: 40 }, (_, epoch) => epoch));
  });

  it('sends at most the rate, the newest epoch each time, and always the last', async () => {
    const epochs = await reportedEpochs(10);
    // Epochs of 20 ms: epoch 0 is sent at 20 ms; epochs 1-4 end within the next 100 ms and are
    // held, each replacing the last; epoch 4 goes out at 120 ms, when its time comes mid-epoch 5;
    // and so on every 100 ms; the last epoch is sent when the run ends.
    expect(epochs).toEqual([0, 4, 9, 14, 19, 24, 29, 34, 39]);
  });
});
