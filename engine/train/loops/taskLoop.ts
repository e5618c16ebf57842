// What the run driver needs from each kind of training (supervised, autoencoder, GAN, sequence).
import type { EngineEvent } from '../../protocol/index.ts';
import type { Model } from '../model.ts';
import type { Trainer } from '../trainer.ts';

export interface LoopStep {
  /** The loss divergence is judged on. */
  readonly loss: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
  readonly learningRate: number;
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
  step(index: number): LoopStep;
  endEpoch(epoch: number): EpochReport;
  /**
   * The task's pictures now, mid-epoch (a GAN's samples, an autoencoder's reconstructions): cheap
   * inference passes the run driver asks for every few seconds, so a long epoch is not silent.
   */
  preview?(epoch: number): readonly EngineEvent[];
}
