// Drives a training run: epochs of steps, with pause, resume, single steps, stop and learning-rate
// changes arriving between steps; telemetry throttled; divergence and early stopping end it.
// On a host backend every step's loss and metrics are read (it costs nothing). On a device
// backend a step is read back only when observed (readings.ts): at the telemetry rate, the last
// step of an epoch and of the run, and a single step while paused; the reads are pipelined
// (awaited up to PIPELINE_DEPTH steps later) and divergence is judged at the observed steps.
import type { EngineEvent, RunState } from '../protocol/index.ts';
import { locateNonFinite } from './divergence.ts';
import { EarlyStopping, type EarlyStoppingSettings } from './earlyStopping.ts';
import type { EpochReport, TaskLoop } from './loops/taskLoop.ts';
import { PendingReadings, type Reading } from './readings.ts';
import { StepThrottle } from './throttle.ts';

export interface RunOptions {
  readonly epochs: number;
  /** Stop after this many steps in all (the CLI's --steps). */
  readonly maxSteps?: number;
  readonly telemetryRate?: number;
  /**
   * At most this many epoch reports (validation, confusion, extras) a second; an epoch that ends
   * sooner is held, replaced by the next, and sent when its time comes or the run pauses or ends.
   * Undefined: every epoch is reported (the CLI prints each). The app's tiny data sets end
   * hundreds of epochs a second on the fast backends, more than a screen can show.
   */
  readonly epochReportRate?: number;
  /**
   * Every this many milliseconds of training (and after the first step), the loop's mid-epoch
   * pictures (TaskLoop.preview) are sent. Undefined: pictures at epoch ends only (the CLI).
   */
  readonly previewInterval?: number;
  readonly earlyStopping?: EarlyStoppingSettings;
  /** Where a resumed run starts. */
  readonly startEpoch?: number;
  readonly startIndex?: number;
  /** Steps already trained before a resume. */
  readonly startSteps?: number;
  readonly now?: () => number;
  /** Lets messages in between steps; the worker passes a macrotask wait. */
  readonly yieldControl?: () => Promise<void>;
  /** Called after every successful step (probes of watched nodes); the run awaits it. */
  readonly onStep?: () => void | Promise<void>;
}

export type DoneReason = 'finished' | 'stopped' | 'earlyStopping' | 'diverged';

/** On a device backend: observed steps whose readbacks may be in flight while training goes on. */
export const PIPELINE_DEPTH = 2;

export class TrainingRun {
  state: RunState = 'ready';
  epoch: number;
  index: number;
  steps = 0;
  private pendingSteps = 0;
  private stopRequested = false;
  private wake: (() => void) | null = null;
  private readonly now: () => number;
  private readonly throttle: StepThrottle;
  private lastLosses: Readonly<Record<string, number>> = {};
  private lastProgress = Number.NEGATIVE_INFINITY;
  private lastYield = Number.NEGATIVE_INFINITY;
  /** The newest progress report held back by throttling; sent when the run pauses or ends. */
  private heldProgress: EngineEvent | null = null;
  /** The newest epoch report held back by the epoch pacing, with its epoch. */
  private heldEpoch: { readonly epoch: number; readonly report: EpochReport } | null = null;
  private lastEpochReport = Number.NEGATIVE_INFINITY;
  private lastPreview = Number.NEGATIVE_INFINITY;
  /** Whether every step is read back (host backends), else only observed ones (device backends). */
  private readonly everyStep: boolean;
  private readonly readings = new PendingReadings();
  private lastObserved = Number.NEGATIVE_INFINITY;

  constructor(
    readonly loop: TaskLoop,
    readonly options: RunOptions,
    private readonly emit: (event: EngineEvent) => void,
  ) {
    this.epoch = options.startEpoch ?? 0;
    this.index = options.startIndex ?? 0;
    this.steps = options.startSteps ?? 0;
    this.now = options.now ?? (() => performance.now());
    this.throttle = new StepThrottle(options.telemetryRate ?? 30, (steps) => emit({ type: 'steps', steps }), this.now);
    this.everyStep = loop.models.every((model) => model.onHost);
  }

  pause(): void {
    if (this.state === 'running') this.setState('paused');
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.setState('running');
    this.wake?.();
  }

  /** While paused: run exactly one more step. */
  stepOnce(): void {
    if (this.state !== 'paused') return;
    this.pendingSteps++;
    this.wake?.();
  }

  stop(): void {
    this.stopRequested = true;
    this.wake?.();
  }

  setLearningRate(rate: number): void {
    for (const trainer of this.loop.trainers) trainer.learningRateOverride = rate;
  }

  async run(): Promise<DoneReason> {
    this.setState('running');
    let reason: DoneReason;
    try {
      reason = await this.epochs();
      if (!(await this.settle(0)) && reason !== 'diverged') reason = 'diverged';
    } catch (cause) {
      // A failed read (a lost device) fails the run; the reads still in flight are let go.
      this.readings.clear();
      throw cause;
    }
    this.flushTelemetry();
    this.emit({ type: 'done', steps: this.steps, epochs: this.epoch, losses: this.lastLosses, reason: reason === 'diverged' ? 'stopped' : reason });
    this.setState(reason === 'diverged' ? 'failed' : 'done');
    return reason;
  }

  private async epochs(): Promise<DoneReason> {
    const tracker = new EarlyStopping(this.options.earlyStopping);
    for (; this.epoch < this.options.epochs; this.epoch++, this.index = 0) {
      this.loop.startEpoch(this.epoch);
      const started = this.now();
      const firstIndex = this.index;
      for (; this.index < this.loop.stepsPerEpoch; this.index++) {
        const outcome = await this.beforeStep();
        if (outcome !== null) return outcome;
        if (!(await this.trainOne(started, firstIndex))) return 'diverged';
        if (this.options.maxSteps !== undefined && this.steps >= this.options.maxSteps) {
          this.index++;
          return 'finished';
        }
      }
      const report = await this.loop.endEpoch(this.epoch);
      this.reportEpoch(report);
      if (tracker.shouldStop(report)) {
        this.epoch++;
        return 'earlyStopping';
      }
    }
    return 'finished';
  }

  /** Waits while paused; returns a reason to end the run, or null to go on. */
  private async beforeStep(): Promise<DoneReason | null> {
    // Let requests in every ~10 ms, not every step: a browser clamps nested timeouts to 4 ms.
    if (this.now() - this.lastYield >= 10) {
      await this.options.yieldControl?.();
      this.lastYield = this.now();
    }
    if (this.state === 'paused') {
      if (!(await this.settle(0))) return 'diverged';
      this.flushTelemetry();
    }
    while (this.state === 'paused' && this.pendingSteps === 0 && !this.stopRequested) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    if (this.stopRequested) return 'stopped';
    if (this.state === 'paused') this.pendingSteps--;
    return null;
  }

  private async trainOne(started: number, firstIndex: number): Promise<boolean> {
    const last = this.lastOfRun();
    const observe = this.everyStep || last || this.state === 'paused' || this.now() - this.lastObserved >= 1000 / (this.options.telemetryRate ?? 30);
    const result = await this.loop.step(this.index, observe);
    this.steps++;
    if (result.readings !== null) {
      this.lastObserved = this.now();
      this.readings.add({ step: this.steps, epoch: this.epoch, learningRate: result.learningRate, readings: result.readings });
    }
    if (!(await this.settle(this.everyStep || last || this.state === 'paused' ? 0 : PIPELINE_DEPTH))) return false;
    this.reportProgress(started, firstIndex);
    if (this.heldEpoch !== null && !this.epochPaced()) this.sendEpoch(this.heldEpoch.epoch, this.heldEpoch.report);
    await this.sendPreview();
    await this.options.onStep?.();
    return true;
  }

  /** Whether the next step ends the run or its epoch (then it is observed, and read at once). */
  private lastOfRun(): boolean {
    const { maxSteps } = this.options;
    return this.index + 1 === this.loop.stepsPerEpoch || (maxSteps !== undefined && this.steps + 1 >= maxSteps);
  }

  /**
   * Awaits the oldest readings until at most `depth` are in flight, pushing each step's telemetry;
   * false when one was not finite (the run then diverged, reported at that step).
   */
  private async settle(depth: number): Promise<boolean> {
    for (let reading = await this.readings.next(depth); reading !== null; reading = await this.readings.next(depth)) {
      this.lastLosses = reading.losses;
      if (!Number.isFinite(reading.loss)) {
        await this.diverged(reading);
        return false;
      }
      this.throttle.push({ step: reading.step, epoch: reading.epoch, losses: reading.losses, metrics: reading.metrics, learningRate: reading.learningRate });
    }
    return true;
  }

  private async diverged(reading: Reading): Promise<void> {
    this.readings.clear();
    this.throttle.flush();
    let place = null;
    for (const model of this.loop.models) {
      place = await locateNonFinite(model);
      if (place !== null) break;
    }
    const nodeId = place?.nodeId ?? '?';
    const what = place === null ? 'the loss' : `the ${place.place} of node ${nodeId}`;
    const seen = reading.step === this.steps ? `at step ${reading.step}` : `at step ${reading.step} (seen when the loss was read back; training had gone on to step ${this.steps})`;
    this.emit({ type: 'diverged', step: reading.step, nodeId, message: `Training diverged ${seen}: ${what} is not a finite number. Lower the learning rate, or clip gradients.` });
  }

  private reportProgress(started: number, firstIndex: number): void {
    const lastOfEpoch = this.index + 1 === this.loop.stepsPerEpoch && !this.epochPaced();
    const throttled = !lastOfEpoch && this.now() - this.lastProgress < 1000 / (this.options.telemetryRate ?? 30);
    const doneInEpoch = this.index + 1 - firstIndex;
    const seconds = Math.max(1e-6, (this.now() - started) / 1000);
    const perStep = seconds / doneInEpoch;
    const totalSteps = this.options.maxSteps ?? this.options.epochs * this.loop.stepsPerEpoch;
    const step = this.epoch * this.loop.stepsPerEpoch + this.index + 1;
    const event: EngineEvent = {
      type: 'progress',
      epoch: this.epoch,
      epochs: this.options.epochs,
      step: Math.min(step, totalSteps),
      totalSteps,
      samplesPerSecond: this.loop.examplesPerStep / perStep,
      secondsLeft: Math.max(0, totalSteps - step) * perStep,
    };
    this.heldProgress = throttled ? event : null;
    if (throttled) return;
    this.lastProgress = this.now();
    this.emit(event);
  }

  /** The loop's mid-epoch pictures, when the preview interval has passed since the last pictures. */
  private async sendPreview(): Promise<void> {
    const interval = this.options.previewInterval;
    if (interval === undefined || this.loop.preview === undefined || this.now() - this.lastPreview < interval) return;
    // The last step of an epoch is followed by the epoch's own pictures.
    if (this.index + 1 === this.loop.stepsPerEpoch) return;
    this.lastPreview = this.now();
    this.throttle.flush();
    for (const event of await this.loop.preview(this.epoch)) this.emit(event);
  }

  /** Sends what throttling held back: the pending steps, the newest progress and epoch report. */
  private flushTelemetry(): void {
    this.throttle.flush();
    if (this.heldProgress !== null) {
      this.emit(this.heldProgress);
      this.heldProgress = null;
      this.lastProgress = this.now();
    }
    if (this.heldEpoch !== null) this.sendEpoch(this.heldEpoch.epoch, this.heldEpoch.report);
  }

  /** Whether an epoch ending now would be held back by the epoch pacing. */
  private epochPaced(): boolean {
    const rate = this.options.epochReportRate;
    return rate !== undefined && this.now() - this.lastEpochReport < 1000 / rate;
  }

  private reportEpoch(report: EpochReport): void {
    if (this.epochPaced()) this.heldEpoch = { epoch: this.epoch, report };
    else this.sendEpoch(this.epoch, report);
  }

  private sendEpoch(epoch: number, report: EpochReport): void {
    this.heldEpoch = null;
    this.lastEpochReport = this.now();
    this.throttle.flush();
    this.emit({ type: 'epoch', epoch, validation: report.validation, confusion: report.confusion });
    for (const extra of report.extras) this.emit(extra);
    if (report.extras.length > 0) this.lastPreview = this.now();
  }

  private setState(state: RunState): void {
    this.state = state;
    this.emit({ type: 'state', state });
  }
}
