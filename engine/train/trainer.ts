// One training step: forward, backward, gradient clipping, the optimizer update on the schedule.
import type { TrainingSettings } from '../graph/index.ts';
import { clipGradientNorm } from './clip.ts';
import type { Model } from './model.ts';
import { createOptimizer, type Optimizer, type ParameterSlot } from './optimizers/index.ts';
import { scheduledLearningRate } from './schedule.ts';

export interface StepResult {
  readonly step: number;
  readonly loss: number;
  readonly learningRate: number;
  /** Global gradient norm before clipping. */
  readonly gradientNorm: number | null;
}

export class Trainer {
  readonly slots: ParameterSlot[];
  readonly optimizer: Optimizer;
  step = 0;
  /** Overrides the settings' rate (the user changed it during a run). */
  learningRateOverride: number | null = null;

  constructor(
    readonly model: Model,
    readonly settings: TrainingSettings,
    readonly totalSteps: number,
  ) {
    this.slots = model.parameterSlots();
    this.optimizer = createOptimizer(settings.optimizer);
    for (const slot of this.slots) this.optimizer.init(slot);
  }

  /** Trains on the batch already placed in the model's inputs and target. */
  trainStep(): StepResult {
    this.model.forward('train');
    this.model.backward();
    this.step++;
    const clip = this.settings.optimizer.gradientClip;
    const gradientNorm = clip === undefined ? null : clipGradientNorm(this.slots, clip);
    const base = this.learningRateOverride ?? this.settings.optimizer.learningRate;
    const learningRate = scheduledLearningRate(this.settings.schedule, base, this.step, this.totalSteps);
    this.optimizer.update(this.slots, learningRate, this.step);
    return { step: this.step, loss: this.model.loss(), learningRate, gradientNorm };
  }
}
