// One training step: forward, backward, then the update phase (gradient clipping and the optimizer,
// compiled as kernel calls: compile/update.ts) on the schedule's learning rate. Parameters and
// optimizer state stay in the backend; the host writes only the step's scalars.
import { updateCalls, type CompiledOptimizer } from '../compile/index.ts';
import type { TrainingSettings } from '../graph/index.ts';
import { encodeStepScalars, STEP_SCALARS, type BufferId } from '../ir/index.ts';
import type { BoundCalls } from '../backends/index.ts';
import type { Model } from './model.ts';
import { scheduledLearningRate } from './schedule.ts';

/** A parameter as its trainer sees it: frozen ones keep their value; `state` lists the optimizer state buffers it updates. */
export interface TrainedParameter {
  /** `node/name`. */
  readonly name: string;
  readonly frozen: boolean;
  readonly state: readonly BufferId[];
}

export interface StepResult {
  readonly step: number;
  readonly loss: number;
  readonly learningRate: number;
}

export class Trainer {
  step = 0;
  /** Overrides the settings' rate (the user changed it during a run). */
  learningRateOverride: number | null = null;
  /** Every parameter of the model with the optimizer state this trainer updates (what checkpoints save). */
  readonly slots: readonly TrainedParameter[];
  private readonly update: BoundCalls;
  private readonly optimizer: CompiledOptimizer;
  /** The step scalars written before each update, reused (a step allocates nothing for them). */
  private readonly scalars = new Int32Array(STEP_SCALARS);

  constructor(
    readonly model: Model,
    readonly settings: TrainingSettings,
    readonly totalSteps: number,
  ) {
    if (model.precision !== 'f32') throw new Error('Training needs a float32 model.');
    const calls = updateCalls(model.compiled, settings.optimizer);
    this.optimizer = model.compiled.optimizer;
    this.slots = trainedParameters(model, calls);
    this.update = model.bind(calls);
  }

  /** Trains on the batch already placed in the model's inputs and target, and reads its loss (any backend). */
  async trainStepAsync(): Promise<StepResult> {
    const learningRate = this.advance();
    return { step: this.step, loss: await this.model.readLoss(), learningRate };
  }

  /** trainStepAsync for a model whose backend keeps its buffers in host memory (tests, tools). */
  trainStep(): StepResult {
    const learningRate = this.advance();
    return { step: this.step, loss: this.model.loss(), learningRate };
  }

  /** Runs one step's forward, backward and update without reading anything back; returns the learning rate. */
  advance(): number {
    this.model.forward('train');
    this.model.backward();
    this.step++;
    const base = this.learningRateOverride ?? this.settings.optimizer.learningRate;
    const learningRate = scheduledLearningRate(this.settings.schedule, base, this.step, this.totalSteps);
    this.model.write(this.optimizer.scalars, encodeStepScalars(this.step, learningRate, this.scalars));
    this.model.run(this.update);
    return learningRate;
  }

  /** The global gradient norm of the last step before clipping; null when the settings do not clip. */
  async gradientNorm(): Promise<number | null> {
    if (this.settings.optimizer.gradientClip === undefined) return null;
    return (await this.model.read(this.optimizer.norm)).data[0];
  }
}

/** Each parameter with the state buffers the update calls use (fewer than declared when the optimizer kind differs). */
function trainedParameters(model: Model, calls: readonly { readonly inputs: readonly BufferId[] }[]): TrainedParameter[] {
  const used = new Set(calls.flatMap((call) => call.inputs));
  return model.compiled.parameters.map((parameter) => {
    const name = `${parameter.node}/${parameter.name}`;
    const state = (model.compiled.optimizer.state.get(name) ?? []).filter((buffer) => used.has(buffer));
    return { name, frozen: parameter.gradient === undefined, state };
  });
}
