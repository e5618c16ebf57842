// What the run driver needs from each kind of training (supervised, autoencoder, GAN, sequence).
import type { EngineEvent } from '../../protocol/index.ts';
import type { Model } from '../model.ts';
import type { Trainer } from '../trainer.ts';

/** What a step's readback gives: its losses and training metrics. */
export interface StepReadings {
  /** The loss divergence is judged on. */
  readonly loss: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface LoopStep {
  readonly learningRate: number;
  /**
   * The step's loss and metrics, read back; null where the step was not observed. The reads are
   * queued when the step returns: on a device the driver may train on before it awaits them.
   */
  readonly readings: Promise<StepReadings> | null;
}

export interface EpochReport {
  readonly validation: Readonly<Record<string, number>>;
  readonly confusion?: readonly (readonly number[])[];
  /** Reconstructions, samples, generated text, predicted series. */
  readonly extras: readonly EngineEvent[];
}

export interface TaskLoop {
  readonly stepsPerEpoch: number;
  /** Examples a step trains on (for samples per second). */
  readonly examplesPerStep: number;
  /** Every model the loop trains (one; two for a GAN). */
  readonly models: readonly Model[];
  readonly trainers: readonly Trainer[];
  startEpoch(epoch: number): void;
  /** Trains on batch `index`; `observe` asks for the step's readings (on a host backend the driver observes every step). */
  step(index: number, observe: boolean): Promise<LoopStep>;
  endEpoch(epoch: number): Promise<EpochReport>;
  /**
   * The task's pictures now, mid-epoch (a GAN's samples, an autoencoder's reconstructions): cheap
   * inference passes the run driver asks for every few seconds, so a long epoch is not silent.
   */
  preview?(epoch: number): Promise<readonly EngineEvent[]>;
}
