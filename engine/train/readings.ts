// The readbacks of observed steps still in flight: on a device backend the run driver queues a
// step's reads and trains on, awaiting them a bounded number of observed steps later, in order.
import type { StepReadings } from './loops/taskLoop.ts';

export interface PendingStep {
  readonly step: number;
  readonly epoch: number;
  readonly learningRate: number;
  readonly readings: Promise<StepReadings>;
}

/** A step's readings with where it was. */
export interface Reading extends StepReadings {
  readonly step: number;
  readonly epoch: number;
  readonly learningRate: number;
}

export class PendingReadings {
  private readonly queue: PendingStep[] = [];

  get size(): number {
    return this.queue.length;
  }

  add(step: PendingStep): void {
    this.queue.push(step);
  }

  /** The oldest step's readings once more than `depth` are in flight; null when no more need awaiting. */
  async next(depth: number): Promise<Reading | null> {
    if (this.queue.length <= depth) return null;
    const oldest = this.queue.shift() as PendingStep;
    const readings = await oldest.readings;
    return { ...readings, step: oldest.step, epoch: oldest.epoch, learningRate: oldest.learningRate };
  }

  /** Forgets what is in flight (after a divergence), handling their outcomes so none goes unhandled. */
  clear(): void {
    for (const pending of this.queue.splice(0)) pending.readings.catch(() => undefined);
  }
}
