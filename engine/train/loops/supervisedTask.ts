// Supervised training, autoencoders and sequence models as a TaskLoop for the run driver.
import type { Batcher, Dataset } from '../../data/index.ts';
import type { EngineEvent } from '../../protocol/index.ts';
import { Model } from '../model.ts';
import type { Trainer } from '../trainer.ts';
import { generatedText, predictedSeries, reconstructions } from './extras.ts';
import { SupervisedLoop } from './supervised.ts';
import type { EpochReport, LoopStep, TaskLoop } from './taskLoop.ts';

export interface SupervisedParts {
  readonly model: Model;
  readonly trainer: Trainer;
  readonly dataset: Dataset;
  readonly train: Batcher;
  readonly validation: Batcher | null;
  /** Fixed examples in dataset order, for reconstructions and series. */
  readonly fixed: Batcher;
  readonly classes: number | null;
  /** Sampling temperature for generated text. */
  readonly temperature?: number;
}

export class SupervisedTask implements TaskLoop {
  readonly loop: SupervisedLoop;
  readonly models: readonly Model[];
  readonly trainers: readonly Trainer[];
  private sampler: Model | null = null;

  constructor(readonly parts: SupervisedParts) {
    this.loop = new SupervisedLoop(parts.model, parts.trainer, parts.train, parts.validation, parts.classes);
    this.models = [parts.model];
    this.trainers = [parts.trainer];
  }

  get stepsPerEpoch(): number {
    return this.parts.train.batchesPerEpoch;
  }

  get examplesPerStep(): number {
    return this.parts.train.batchSize;
  }

  startEpoch(epoch: number): void {
    this.parts.train.startEpoch(epoch);
  }

  step(index: number, observe = true): Promise<LoopStep> {
    return Promise.resolve(this.loop.trainOn(index, observe));
  }

  async endEpoch(epoch: number): Promise<EpochReport> {
    const evaluation = await this.loop.evaluate();
    return { validation: evaluation?.metrics ?? {}, confusion: evaluation?.confusion ?? undefined, extras: await this.extras(epoch) };
  }

  /** An autoencoder's reconstructions as they are now; other tasks show theirs at epoch ends only. */
  async preview(epoch: number): Promise<EngineEvent[]> {
    if (this.parts.model.compiled.document.training.task !== 'autoencode') return [];
    const event = await reconstructions(this.parts.model, this.loop.dataInput, this.parts.fixed, epoch);
    return event === null ? [] : [event];
  }

  private async extras(epoch: number): Promise<EngineEvent[]> {
    const { model, dataset, fixed } = this.parts;
    const task = model.compiled.document.training.task;
    const events: (EngineEvent | null)[] = [];
    if (task === 'autoencode') events.push(await reconstructions(model, this.loop.dataInput, fixed, epoch));
    if (dataset.inputs.kind === 'token' && dataset.targets.kind === 'token') {
      this.sampler ??= Model.compile(model.compiled.document, { batchSize: 1, backend: model.backend });
      events.push(await generatedText(model, this.sampler, dataset, epoch, this.parts.temperature));
    } else if (dataset.targets.kind === 'value' && dataset.inputDims.length === 2) {
      events.push(await predictedSeries(model, this.loop.dataInput, fixed, epoch));
    }
    return events.filter((event): event is EngineEvent => event !== null);
  }
}
