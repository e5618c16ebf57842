// A GPU device lost mid-run (a driver reset, the GPU taken away) need not end the run: while a
// run trains on a device backend the host keeps an in-memory checkpoint of it, taken at its first
// step and then every SNAPSHOT_INTERVAL_MS; when a read fails because the device was lost
// (webgpu/device.ts turns `device.lost` into an error on the next read), the run goes on on the
// fastest CPU backend from that checkpoint, with a message saying so and how many steps were lost.
import { defaultBackendName, type BackendName } from '../backends/index.ts';
import type { EngineEvent } from '../protocol/index.ts';
import type { TrainingRun } from '../train/run.ts';

/** Milliseconds of training between two in-memory checkpoints of a device run. */
export const SNAPSHOT_INTERVAL_MS = 10_000;

/** Whether `cause` says the GPU device was lost (the webgpu backend's message). */
export function deviceLost(cause: unknown): boolean {
  return cause instanceof Error && /GPU device was lost/.test(cause.message);
}

export interface Snapshot {
  readonly bytes: Uint8Array;
  /** The run's steps when it was taken. */
  readonly steps: number;
}

/** The latest in-memory checkpoint of a run on a device backend. */
export class DeviceSnapshots {
  private latestSnapshot: Snapshot | null = null;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly interval = SNAPSHOT_INTERVAL_MS,
  ) {}

  get latest(): Snapshot | null {
    return this.latestSnapshot;
  }

  /** After a step: a checkpoint when one is due (the first step, then every interval). */
  async afterStep(run: TrainingRun, save: () => Promise<Uint8Array>): Promise<void> {
    if (this.now() - this.last < this.interval) return;
    this.last = this.now();
    const steps = run.steps;
    this.latestSnapshot = { bytes: await save(), steps };
  }
}

/** Where a run resumes after the step it has just trained (run.onStep comes before the driver moves on). */
export function positionAfterStep(run: TrainingRun): { epoch: number; index: number } {
  return run.index + 1 < run.loop.stepsPerEpoch ? { epoch: run.epoch, index: run.index + 1 } : { epoch: run.epoch + 1, index: 0 };
}

export interface Fallback {
  readonly backend: BackendName;
  readonly checkpoint: ArrayBuffer;
  /** Steps the resumed run still has to train where the run was given a number of steps. */
  readonly steps: number | undefined;
}

/**
 * Runs `run`; when it fails because the device was lost and a snapshot exists, posts the message
 * and returns how to go on (the host starts the run again from it). Any other failure is thrown.
 */
export async function runOrFallBack(run: TrainingRun, snapshots: DeviceSnapshots | null, send: (event: EngineEvent) => void): Promise<Fallback | null> {
  try {
    await run.run();
    return null;
  } catch (cause) {
    const snapshot = snapshots?.latest ?? null;
    if (!deviceLost(cause) || snapshot === null) throw cause;
    run.state = 'failed';
    const backend = defaultBackendName();
    const lost = run.steps - snapshot.steps;
    const message = `The GPU device was lost at step ${run.steps}: training goes on on the ${backend} backend from the in-memory checkpoint of step ${snapshot.steps} (${lost} step${lost === 1 ? '' : 's'} lost).`;
    send({ type: 'problem', fatal: false, problems: [{ message, suggestion: 'Save a checkpoint now and then; choose WebGPU again once the GPU is back.' }] });
    const { maxSteps } = run.options;
    const copy = snapshot.bytes.slice().buffer;
    return { backend, checkpoint: copy, steps: maxSteps === undefined ? undefined : Math.max(0, maxSteps - snapshot.steps) };
  }
}
